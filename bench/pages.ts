/**
 * The gzipped JavaScript each page of the built forms site loads: part (5) of
 * `npm run bench`, and on its own (`npx tsx bench/pages.ts`, after `npm run build`)
 * for a quick look at one build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/** Issue 16: every page's JavaScript, gzipped, at most this. */
export const PAGE_JS_BUDGET = 60 * 1024;

export interface PageSize {
  /** The page's URL path, e.g. `/income/entry/`. */
  page: string;
  /** Gzipped bytes (level 9) of every JS file the page loads, plus its inline scripts. */
  bytes: number;
  /** How many JS files that is (inline scripts not counted). */
  files: number;
}

/**
 * Measures every `.html` page under `dist`: the files it names (script `src`,
 * module preloads, Astro islands' `component-url`, `renderer-url` and
 * `before-hydration-url`) and, transitively, every file those import, statically
 * or dynamically, each counted once per page; plus the page's inline scripts.
 */
export function measurePages(dist: string): PageSize[] {
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let v = gz.get(file);
    if (v === undefined) {
      v = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
      gz.set(file, v);
    }
    return v;
  };
  const jsOf = (html: string, pageFile: string): Set<string> => {
    const found = new Set<string>();
    const queue: string[] = [];
    const add = (ref: string, from: string) => {
      if (!ref.endsWith('.js') && !ref.endsWith('.mjs')) return;
      const file = ref.startsWith('/') ? path.join(dist, ref) : path.resolve(path.dirname(from), ref);
      if (!found.has(file) && fs.existsSync(file)) {
        found.add(file);
        queue.push(file);
      }
    };
    for (const m of html.matchAll(
      /(?:src|component-url|renderer-url|before-hydration-url|href)="([^"]+\.m?js)"/g,
    ))
      add(m[1]!, pageFile);
    while (queue.length) {
      const file = queue.shift()!;
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.m?js)["']/g)) add(m[1]!, file);
    }
    return found;
  };
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.html')) pages.push(p);
    }
  };
  walk(dist);
  return pages.sort().map((p) => {
    const html = fs.readFileSync(p, 'utf8');
    const files = jsOf(html, p);
    const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
      (a, m) => a + zlib.gzipSync(m[1]!, { level: 9 }).length,
      0,
    );
    const bytes = [...files].reduce((a, f) => a + gzipOf(f), 0) + inline;
    const page = `/${path.relative(dist, p).replace(/index\.html$/, '')}`;
    return { page, bytes, files: files.size };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'forms', 'dist');
  const sizes = measurePages(dist);
  for (const s of sizes)
    console.log(
      `${s.page.padEnd(28)} ${(s.bytes / 1024).toFixed(1).padStart(6)} KB  ${String(s.files).padStart(2)} files  ${s.bytes <= PAGE_JS_BUDGET ? 'pass' : 'FAIL'}`,
    );
  const worst = Math.max(...sizes.map((s) => s.bytes));
  console.log(`${sizes.length} pages, heaviest ${(worst / 1024).toFixed(1)} KB`);
}
