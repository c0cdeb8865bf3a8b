/**
 * A Prisma enum's values for `builder.enumType(name, { values })`, each with its description
 * (issue 16: every enum value of the API says what it means). The record type forces a
 * description for every value the database knows.
 */
export function describedValues<E extends Record<string, string>>(e: E, descriptions: { [K in keyof E]: string }) {
  return Object.fromEntries(Object.keys(e).map((k) => [k, { value: e[k], description: descriptions[k] }])) as {
    [K in keyof E]: { value: E[K]; description: string };
  };
}
