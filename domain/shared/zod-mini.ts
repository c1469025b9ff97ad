/**
 * The zod every domain schema is written in: zod/mini, with the Chinese fallback
 * messages configured once, so a schema that forgets an explicit message still
 * speaks Chinese to county staff.
 *
 * Why mini: the schemas run in the browser too (the forms validate with the very
 * schemas the functions use), and zod's classic API hangs every method on every
 * schema, so a page carried all of zod (≈ 27 KB gzipped) whatever it used; mini's
 * functions (`z.optional(s)`, `s.check(z.maxLength(20))`) are shaken to what a
 * page needs. Both are the same zod core: the same parsing, issues and messages,
 * and classic schemas (`./zod.ts`, for server-side code) take mini ones as parts.
 *
 * Import it as a namespace (`import * as z from '…/zod-mini.ts'`) so bundlers keep
 * only what is used.
 */
import { config, pipe, transform, type ZodMiniType } from 'zod/mini';
// Only the Chinese locale: `z.locales` would pull every language into each bundle.
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());

export * from 'zod/mini';

/**
 * Classic zod's `z.preprocess`, which mini leaves out: `fn` runs on the raw input,
 * `schema` on what it returns (the same pipe classic builds).
 */
export const preprocess = <S extends ZodMiniType>(fn: (input: unknown) => unknown, schema: S) =>
  pipe(transform(fn), schema);
