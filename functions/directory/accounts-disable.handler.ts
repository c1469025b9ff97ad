/**
 * POST /api/accounts/disable: sets the chosen staff inactive in the directory
 * (a versioned change with history) and disables their sign-in accounts.
 */
import { accountsRequestSchema } from '#domain/directory/accounts.ts';
import type { AccountOutcome } from '#domain/directory/directory.api.ts';
import type { RecordChange } from '#domain/records/record.ts';
import { httpRoute } from '../platform/http.ts';
import { disableAccount } from '../store/directory.accounts.ts';
import { getStaffItem, toStaff, versionOf } from '../store/directory.repository.ts';
import { bookkeeping, putVersioned } from '../store/directory.versioned.ts';
import { staffItem } from '../store/directory.writer.ts';
import { now } from '#functions/platform/clock.ts';

export const handler = httpRoute('accountsDisable', accountsRequestSchema, async ({ body, principal }) => {
  const county = principal.countyCode;
  const at = now().toISOString();
  const results: AccountOutcome[] = [];
  for (const staffId of [...new Set(body.staffIds)]) {
    const item = await getStaffItem(county, staffId);
    if (!item) {
      results.push({ staffId, outcome: 'not-found' });
      continue;
    }
    const s = toStaff(item);
    if (s.active) {
      const v = versionOf(item).version;
      const change: RecordChange = {
        submissionId: `disable-${staffId}-v${v}`,
        actorId: principal.userId,
        actorName: principal.name,
        at,
        form: 'admin-accounts',
        action: 'update',
        reason: '县级管理员停用',
        changes: [{ path: 'active', from: true, to: false }],
      };
      const next = { ...s, active: false };
      await putVersioned({ ...staffItem(county, next), ...bookkeeping(v + 1, change) }, v, {
        county,
        ownerId: s.id,
        tag: 'STAFF',
        change,
        snapshot: next,
      });
    }
    const disabled = await disableAccount(s.username);
    results.push({
      staffId,
      username: s.username,
      name: s.name,
      outcome: disabled ? 'disabled' : 'no-account',
    });
  }
  return { status: 200, body: { results } };
});
