import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The faces the reports use; each is registered in every document under this name. */
export type FontFace = 'sans' | 'sans-bold' | 'serif' | 'serif-bold';

/** Where each face comes from: the npm package and the TTF's path inside it. */
export interface FontFileSpec {
  face: FontFace;
  /** npm package that ships the file. */
  packageName: string;
  /** Path of the TTF inside the package. */
  packagePath: string;
  /** File name alone: what a copy in `SHOUWANG_FONT_DIR` must be called. */
  fileName: string;
}

/**
 * The four TTFs the reports embed (pdfkit subsets them). Noto Sans SC serves
 * tables and body text; Noto Serif SC serves titles and formal letters.
 * The CDK bundling copies these files next to the Lambda bundle and points
 * `SHOUWANG_FONT_DIR` at them, so the list lives here, once.
 */
export const FONT_FILES: readonly FontFileSpec[] = [
  spec('sans', '@expo-google-fonts/noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'),
  spec('sans-bold', '@expo-google-fonts/noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf'),
  spec('serif', '@expo-google-fonts/noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf'),
  spec('serif-bold', '@expo-google-fonts/noto-serif-sc', '700Bold', 'NotoSerifSC_700Bold.ttf'),
];

function spec(face: FontFace, packageName: string, folder: string, fileName: string): FontFileSpec {
  return { face, packageName, packagePath: `${folder}/${fileName}`, fileName };
}

/** Environment variable naming a folder that holds the four TTFs (as in Lambda, where they sit beside the bundle). */
export const FONT_DIR_ENV = 'SHOUWANG_FONT_DIR';

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
