/**
 * "Now" by the server's clock. Deadlines, countdowns, the current month and the current quarter
 * are the server's: a desk whose clock is off by minutes (or a server started at another date,
 * as the tests do) must not show a running deadline as missed. Every API answer carries the
 * server's time (X-Server-Time); the offset to this machine's clock is kept from the latest.
 */
let offset = 0;

/** The current instant on the server's clock, in milliseconds. */
export function nowMs(): number {
  return Date.now() + offset;
}

/** The current instant on the server's clock. */
export function now(): Date {
  return new Date(nowMs());
}

/** Learns the offset from a response sent between `sentAt` and `receivedAt` (this machine's ms). */
export function learnServerTime(response: Response, sentAt: number, receivedAt: number): void {
  const server = Number(response.headers.get("x-server-time"));
  if (Number.isFinite(server) && server > 0) offset = server - (sentAt + receivedAt) / 2;
}

/** `fetch` that keeps the clock in step with every answer of the server. */
export async function timedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const sentAt = Date.now();
  const response = await fetch(input, init);
  learnServerTime(response, sentAt, Date.now());
  return response;
}
