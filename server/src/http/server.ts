import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Database } from "@tingjian/prisma";
import type { App } from "../yoga.ts";
import { serveStatic } from "./static-files.ts";

export const clientDist = fileURLToPath(new URL("../../../client/dist", import.meta.url));

export interface Routes {
  app: App | null;
  db: Database | null;
}

/**
 * The one HTTP server: /graphql (API and GraphiQL), /health, and the built client. It is bound
 * before the database is opened so that a port already in use fails before anything is
 * written; until `routes` are filled it answers 503.
 */
export function createHttpServer(routes: Routes, staticRoot = clientDist): Server {
  return createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/health" || path.startsWith("/health?")) {
      void health(routes).then((body) => {
        res.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      });
      return;
    }
    if (path.startsWith("/graphql")) {
      if (!routes.app) {
        res.writeHead(503, { "content-type": "text/plain", "retry-after": "5" }).end("Starting");
        return;
      }
      void routes.app.handle(req, res);
      return;
    }
    serveStatic(staticRoot, path, res);
  });
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
