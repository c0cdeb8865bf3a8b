import { createSignal, type JSX } from "solid-js";

/** The current location; the app has one history, so one signal serves every page. */
const [current, setCurrent] = createSignal(readLocation());
window.addEventListener("popstate", () => setCurrent(readLocation()));

function readLocation() {
  return { path: window.location.pathname, search: window.location.search };
}

export function location() {
  return current();
}

export function searchParams(): URLSearchParams {
  return new URLSearchParams(current().search);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  setCurrent(readLocation());
  window.scrollTo(0, 0);
}

/** Replaces the query string without a new history entry (filters, tabs). */
export function setSearchParams(params: Record<string, string | null | undefined>): void {
  const next = new URLSearchParams(current().search);
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === "") next.delete(k);
    else next.set(k, v);
  }
  const qs = next.toString();
  navigate(`${current().path}${qs ? `?${qs}` : ""}`, { replace: true });
}

/** Matches "/complaints/:id" against a path; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const s = path.split("/").filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(":")) params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

export function Link(props: { href: string; class?: string; children: JSX.Element; "data-testid"?: string }) {
  return (
    <a
      href={props.href}
      class={props.class}
      data-testid={props["data-testid"]}
      classList={{ active: current().path === props.href.split("?")[0] }}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
