import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/**
 * Issue 15 item 1: no request, whatever its URL, headers or body, may end the process. Every
 * route runs inside this guard: a throw or a rejected promise becomes a 400 (a URL or header the
 * server cannot read) or a 500, logged on one line without the query string (it may carry
 * personal data), and the process serves on.
 */
export function guarded(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): RequestListener {
  return (req, res) => {
    try {
      const pending = handler(req, res);
      if (pending) pending.catch((e: unknown) => fail(req, res, e));
    } catch (e) {
      fail(req, res, e);
    }
  };
}

function fail(req: IncomingMessage, res: ServerResponse, e: unknown): void {
  const bad = e instanceof URIError || (e instanceof TypeError && /url|header/i.test(e.message));
  const status = bad ? 400 : 500;
  console.error(`http: ${req.method} ${pathOf(req.url)} answered ${status} after ${describe(e)}`);
  if (res.headersSent) {
    res.destroy(); // half an answer cannot be corrected; the client sees the connection end
    return;
  }
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end(bad ? "Bad request." : "Internal server error.");
}

/** The path of a request URL for a log line: no query string, bounded, control characters escaped. */
export function pathOf(url: string | undefined): string {
  const path = (url ?? "").split("?")[0]!.slice(0, 200);
  return JSON.stringify(path).slice(1, -1);
}

/**
 * An error's class, code and where it was thrown, not its message: a database error can echo
 * the values of a row (SEC-7), and the log is read by people who may not see them.
 */
export function describe(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as { code?: unknown }).code;
  const at = e.stack
    ?.split("\n")
    .find((line) => line.trim().startsWith("at "))
    ?.trim();
  return `${e.name}${typeof code === "string" ? ` ${code}` : ""}${at ? ` ${at}` : ""}`;
}

/**
 * The process-level net under the per-request guards: an exception or rejection that escapes
 * every handler (an event emitter's callback, a timer) is logged and the server keeps serving
 * the other users' requests instead of dropping them all.
 */
export function installProcessGuards(): void {
  process.on("uncaughtException", (e, origin) => {
    console.error(
      `tingjian: ${origin === "unhandledRejection" ? "unhandled rejection" : "uncaught exception"} (server keeps running): ${describe(e)}`,
    );
  });
}
