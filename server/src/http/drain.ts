import type { Server, ServerResponse } from "node:http";

interface Tracker {
  readonly open: Set<ServerResponse>;
  draining: boolean;
  onIdle: (() => void) | null;
}

const trackers = new WeakMap<Server, Tracker>();

/**
 * Counts the requests in flight on a server (issue 15 item 18), so that a shutdown can wait
 * for them. Registered ahead of the routes so every request is seen before it is answered.
 */
export function trackInFlight(server: Server): void {
  const tracker: Tracker = { open: new Set(), draining: false, onIdle: null };
  trackers.set(server, tracker);
  server.prependListener("request", (_req, res: ServerResponse) => {
    tracker.open.add(res);
    // While draining, a request that arrives on a kept-alive connection is answered, and its
    // connection closed after it, so that no socket outlives the drain.
    if (tracker.draining) closeAfter(res);
    res.once("close", () => {
      tracker.open.delete(res);
      if (!tracker.draining) return;
      server.closeIdleConnections();
      if (tracker.open.size === 0) tracker.onIdle?.();
    });
  });
}

/** The number of requests being answered now. */
export function inFlight(server: Server): number {
  return trackers.get(server)?.open.size ?? 0;
}

/**
 * Issue 15 item 18: stops accepting connections, lets the requests in flight finish (up to
 * `graceMs`), closes idle keep-alive connections, and resolves with what happened. After the
 * grace time the remaining connections are cut: a shutdown cannot be held open forever.
 */
export function drain(server: Server, graceMs: number): Promise<{ inFlight: number; cut: number }> {
  const tracker = trackers.get(server);
  if (!tracker) throw new Error("drain: the server was not created by createHttpServer");
  tracker.draining = true;
  const started = tracker.open.size;
  for (const res of tracker.open) closeAfter(res);
  server.close();
  server.closeIdleConnections();
  return new Promise((resolve) => {
    const done = (cut: number) => {
      clearTimeout(timer);
      tracker.onIdle = null;
      resolve({ inFlight: started, cut });
    };
    const timer = setTimeout(() => {
      // Counted before the cut: destroying the sockets closes their answers, which would
      // otherwise report the server idle with nothing cut.
      tracker.onIdle = null;
      const cut = tracker.open.size;
      server.closeAllConnections();
      done(cut);
    }, graceMs);
    tracker.onIdle = () => done(0);
    if (tracker.open.size === 0) done(0);
  });
}

/** An answer not yet begun closes its connection after it (no keep-alive past the drain). */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader("connection", "close");
}
