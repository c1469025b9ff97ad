/** What the county administrator sends to create or disable staff accounts (single or bulk). */
import * as z from '../shared/zod-mini.ts';

/** Most accounts handled in one request; the page sends larger selections in rounds. */
export const maxAccountsPerRequest = 50;

export const accountsRequestSchema = z.strictObject({
  staffIds: z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40)))
    .check(
      z.minLength(1, { error: '请至少选择一名工作人员' }),
      z.maxLength(maxAccountsPerRequest, { error: `一次最多处理 ${maxAccountsPerRequest} 人` }),
    ),
});
export type AccountsRequest = z.infer<typeof accountsRequestSchema>;
