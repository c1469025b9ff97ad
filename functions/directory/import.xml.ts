/**
 * An incremental XML tokenizer for the parts of an XLSX: text is pushed in as it
 * is inflated and elements come out as events, so a part is never held whole.
 * It reads what SpreadsheetML uses (elements, attributes, text, the five named
 * entities and character references, CDATA, comments, processing instructions)
 * and refuses a DOCTYPE: no entity of a file's own is ever expanded.
 *
 * Element names lose their namespace prefix (`x:row` is `row`): writers differ
 * in prefixes, never in local names. Tags must nest properly; anything else is
 * `IMPORT.UNREADABLE`.
 */
import { unreadable } from './import.zip.ts';

/** What a part's reader does with the events. */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; a run of text may come in several pieces. */
  text(text: string): void;
  /** While false, text is skipped without being decoded (most text between tags is layout whitespace). */
  readonly wantsText: boolean;
  /** Once true, no more events: the reader has what it needs and the rest of the part is not read. */
  readonly done: boolean;
}

/** A tag longer than this (attributes included) is not SpreadsheetML. */
const maxTagChars = 1024 * 1024;

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the entities of a text or attribute value. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]*);?/g, (all, ref: string) => {
    if (!all.endsWith(';')) throw unreadable();
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref))
        throw unreadable();
      return String.fromCodePoint(code);
    }
    const ch = named[ref];
    if (ch === undefined) throw unreadable();
    return ch;
  });
}

const localName = (qname: string) => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

const attrPattern = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!s.includes('=')) return attrs;
  attrPattern.lastIndex = 0;
  for (let m = attrPattern.exec(s); m; m = attrPattern.exec(s)) {
    attrs[localName(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** Feeds text to a handler; `write` as chunks arrive, `end` after the last one. */
export class XmlTokenizer {
  private buf = '';
  private readonly stack: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    if (this.handler.done) return;
    const s = this.buf ? this.buf + chunk : chunk;
    this.buf = '';
    const h = this.handler;
    let pos = 0;
    const n = s.length;
    while (pos < n && !h.done) {
      const lt = s.indexOf('<', pos);
      if (lt !== pos) {
        // Text up to the next tag (or to the end of what has arrived).
        let end = lt < 0 ? n : lt;
        if (lt < 0) {
          // Keep a possibly cut entity for the next chunk.
          const amp = s.lastIndexOf('&', end - 1);
          if (amp >= pos && s.indexOf(';', amp) < 0) end = amp;
        }
        if (end > pos && h.wantsText) h.text(decodeEntities(s.slice(pos, end)));
        pos = end;
        if (lt < 0) break;
      }
      // A tag starts at pos.
      const next = s.charCodeAt(pos + 1);
      if (Number.isNaN(next)) break;
      if (next === 0x21 /* ! */) {
        if (s.startsWith('<!--', pos)) {
          const e = s.indexOf('-->', pos + 4);
          if (e < 0) break;
          pos = e + 3;
        } else if (s.startsWith('<![CDATA[', pos)) {
          const e = s.indexOf(']]>', pos + 9);
          if (e < 0) break;
          if (h.wantsText) h.text(s.slice(pos + 9, e));
          pos = e + 3;
        } else if (n - pos < 9) {
          break; // not enough to tell yet
        } else {
          throw unreadable(); // DOCTYPE and other declarations
        }
        continue;
      }
      if (next === 0x3f /* ? */) {
        const e = s.indexOf('?>', pos + 2);
        if (e < 0) break;
        pos = e + 2;
        continue;
      }
      // An element tag: its end is the first `>` outside quotes.
      let i = pos + 1;
      let quote = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e) break;
      }
      if (i >= n) break;
      const body = s.slice(pos + 1, i);
      pos = i + 1;
      if (body.charCodeAt(0) === 0x2f /* / */) {
        const name = localName(body.slice(1).trim());
        if (this.stack.pop() !== name) throw unreadable();
        h.close(name);
        continue;
      }
      const selfClosing = body.charCodeAt(body.length - 1) === 0x2f;
      const inner = selfClosing ? body.slice(0, -1) : body;
      const sp = inner.search(/[\s]/);
      const qname = sp < 0 ? inner : inner.slice(0, sp);
      if (!qname) throw unreadable();
      const name = localName(qname);
      h.open(name, sp < 0 ? {} : parseAttrs(inner.slice(sp)), selfClosing);
      if (selfClosing) h.close(name);
      else this.stack.push(name);
    }
    if (pos < n && !h.done) {
      if (n - pos > maxTagChars) throw unreadable();
      this.buf = s.slice(pos);
    }
  }

  /** After the last chunk: everything must have been read and every element closed. */
  end(): void {
    if (this.handler.done) return;
    if (this.buf.trim() !== '' || this.stack.length) throw unreadable();
  }
}

/**
 * Decodes a part's bytes (UTF-8, or UTF-16 with its byte-order mark) chunk by
 * chunk into a tokenizer; stops reading as soon as the handler stops it.
 */
export async function tokenize(chunks: AsyncIterable<Buffer>, handler: XmlHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  let decoder: TextDecoder | undefined;
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder!.decode(chunk, { stream: true }) : decoder!.decode();
    } catch {
      throw unreadable(); // not valid UTF-8 / UTF-16
    }
  };
  for await (const chunk of chunks) {
    if (!decoder) {
      const label =
        chunk[0] === 0xff && chunk[1] === 0xfe
          ? 'utf-16le'
          : chunk[0] === 0xfe && chunk[1] === 0xff
            ? 'utf-16be'
            : 'utf-8';
      decoder = new TextDecoder(label, { fatal: true });
    }
    tokenizer.write(decode(chunk));
    if (handler.done) return; // leaving the loop destroys the inflater
  }
  if (decoder) tokenizer.write(decode());
  tokenizer.end();
}
