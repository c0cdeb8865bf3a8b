import { renderGraphiQL, shouldRenderGraphiQL, type Plugin } from "graphql-yoga";
import { contentSecurityPolicy, inlineScriptHashes } from "./security-headers.ts";

/**
 * Issue 15 item 14: yoga's GraphiQL page loads its scripts from unpkg.com and runs inline
 * scripts; served on the app's origin it would hand the session cookie's origin to a CDN. It is
 * therefore off unless asked for: NODE_ENV=development or GRAPHIQL=1 (GRAPHIQL=0 turns it off
 * in development too).
 */
export function graphiqlEnabled(env: NodeJS.ProcessEnv): boolean {
  if (env.GRAPHIQL === "1") return true;
  if (env.GRAPHIQL === "0") return false;
  return env.NODE_ENV === "development";
}

const TITLE = "Tingjian GraphQL";

/**
 * Serves GET /graphql (Accept: text/html) in place of yoga's own GraphiQL (createYoga's
 * `graphiql: false`): when enabled, yoga's page with a CSP relaxed for this page only (the CDN,
 * the hashes of its inline scripts, blob: workers); when off, a short note instead of a GraphQL
 * error. Every other answer keeps the app's strict CSP (security-headers.ts).
 */
export function useGraphiQLPage(enabled: boolean): Plugin {
  let page: { html: string; csp: string } | undefined;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!shouldRenderGraphiQL(request) || url.pathname.replace(/\/$/, "") !== "/graphql") return;
      if (!enabled) {
        endResponse(
          new fetchAPI.Response(
            "GraphiQL is off on this server (start it with GRAPHIQL=1 to serve it). POST GraphQL requests to /graphql.\n",
            {
              status: 404,
              headers: { "content-type": "text/plain; charset=utf-8" },
            },
          ),
        );
        return;
      }
      page ??= renderPage();
      endResponse(
        new fetchAPI.Response(page.html, {
          status: 200,
          headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": page.csp },
        }),
      );
    },
  };
}

function renderPage(): { html: string; csp: string } {
  const html = renderGraphiQL({ title: TITLE }) as string;
  const cdn = "https://unpkg.com";
  // The page fetches its editor workers from the CDN and runs them from blob: URLs.
  const csp = contentSecurityPolicy({
    "script-src": [cdn, ...inlineScriptHashes(html)],
    "style-src": [cdn],
    "img-src": ["https://raw.githubusercontent.com"],
    "font-src": [cdn],
    "connect-src": [cdn],
  });
  return { html, csp };
}
