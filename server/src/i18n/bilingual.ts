/** A message in both languages: [zh, en]. `{name}` placeholders are filled from the parameters. */
export type Bilingual = readonly [zh: string, en: string];
