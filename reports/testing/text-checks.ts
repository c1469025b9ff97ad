/**
 * What must not reach a reader of a report: the system's own codes where a name
 * belongs (unit ids such as `T01`, `T01V001`, `T01F01`, `D01`) and English words
 * (enum values such as `outlier`). Used by tests only.
 */

/** Unit codes of the directory, as a word of their own. */
const UNIT_CODE = /(?<![A-Za-z0-9])(?:[TD]\d{2}(?:[VF]\d{2,3})?)(?![A-Za-z0-9])/g;
/** Runs of three or more Latin letters; a SHA-256 digest and `SHA` itself are allowed. */
const LATIN_WORD = /(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])/g;
const ALLOWED_WORDS = new Set(['SHA', 'PDF', 'Excel']);

/** The unit codes and English words in `text` (a digest of 64 hex digits is dropped first). */
export function rawCodesAndEnglish(text: string): string[] {
  const t = text.replace(/[0-9a-f]{64}/gi, ' ');
  return [...(t.match(UNIT_CODE) ?? []), ...(t.match(LATIN_WORD) ?? []).filter((w) => !ALLOWED_WORDS.has(w))];
}
