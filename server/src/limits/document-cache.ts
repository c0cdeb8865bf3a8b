import type { DocumentNode } from "graphql";

/**
 * Issue 15 item 2: yoga keeps the last 1,024 parsed documents (and 1,024 parse errors) keyed by
 * their text. A parsed document takes about 90 bytes per character of its text (measured: a
 * 32,000-character document of 10,000 tokens is 2.8 MB), so 1,024 distinct large documents would
 * hold about 3 GB. These caches are bounded by the total length of the texts they keep instead:
 * the app's ~70 documents (about 100,000 characters) stay cached, an attacker's flood evicts
 * only itself.
 */
export class TextBoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private size = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (key.length > this.maxChars / 10) return; // one document may not take more than a tenth
    if (this.entries.delete(key)) this.size -= key.length;
    this.entries.set(key, value);
    this.size += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(oldest);
      this.size -= oldest.length;
    }
  }
}

/** yoga's `parserAndValidationCache` option with both caches bounded (validation results follow the documents). */
export function boundedDocumentCaches(maxChars = 500_000) {
  return {
    documentCache: new TextBoundedCache<DocumentNode>(maxChars),
    errorCache: new TextBoundedCache<unknown>(maxChars),
    validationCache: true,
  };
}
