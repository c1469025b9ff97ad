import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { FONT_DIR_ENV, FONT_FILES, type FontFace } from '#domain/system/resources.ts';

export { FONT_DIR_ENV, FONT_FILES, type FontFace, type FontFileSpec } from '#domain/system/resources.ts';

/**
 * The absolute path of every font file: from `SHOUWANG_FONT_DIR` when set,
 * otherwise resolved in node_modules. The CDK bundling uses this to know what
 * to copy.
 */
export function fontFilePaths(env: NodeJS.ProcessEnv = process.env): Record<FontFace, string> {
  const dir = env[FONT_DIR_ENV];
  const require = createRequire(import.meta.url);
  const entries = FONT_FILES.map((f) => {
    const path = dir ? join(dir, f.fileName) : require.resolve(`${f.packageName}/${f.packagePath}`);
    return [f.face, path] as const;
  });
  return Object.fromEntries(entries) as Record<FontFace, string>;
}

/**
 * The files are 10–15 MB each; reading them once per process (one Lambda
 * container renders many reports) saves ~50 MB of reads per report.
 */
let cache: { dir: string | undefined; fonts: Record<FontFace, Buffer> } | undefined;

/** The font files' bytes, read once per process; fails loudly naming the missing file. */
export function loadFonts(env: NodeJS.ProcessEnv = process.env): Record<FontFace, Buffer> {
  const dir = env[FONT_DIR_ENV];
  if (cache && cache.dir === dir) return cache.fonts;
  const paths = fontFilePaths(env);
  const fonts = {} as Record<FontFace, Buffer>;
  for (const [face, path] of Object.entries(paths) as [FontFace, string][]) {
    try {
      fonts[face] = readFileSync(path);
    } catch (err) {
      throw new Error(
        `REPORT.FONT_MISSING: cannot read font ${face} at ${path} (${FONT_DIR_ENV}=${dir ?? 'unset'})`,
        {
          cause: err,
        },
      );
    }
  }
  cache = { dir, fonts };
  return fonts;
}

/** Registers the four faces on a pdfkit document under the names of {@link FontFace}. */
export function registerFonts(doc: PDFKit.PDFDocument, env: NodeJS.ProcessEnv = process.env): void {
  const fonts = loadFonts(env);
  for (const [face, bytes] of Object.entries(fonts)) doc.registerFont(face, bytes);
}
