/**
 * The project's zod: Chinese fallback messages configured once, so every schema
 * that forgets an explicit message still speaks Chinese to county staff.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
