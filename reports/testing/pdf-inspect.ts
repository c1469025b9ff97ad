/**
 * Test helpers that look at a PDF the way a reader and an archivist would:
 * its text (pdf-parse), its pages as pixels (poppler's pdftoppm), its
 * structure (qpdf --check) and its fonts (pdffonts). Used by tests only.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Buffer, fn: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shouwang-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    await writeFile(path, pdf);
    return await fn(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of each page and of the whole document. */
export async function pdfText(pdf: Buffer): Promise<{ pages: string[]; text: string }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { pages: result.pages.map((p) => p.text), text: result.text };
  } finally {
    await parser.destroy();
  }
}

/** Removes spaces and line breaks, so assertions do not depend on where lines wrapped. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** Share of pixels darker than near-white on each page, rendered in grey at `dpi`. */
export async function pageInk(pdf: Buffer, dpi = 30): Promise<number[]> {
  return withPdfFile(pdf, async (path, dir) => {
    await run('pdftoppm', ['-gray', '-r', String(dpi), path, join(dir, 'page')]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    const shares: number[] = [];
    for (const f of files) shares.push(inkShare(await readFile(join(dir, f))));
    return shares;
  });
}

/** Parses a binary PGM (P5, 8-bit) and returns the share of pixels below 240. */
export function inkShare(pgm: Buffer): number {
  const { pixels } = parsePgm(pgm);
  let dark = 0;
  for (const p of pixels) if (p < 240) dark++;
  return dark / pixels.length;
}

/** A page rendered in grey: one byte per pixel, row by row, 0 black to 255 white. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Parses a binary PGM (P5, 8-bit). */
export function parsePgm(pgm: Buffer): GreyImage {
  // Header: "P5" width height maxval, separated by whitespace, then one whitespace byte.
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[i] ?? 32))) i++;
    if (pgm[i] === 0x23) {
      while (pgm[i] !== 0x0a) i++;
      continue;
    }
    let t = '';
    while (i < pgm.length && !/\s/.test(String.fromCharCode(pgm[i] ?? 32)))
      t += String.fromCharCode(pgm[i++] ?? 32);
    tokens.push(t);
  }
  const [magic, w, h, max] = tokens;
  if (magic !== 'P5' || max !== '255') throw new Error(`unexpected PGM header ${tokens.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, pixels: pgm.subarray(i + 1, i + 1 + width * height) };
}

/**
 * Pages `first`–`last` (1-based) rendered in grey at `dpi`, as pixels to measure,
 * and, when `pngDir` is given, also written there as PNG (`pdftoppm -png`) to look at.
 */
export async function renderPages(
  pdf: Buffer,
  opts: { dpi?: number; first?: number; last?: number; pngDir?: string } = {},
): Promise<GreyImage[]> {
  const dpi = String(opts.dpi ?? 60);
  const range = [
    ...(opts.first ? ['-f', String(opts.first)] : []),
    ...(opts.last ? ['-l', String(opts.last)] : []),
  ];
  return withPdfFile(pdf, async (path, dir) => {
    await run('pdftoppm', ['-gray', '-r', dpi, ...range, path, join(dir, 'page')]);
    if (opts.pngDir) await run('pdftoppm', ['-png', '-r', dpi, ...range, path, join(opts.pngDir, 'page')]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    return Promise.all(files.map(async (f) => parsePgm(await readFile(join(dir, f)))));
  });
}

/** Dark pixels (below 240) of `image` inside a box given in PDF points (72 per inch) at `dpi`. */
export function inkIn(
  image: GreyImage,
  dpi: number,
  box: { xMin: number; yMin: number; xMax: number; yMax: number },
): number {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  let dark = 0;
  for (let y = Math.max(0, px(box.yMin)); y < Math.min(image.height, px(box.yMax)); y++)
    for (let x = Math.max(0, px(box.xMin)); x < Math.min(image.width, px(box.xMax)); x++)
      if ((image.pixels[y * image.width + x] ?? 255) < 240) dark++;
  return dark;
}

/** Exit code and output of `qpdf --check`: 0 means no errors or warnings. */
export async function qpdfCheck(pdf: Buffer): Promise<{ code: number; output: string }> {
  return withPdfFile(pdf, async (path) => {
    try {
      const { stdout } = await run('qpdf', ['--check', path]);
      return { code: 0, output: stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  });
}

/** The document information `pdfinfo` reports (Title, Subject, Author, Pages…), by field name. */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', path]);
    const info: Record<string, string> = {};
    for (const line of stdout.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) info[m[1]!.trim()] = m[2]!.trim();
    }
    return info;
  });
}

/** One row of `pdffonts`. */
export interface PdfFontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts a PDF uses, from `pdffonts`. */
export async function pdfFonts(pdf: Buffer): Promise<PdfFontRow[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((line) => {
        // Columns: name type encoding emb sub uni object ID; the name has no spaces, the type may.
        const cols = line.trim().split(/\s+/);
        const [emb, sub, uni] = cols.slice(-5, -2);
        return {
          name: cols[0] ?? '',
          embedded: emb === 'yes',
          subset: sub === 'yes',
          unicode: uni === 'yes',
        };
      });
  });
}

/** A word's box on a page, in PDF points from the top-left corner. */
export interface WordBox {
  page: number;
  pageWidth: number;
  pageHeight: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its bounding box, from `pdftotext -bbox`. */
export async function wordBoxes(pdf: Buffer): Promise<WordBox[]> {
  return withPdfFile(pdf, async (path) => {
    const { stdout } = await run('pdftotext', ['-bbox', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const boxes: WordBox[] = [];
    let page = 0;
    let pageWidth = 0;
    let pageHeight = 0;
    for (const line of stdout.split('\n')) {
      const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
      if (p) {
        page += 1;
        pageWidth = Number(p[1]);
        pageHeight = Number(p[2]);
        continue;
      }
      const w = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(
        line,
      );
      if (w) {
        boxes.push({
          page,
          pageWidth,
          pageHeight,
          xMin: Number(w[1]),
          yMin: Number(w[2]),
          xMax: Number(w[3]),
          yMax: Number(w[4]),
          text: w[5] ?? '',
        });
      }
    }
    return boxes;
  });
}

/**
 * Pairs of words on the same page whose boxes overlap by more than `tolerance`
 * points both ways: text drawn over other text. Boxes that only touch (the next
 * word on a line, the next line) are not counted.
 */
export function overlappingWords(boxes: readonly WordBox[], tolerance = 1): [WordBox, WordBox][] {
  const out: [WordBox, WordBox][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (dx > tolerance && dy > tolerance) out.push([a, b]);
    }
  }
  return out;
}
