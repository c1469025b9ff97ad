/**
 * POST /api/accounts: creates sign-in accounts for the chosen staff (one or many),
 * each with a temporary password shown once to the administrator; the person must
 * change it at first sign-in. Inactive staff get no account.
 */
import { accountsRequestSchema } from '#domain/directory/accounts.ts';
import type { AccountOutcome } from '#domain/directory/directory.api.ts';
import { httpRoute } from '../platform/http.ts';
import { createAccount } from '../store/directory.accounts.ts';
import { getStaffItem, toStaff } from '../store/directory.repository.ts';

export const handler = httpRoute('accountsCreate', accountsRequestSchema, async ({ body, principal }) => {
  const results: AccountOutcome[] = [];
  for (const staffId of [...new Set(body.staffIds)]) {
    const item = await getStaffItem(principal.countyCode, staffId);
    if (!item) {
      results.push({ staffId, outcome: 'not-found', message: '人员名录中没有此人' });
      continue;
    }
    const s = toStaff(item);
    if (!s.active) {
      results.push({
        staffId,
        username: s.username,
        name: s.name,
        outcome: 'inactive',
        message: '此人已停用，不能开通账号',
      });
      continue;
    }
    const r = await createAccount(s, principal.countyCode);
    results.push(
      r.created
        ? {
            staffId,
            username: s.username,
            name: s.name,
            outcome: 'created',
            temporaryPassword: r.temporaryPassword,
          }
        : { staffId, username: s.username, name: s.name, outcome: 'exists', message: '账号已存在，未作改动' },
    );
  }
  return { status: 200, body: { results } };
});
