import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { Database } from "@tingjian/prisma";
import type { App } from "../yoga.ts";
import { serveStatic } from "./static-files.ts";
import { guarded } from "./last-resort.ts";
import { setSecurityHeaders } from "./security-headers.ts";
import { trackInFlight } from "./drain.ts";

export const clientDist = fileURLToPath(new URL("../../../client/dist", import.meta.url));

export interface Routes {
  app: App | null;
  db: Database | null;
}

/**
 * The one HTTP server: /graphql (API and GraphiQL), /health, and the built client. It is bound
 * before the database is opened so that a port already in use fails before anything is
 * written; until `routes` are filled it answers 503. Every answer carries the security headers
 * (issue 15 item 14); no request can throw out of it (item 1); requests in flight are counted
 * so that a shutdown drains them (item 18, drain.ts).
 */
export function createHttpServer(routes: Routes, staticRoot = clientDist): Server {
  const server = createServer(guarded((req, res) => route(routes, staticRoot, req, res)));
  trackInFlight(server);
  return server;
}

async function route(routes: Routes, staticRoot: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url ?? "/";
  if (path === "/health" || path.startsWith("/health?")) {
    setSecurityHeaders(res, "api");
    const body = await health(routes);
    res.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
    return;
  }
  if (path.startsWith("/graphql")) {
    setSecurityHeaders(res, "api");
    if (!routes.app) {
      res.writeHead(503, { "content-type": "text/plain", "retry-after": "5" }).end("Starting");
      return;
    }
    // A Host header that is no host name (`Host: [bad`) makes the request URL unparseable.
    if (!URL.canParse(`http://${req.headers.host ?? "localhost"}/`)) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request: the Host header is not a host name.");
      return;
    }
    await routes.app.handle(req, res);
    return;
  }
  setSecurityHeaders(res, "static");
  // The app's files are only read: any other method (OPTIONS *, a stray POST) is refused as such.
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed");
    return;
  }
  serveStatic(staticRoot, path, res);
}

async function health(routes: Routes): Promise<{ status: string; database?: string }> {
  if (!routes.db || !routes.app) return { status: "starting" };
  try {
    await routes.db.pool.query("SELECT 1");
    return { status: "ok", database: routes.db.kind };
  } catch {
    return { status: "database unavailable", database: routes.db.kind };
  }
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
