import { unreadable } from "./sheet-errors.ts";

/**
 * Issue 15 item 3: a streaming scanner for the XML of an XLSX part (SpreadsheetML is plain XML:
 * elements, attributes, text, the five entities and character references). It is pushed the
 * text as it is inflated and calls its handler for each start tag, end tag and — only while the
 * handler asks for it — text; text nobody wants is skipped without being copied. It keeps no more
 * than one unfinished tag between pieces (at most MAX_TAG_CHARS), so memory does not grow with the
 * part. A DOCTYPE (entity expansion) is refused; comments, processing instructions and CDATA are
 * skipped (exceljs ignored CDATA too). Text is delivered as an XML parser would: entities and
 * character references decoded, line ends normalised to "\n".
 */
export interface XmlHandler {
  /** Whether text at this point is wanted (read before each text run). */
  readonly wantsText: boolean;
  /**
   * A start tag: its local name (without a namespace prefix); its attributes are
   * `attributes(source, from, to)` (read only when needed: most tags' are not).
   */
  open(name: string, source: string, from: number, to: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded text; a text run may come in several calls. */
  text(text: string): void;
}

/** The longest single tag kept while waiting for its end (a sheet's tags are a few hundred characters). */
export const MAX_TAG_CHARS = 1 << 20;

export class XmlScanner {
  private pending = "";
  /** Inside a comment, processing instruction or CDATA section: the text that ends it. */
  private skipUntil: string | null = null;

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    const s = this.pending.length ? this.pending + chunk : chunk;
    this.pending = "";
    const n = s.length;
    let i = 0;
    if (this.skipUntil !== null) {
      const k = s.indexOf(this.skipUntil);
      if (k < 0) {
        this.pending = s.slice(Math.max(0, n - this.skipUntil.length + 1));
        return;
      }
      i = k + this.skipUntil.length;
      this.skipUntil = null;
    }
    const h = this.handler;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        if (h.wantsText) this.trailingText(s.slice(i));
        return;
      }
      if (lt > i && h.wantsText) h.text(decodeText(s.slice(i, lt)));
      if (lt + 1 >= n) {
        this.pending = s.slice(lt);
        return;
      }
      const c = s.charCodeAt(lt + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        const end = c === 63 ? "?>" : s.startsWith("<!--", lt) ? "-->" : s.startsWith("<![CDATA[", lt) ? "]]>" : null;
        if (end === null) {
          // Not yet decidable, or a DOCTYPE / declaration: SpreadsheetML has none, and a DTD could define entities.
          if (n - lt < 9 && ("<!--".startsWith(s.slice(lt, lt + 4)) || "<![CDATA[".startsWith(s.slice(lt)))) {
            this.pending = s.slice(lt);
            return;
          }
          throw unreadable("importXmlDoctype");
        }
        const k = s.indexOf(end, lt + 2);
        if (k < 0) {
          this.skipUntil = end;
          this.pending = s.slice(Math.max(lt + 2, n - end.length + 1));
          return;
        }
        i = k + end.length;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) {
        if (n - lt > MAX_TAG_CHARS) throw unreadable("importXmlLongTag", { max: MAX_TAG_CHARS.toLocaleString("en") });
        this.pending = s.slice(lt);
        return;
      }
      if (c === 47 /* / */) {
        let end = gt;
        while (isSpace(s.charCodeAt(end - 1))) end--;
        h.close(localName(s, lt + 2, end));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        let nameEnd = lt + 1;
        while (nameEnd < gt && !isSpace(s.charCodeAt(nameEnd)) && s.charCodeAt(nameEnd) !== 47) nameEnd++;
        const name = localName(s, lt + 1, nameEnd);
        h.open(name, s, nameEnd, selfClosing ? gt - 1 : gt, selfClosing);
        if (selfClosing) h.close(name);
      }
      i = gt + 1;
    }
  }

  /** The end of the input: an unfinished tag left over means the XML is cut short. */
  end(): void {
    if (this.skipUntil !== null || this.pending.startsWith("<")) throw unreadable("importXmlEndsInTag");
    if (this.pending && this.handler.wantsText) this.handler.text(decodeText(this.pending));
    this.pending = "";
  }

  /**
   * Text at the end of a piece: delivered, except an entity or a "\r" that the next piece may
   * complete (kept; a dangling "&" with no ";" in 12 characters is malformed).
   */
  private trailingText(t: string): void {
    let keep = t.length;
    const amp = t.lastIndexOf("&");
    if (amp >= 0 && t.indexOf(";", amp) < 0) {
      if (t.length - amp > 12) throw unreadable("importXmlBadEntity");
      keep = amp;
    }
    if (keep > 0 && t.charCodeAt(keep - 1) === 13) keep--;
    if (keep > 0) this.handler.text(decodeText(t.slice(0, keep)));
    this.pending = t.slice(keep);
  }
}

/** The index of the `>` that ends the tag starting before `from` (quotes respected), or -1. */
function tagEnd(s: string, from: number): number {
  let p = from;
  for (;;) {
    const gt = s.indexOf(">", p);
    if (gt < 0) return -1;
    let q = -1;
    for (let k = p; k < gt; k++) {
      const ch = s.charCodeAt(k);
      if (ch === 34 || ch === 39) {
        q = k;
        break;
      }
    }
    if (q < 0) return gt;
    const close = s.indexOf(s[q]!, q + 1);
    if (close < 0) return -1;
    p = close + 1;
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The name in source[from, to) without its namespace prefix ("x:c" → "c"). */
function localName(source: string, from: number, to: number): string {
  let start = from;
  for (let k = from; k < to; k++) if (source.charCodeAt(k) === 58 /* : */) start = k + 1;
  return source.slice(start, to);
}

/** The attributes in source[from, to) (a start tag after its name), values decoded; qualified names kept ("r:id"). */
export function attributes(source: string, from = 0, to = source.length): Record<string, string> {
  const out: Record<string, string> = {};
  let i = from;
  for (;;) {
    while (i < to && isSpace(source.charCodeAt(i))) i++;
    if (i >= to) break;
    const eq = source.indexOf("=", i);
    if (eq < 0 || eq >= to) break;
    let nameEnd = eq;
    while (nameEnd > i && isSpace(source.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (q < to && isSpace(source.charCodeAt(q))) q++;
    const quote = source.charCodeAt(q);
    if (quote !== 34 && quote !== 39) break;
    const end = source.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (end < 0 || end >= to) break;
    out[source.slice(i, nameEnd)] = decodeAttribute(source, q + 1, end);
    i = end + 1;
  }
  return out;
}

/** An attribute value as an XML parser gives it: entities decoded, tabs and line ends as spaces. */
function decodeAttribute(source: string, from: number, to: number): string {
  let plain = true;
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    if (c === 38 || c === 9 || c === 10 || c === 13) {
      plain = false;
      break;
    }
  }
  const v = source.slice(from, to);
  return plain ? v : decodeEntities(v.replace(/\r\n|[\t\n\r]/g, " "));
}

/** Text as an XML parser gives it: line ends normalised, entities and character references decoded. */
export function decodeText(raw: string): string {
  let t = raw;
  if (t.indexOf("\r") >= 0) t = t.replace(/\r\n?/g, "\n");
  return t.indexOf("&") >= 0 ? decodeEntities(t) : t;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(t: string): string {
  return t.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,8});/g, (_m, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) throw unreadable("importXmlBadCharRef");
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref];
    if (named === undefined) throw unreadable("importXmlUndefinedEntity");
    return named;
  });
}
