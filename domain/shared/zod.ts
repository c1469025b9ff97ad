/**
 * The project's zod: Chinese fallback messages configured once, so every schema
 * that forgets an explicit message still speaks Chinese to county staff.
 *
 * Import it as a namespace (`import * as z from '…/zod.ts'`): esbuild then keeps
 * only the parts of zod a bundle uses. Re-exporting zod's `z` object instead
 * would carry all of zod, every locale included, into each Lambda (≈ 450 KB).
 */
import { config } from 'zod';
// Only the Chinese locale: `z.locales` would pull every language into each bundle.
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());

export * from 'zod';
