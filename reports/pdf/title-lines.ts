/**
 * Splits a title into lines of similar length that break between words, as
 * official layout asks of titles (词意完整，排列对称): "…录入和核 / 实工作…"
 * splits a word, "…录入和 / 核实工作…" does not. Words come from the
 * runtime's Chinese word segmenter (ICU); without one, every character is a word.
 */
export function balancedLines(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const clean = text.trim();
  if (clean === '' || widthOf(clean) <= maxWidth) return [clean];
  const words = segmentWords(clean);
  const total = widthOf(clean);
  const lineCount = Math.ceil(total / maxWidth);
  const lines: string[] = [];
  let start = 0;
  for (let line = 0; line < lineCount - 1 && start < words.length; line++) {
    const remaining = words.slice(start).join('');
    const target = widthOf(remaining) / (lineCount - line);
    // Choose the break nearest the target that still fits the line.
    let best = start + 1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let end = start + 1; end < words.length; end++) {
      const w = widthOf(words.slice(start, end).join(''));
      if (w > maxWidth) break;
      const score = Math.abs(w - target);
      if (score < bestScore) {
        bestScore = score;
        best = end;
      }
    }
    lines.push(words.slice(start, best).join(''));
    start = best;
  }
  if (start < words.length) lines.push(words.slice(start).join(''));
  return lines;
}

function segmentWords(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    const words = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)].map(
      (s) => s.segment,
    );
    // Closing punctuation stays with the word before it, so no line starts with it.
    const merged: string[] = [];
    for (const w of words) {
      const last = merged.length - 1;
      if (last >= 0 && /^[，。、；：！？）》」』”’,.;:!?)]+$/u.test(w))
        merged[last] = `${merged[last] ?? ''}${w}`;
      else merged.push(w);
    }
    return merged;
  }
  return [...text];
}

/**
 * `text` cut to fit one line of `maxWidth`, with `…` where it was cut; whole when
 * it fits. pdfkit's own `ellipsis` needs a height and drops the mark on text
 * without spaces (Chinese), and `lineBreak: false` does not stop it wrapping
 * text given a width, so single-line labels are fitted here.
 */
export function fitLine(text: string, maxWidth: number, widthOf: (s: string) => number): string {
  if (widthOf(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (widthOf(`${chars.slice(0, mid).join('')}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}
