// Being built (issue 7); replaced by the page itself.
export default function Page(_props: { params: Record<string, string> }) {
  return <section><h1>ComplaintDetailPage</h1></section>;
}
