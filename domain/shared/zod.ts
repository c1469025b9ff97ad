/**
 * The project's zod: Chinese fallback messages configured once, so every schema
 * that forgets an explicit message still speaks Chinese to county staff.
 */
import { z } from 'zod';
// Only the Chinese locale: `z.locales` would pull every language into each bundle.
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());

export { z };
