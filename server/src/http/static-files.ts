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
  // A bad URL is the caller's mistake whatever the server's state: 400 before anything else.
  const decoded = decodePath(urlPath.split("?")[0] ?? "/");
  if (decoded === null) {
    // Issue 15 item 1: `GET /%` made decodeURIComponent throw out of the request handler.
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request: the URL is not valid percent-encoding.");
    return;
  }
  if (!existsSync(join(root, "index.html"))) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
    res.end("The client is not built; run `pnpm build` (pnpm start does it).");
    return;
  }
  const file = normalize(join(root, decoded));
  const inside = file === root || file.startsWith(root + sep);
  const target = inside && isFile(file) ? file : join(root, "index.html");
  const immutable = target.includes(`${sep}assets${sep}`);
  const stream = createReadStream(target);
  // A file removed between the check and the read (a rebuild) is a failed answer, not a crash.
  stream.once("error", () => {
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Cannot read the file.");
    else res.destroy();
  });
  stream.once("open", () => {
    res.writeHead(200, {
      "content-type": types[extname(target)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
    stream.pipe(res);
  });
  res.once("close", () => stream.destroy());
}

/** The URL path decoded, or null when it is not valid percent-encoding or holds a NUL. */
function decodePath(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes("\0") ? null : decoded;
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // missing, a name too long, a component that is not a directory
  }
}
