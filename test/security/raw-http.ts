import { connect, type Socket } from "node:net";

export interface RawAnswer {
  /** The status code, or null when the connection ended without an HTTP answer. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes as they are (no client library would send `GET /%` or a broken Host) and reads
 * the answer until the server closes the connection (the requests say `Connection: close`).
 */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", () => {}); // a reset after the answer is still an answer
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks).toString("latin1")));
    });
    socket.write(bytes);
  });
}

export function parseAnswer(text: string): RawAnswer {
  const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(text);
  if (!m) return { status: null, headers: {}, body: text };
  const end = text.indexOf("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of text.slice(m[0].length, end).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(m[1]), headers, body: end >= 0 ? text.slice(end + 4) : "" };
}

/** A GET as a browser's address bar would send it, on its own connection. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const lines = [`GET ${path} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return rawRequest(port, `${lines.join("\r\n")}\r\n\r\n`);
}

/** Opens a connection and sends the head of a request whose body comes later (a slow upload). */
export function openSlowRequest(port: number, head: string): Promise<{ socket: Socket; answer: Promise<RawAnswer> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const answer = new Promise<RawAnswer>((done) => {
      socket.on("close", () => done(parseAnswer(Buffer.concat(chunks).toString("latin1"))));
    });
    socket.on("data", (c) => chunks.push(c));
    socket.once("error", reject);
    socket.once("connect", () => {
      socket.off("error", reject);
      socket.on("error", () => {});
      socket.write(head, () => resolve({ socket, answer }));
    });
  });
}
