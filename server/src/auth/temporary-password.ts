import { randomInt } from "node:crypto";

/** Letters and digits that cannot be misread for one another (no 0/O, 1/l/I). */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/**
 * Issue 17: a temporary password, shown once to the administrator and read out or handed over;
 * three groups of four (about 70 bits), e.g. "Kp7m-x3Qa-9ZtR". It satisfies the password policy.
 */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return [group(), group(), group()].join("-");
}
