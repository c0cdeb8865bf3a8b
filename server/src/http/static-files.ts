import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { ServerResponse } from "node:http";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/**
 * Serves the built client (client/dist). Unknown paths get index.html so that client-side
 * routes survive a reload; hashed assets are cached for a year.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  if (!existsSync(join(root, "index.html"))) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
    res.end("The client is not built; run `pnpm build` (pnpm start does it).");
    return;
  }
  const decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  const file = normalize(join(root, decoded));
  const inside = file === root || file.startsWith(root + sep);
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(root, "index.html");
  const immutable = target.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    "content-type": types[extname(target)] ?? "application/octet-stream",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(target).pipe(res);
}
