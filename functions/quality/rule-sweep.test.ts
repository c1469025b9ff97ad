/**
 * The logic-rule sweep on the embedded store: the nightly run reads the people
 * again only when the directory changed since the last complete read, and never
 * writes a finding twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityKinds } from '#domain/quality/quality.schema.ts';
import { invoke } from '#local/api-gateway.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, signIn, startTestStack } from '#local/testing.ts';
import { directoryVersion } from '../store/directory.version.ts';
import { listRecordIds } from '../store/records.repository.ts';
import { runRuleSweep } from './rule-sweep.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
});
afterAll(async () => stack?.stop());

const sweep = (now: string) =>
  runRuleSweep({ countyCode: county, period: '2026-10', now: new Date(now), people: 'when-changed' });

describe('nightly logic-rule sweep', () => {
  it('reads the people on the first night, skips them while the directory is unchanged, and reads them after an edit', async () => {
    const first = await sweep('2026-11-02T18:00:00Z');
    expect(first.peopleRead).toBe(true);
    expect(first.created).toBe(first.findings);
    const stored = (await listRecordIds(county, qualityKinds.error)).sort();
    expect(stored).toHaveLength(first.findings);

    const second = await sweep('2026-11-03T18:00:00Z');
    expect(second.peopleRead).toBe(false);
    expect(second.created).toBe(0);
    // Only the income rules ran: no finding about people or member counts.
    expect(Object.keys(second.byRule).some((r) => ['ID', 'DUP', 'CNT'].includes(r))).toBe(false);
    expect((await listRecordIds(county, qualityKinds.error)).sort()).toEqual(stored);

    // A household edit moves the directory on: the next night reads the people again.
    const before = await directoryVersion(county);
    const officer = await signIn(stack, 'v-t01v001');
    const res = await invoke('PUT', '/api/directory/households/H0000001', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({
        submissionId: randomUUID(),
        expectedVersion: 1,
        reason: '新生儿落户',
        headName: '王建国',
        category: 'alleviated',
        memberCount: 5,
      }),
    });
    expect(res.status).toBe(200);
    expect(await directoryVersion(county)).toBeGreaterThan(before);
    const third = await sweep('2026-11-04T18:00:00Z');
    expect(third.peopleRead).toBe(true);
    expect(third.findings).toBe(first.findings);

    // The monthly run always reads them.
    const monthly = await runRuleSweep({
      countyCode: county,
      period: '2026-10',
      now: new Date('2026-11-05T00:30:00Z'),
    });
    expect(monthly.peopleRead).toBe(true);
    expect(monthly.created).toBe(0);
  });
});
