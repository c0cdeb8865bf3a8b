import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

/**
 * Issue 15 item 14: the Content-Security-Policy of every answer. Scripts only from the app's own
 * origin (the built client has no inline script: Vite emits `<script type="module" src>`), so an
 * injected `<script>` or `onclick=` never runs. Styles allow 'unsafe-inline' because AG Grid and
 * Solid's style bindings inject style elements and attributes at run time; a style cannot run
 * code. Images and fonts may be data: URIs (AG Grid's icons), blob: for exported PNG previews.
 * `frame-ancestors 'none'`: no other page may frame the app (clickjacking).
 */
export const APP_CSP = contentSecurityPolicy();

/** The app's policy, with sources added to some directives (the GraphiQL page's CDN). */
export function contentSecurityPolicy(
  extra: Partial<Record<"script-src" | "style-src" | "img-src" | "font-src" | "connect-src", string[]>> = {},
): string {
  const base: [string, string][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'"],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' data: blob:"],
    ["font-src", "'self' data:"],
    ["connect-src", "'self'"],
    ["worker-src", "'self' blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return base.map(([d, v]) => [d, v, ...(extra[d as keyof typeof extra] ?? [])].join(" ")).join("; ");
}

/**
 * Sets the headers every answer of the HTTP server carries, before any route writes. A route
 * may override one (the GraphiQL page relaxes the CSP); Node merges these with the route's own
 * `writeHead` headers, the route's taking precedence.
 */
export function setSecurityHeaders(res: ServerResponse, kind: "api" | "static"): void {
  res.setHeader("content-security-policy", APP_CSP);
  // Legacy twin of frame-ancestors for browsers without CSP level 2.
  res.setHeader("x-frame-options", "DENY");
  // A JSON answer or an uploaded file is never sniffed into HTML or script.
  res.setHeader("x-content-type-options", "nosniff");
  // URLs carry filters and ids (complaint numbers); they stay on this origin.
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("cross-origin-opener-policy", "same-origin");
  res.setHeader("cross-origin-resource-policy", "same-origin");
  // API answers hold personal data: no browser or proxy cache keeps them. Static files set their
  // own caching (hashed assets are immutable).
  if (kind === "api") res.setHeader("cache-control", "no-store");
}

/** CSP source expressions ('sha256-…') for the inline `<script>` elements of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`);
  }
  return hashes;
}
