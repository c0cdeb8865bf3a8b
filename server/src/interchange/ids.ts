import { randomFillSync } from "node:crypto";

/**
 * Ids for the rows an import creates: UUID version 7 (RFC 9562), the millisecond in the first 48
 * bits, then a counter (method 3 of the RFC: it moves the millisecond on when it overflows) and 62
 * random bits. Consecutive ids sort in creation order, so a batch of thousands of rows appends to
 * the right edge of each primary-key index instead of touching a random leaf page per row (the
 * single largest cost of storing a timeline event). They are ordinary UUIDs to everyone else.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const random = new Uint8Array(8 * 1024);
let at = random.length;
let lastMs = 0;
let counter = 0;
let prefix = "";
let prefixMs = -1;
const COUNTER = Array.from({ length: 0x1000 }, (_, i) => i.toString(16).padStart(3, "0"));

export function newId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  if (at + 8 > random.length) {
    randomFillSync(random);
    at = 0;
  }
  const r = random;
  const o = at;
  at += 8;
  if (prefixMs !== lastMs) {
    const ms = lastMs.toString(16).padStart(12, "0");
    prefix = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7`;
    prefixMs = lastMs;
  }
  return (
    prefix +
    COUNTER[counter] +
    "-" +
    HEX[(r[o]! & 0x3f) | 0x80] +
    HEX[r[o + 1]!] +
    "-" +
    HEX[r[o + 2]!] +
    HEX[r[o + 3]!] +
    HEX[r[o + 4]!] +
    HEX[r[o + 5]!] +
    HEX[r[o + 6]!] +
    HEX[r[o + 7]!]
  );
}
