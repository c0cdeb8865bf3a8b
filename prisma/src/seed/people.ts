import type { Random } from "./random.ts";
import { givenNames, idRegions, nativePlaces, occupations, plateRegions, relations, surnames } from "./vocabulary.ts";

export function personName(rng: Random): string {
  return rng.pick(surnames) + rng.pick(givenNames) + (rng.chance(0.3) ? rng.pick(givenNames).slice(0, 1) : "");
}

export function mobile(rng: Random): string {
  return `1${rng.pick(["35", "37", "38", "39", "58", "86", "88", "77"])}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
}

/** An 18-digit resident ID number with a valid GB 11643 check digit (fictitious person). */
export function idNumber(rng: Random): string {
  const birth = new Date(Date.UTC(rng.int(1950, 2000), rng.int(0, 11), rng.int(1, 28)));
  const body = rng.pick(idRegions) + birth.toISOString().slice(0, 10).replace(/-/g, "") + String(rng.int(0, 999)).padStart(3, "0");
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split("").reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

export function plate(rng: Random): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  let s = rng.pick(plateRegions);
  for (let i = 0; i < 5; i++) s += rng.chance(0.3) ? letters[rng.int(0, letters.length - 1)] : String(rng.int(0, 9));
  return s;
}

/** The personal data of an owner archive (SEC-1). */
export function customerProfile(rng: Random, address: string) {
  const name = personName(rng);
  const family = Array.from({ length: rng.int(0, 3) }, () => ({ relation: rng.pick(relations), name: personName(rng) }));
  return {
    name,
    phone: mobile(rng),
    idNumber: idNumber(rng),
    plates: Array.from(
      {
        length: rng.weighted([
          [0, 3],
          [1, 5],
          [2, 2],
        ] as const),
      },
      () => plate(rng),
    ),
    address,
    familyMembers: family,
    occupation: rng.pick(occupations),
    nativePlace: rng.pick(nativePlaces),
  };
}
