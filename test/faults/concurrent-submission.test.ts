/**
 * The same submission sent twice at the same instant (a phone's outbox retrying
 * while the first request is still in flight). Decision: both are answered 201
 * with the same record, because both carry the same submission id and the id is
 * the idempotency key: the loser of the conditional put finds its own id on the
 * stored record and answers with it. Exactly one record, one history entry and
 * one submission marker are stored. Two different submissions for the same
 * household and month at once: one 201, one 409.
 */
import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDate } from '#domain/shared/period.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke } from '#local/api-gateway.ts';
import type { Stack } from '#local/stack.ts';
import { loadFixture, signIn, startTestStack } from '#local/testing.ts';

let stack: Stack;
let token: string;
/** The current month is always inside its entry window. */
const period = shanghaiDate(now()).slice(0, 7);

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  token = await signIn(stack, 'v-t01v001');
}, 60_000);
afterAll(async () => stack?.stop());

const post = (body: unknown) =>
  invoke('POST', '/api/income', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const entry = (householdId: string) => ({
  submissionId: randomUUID(),
  period,
  householdId,
  memberCount: 4,
  components: { wage: 2400, business: 600, property: 0, transfer: 200, businessCost: 100 },
  expectedVersion: 0,
});

async function itemsAbout(householdId: string, submissionIds: string[]) {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  const items = out.Items ?? [];
  return {
    records: items.filter((i) => String(i.pk).includes(`#INC#${period}#`) && i.sk === householdId),
    history: items.filter(
      (i) => String(i.pk).endsWith(`#HIST#${householdId}`) && String(i.sk).includes(period),
    ),
    markers: items.filter((i) => submissionIds.some((s) => String(i.pk).endsWith(`#SUB#${s}`))),
  };
}

describe('the same submission twice at the same instant', () => {
  it('answers both 201 with the same record and stores it once', async () => {
    const e = entry('H0000001');
    const [a, b] = await Promise.all([post(e), post(e)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((a.json as { record: unknown }).record).toEqual((b.json as { record: unknown }).record);
    const stored = await itemsAbout('H0000001', [e.submissionId]);
    expect(stored.records).toHaveLength(1);
    expect(stored.history).toHaveLength(1);
    expect(stored.markers).toHaveLength(1);
    // A third copy later is a plain replay.
    const c = await post(e);
    expect(c.status).toBe(201);
    expect(c.headers['x-idempotent-replay']).toBe('true');
    expect((await itemsAbout('H0000001', [e.submissionId])).history).toHaveLength(1);
  });

  it('ten copies at once still store one record', async () => {
    const e = entry('H0000002');
    const answers = await Promise.all(Array.from({ length: 10 }, () => post({ ...e, memberCount: 2 })));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const stored = await itemsAbout('H0000002', [e.submissionId]);
    expect([stored.records.length, stored.history.length, stored.markers.length]).toEqual([1, 1, 1]);
  });

  it('two different first entries for one household at once: one 201, one 409, one record', async () => {
    const x = entry('H0000006');
    const y = { ...entry('H0000006'), components: { ...x.components, wage: 9999 } };
    const answers = await Promise.all([post({ ...x, memberCount: 5 }), post({ ...y, memberCount: 5 })]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(loser.json).toMatchObject({ error: { code: 'INCOME.VERSION_CONFLICT', currentVersion: 1 } });
    const stored = await itemsAbout('H0000006', [x.submissionId, y.submissionId]);
    expect([stored.records.length, stored.history.length, stored.markers.length]).toEqual([1, 1, 1]);
  });
});
