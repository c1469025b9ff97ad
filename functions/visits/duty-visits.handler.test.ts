/**
 * Visits by duty (issue 14): every duty holder records their own visits to their
 * duty targets wherever they sit (an assistance cadre's paired household in another
 * village and town), and the coordination office enters a county leader's visit for
 * them (visits to the villages of the leader's linked town), credited to the leader, with who entered it kept. Each
 * refusal changes nothing in the table.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '#domain/shared/period.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { now } from '#functions/platform/clock.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { keys } from '#functions/store/keys.ts';
import { tableName } from '#functions/store/table.ts';
import { assignmentItem } from '#functions/store/visits.repository.ts';
import { invoke } from '#local/api-gateway.ts';
import { ensureUsers } from '#local/cognito.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, signIn, startTestStack, testPassword } from '#local/testing.ts';

let stack: Stack;
const tokens: Record<string, string> = {};
// Visits on the day they are entered: the month's coverage, read as of its end, counts them on any date
// (a visit dated yesterday but entered on the 1st would rightly miss last month's figures).
const today = shanghaiDate(now());

const cadre = {
  username: 'cadre-t02',
  name: '钱帮扶',
  role: 'assistance-cadre' as const,
  // Stationed in T02V001, paired with a household of T01V002 in another town.
  unitId: 'T02V001',
  townId: 'T02',
  email: 'cadre-t02@test.invalid',
};

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  await ensureUsers(stack.standins.cognito!, [{ ...cadre, countyCode: county, password: testPassword }]);
  await batchPut([
    {
      ...keys.staff(county, cadre.username),
      id: cadre.username,
      ...cadre,
      position: 'department-cadre',
      active: true,
    },
    // The leader's post and their link to town T01 (挂点联镇).
    {
      ...keys.staff(county, 'leader'),
      id: 'leader',
      username: 'leader',
      name: '吴县长',
      role: 'leader',
      position: 'county-leader',
      unitId: county,
      email: 'leader@test.invalid',
      active: true,
    },
    assignmentItem({ countyCode: county, kind: 'household', staffId: cadre.username, targetId: 'H0000004' }),
    assignmentItem({ countyCode: county, kind: 'town-link', staffId: 'leader', targetId: 'T01' }),
  ]);
  for (const u of [cadre.username, 'leader', 'office', 'v-t01v001']) tokens[u] = await signIn(stack, u);
});
afterAll(async () => stack?.stop());

const post = (user: string, body: unknown) =>
  invoke('POST', '/api/visits', {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
    body: JSON.stringify(body),
  });

const visit = (target: { kind: string; id: string }, patch: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  date: today,
  target,
  overnightStay: false,
  findings: '入户了解务工和就医情况',
  problems: [],
  ...patch,
});

async function dump(): Promise<string> {
  const out = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return JSON.stringify((out.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`)));
}

type Visitor = {
  userId: string;
  name: string;
  staffId?: string;
  enteredBy?: { userId: string; name: string };
};
const visitorOf = (res: { json: unknown }) =>
  (res.json as { record: { data: { visitor: Visitor } } }).record.data.visitor;

describe('visits by duty', () => {
  it('lets an assistance cadre record a visit to their paired household in another village and town', async () => {
    const res = await post(cadre.username, visit({ kind: 'household', id: 'H0000004' }));
    expect(res.status).toBe(201);
    expect(visitorOf(res)).toEqual({ userId: expect.any(String), name: cadre.name, staffId: cadre.username });
    // Theirs to list and open, though the household is outside their village.
    const get = (path: string) =>
      invoke('GET', path, { headers: { authorization: `Bearer ${tokens[cadre.username]}` } });
    const id = (res.json as { record: { id: string } }).record.id;
    const ledger = await get('/api/visits');
    expect(ledger.status).toBe(200);
    expect((ledger.json as { items: { id: string }[] }).items.map((i) => i.id)).toContain(id);
    expect((await get(`/api/visits/${id}/history`)).status).toBe(200);
  });

  it('still refuses the cadre a household that is neither their duty nor in their village', async () => {
    const before = await dump();
    const res = await post(cadre.username, visit({ kind: 'household', id: 'H0000001' }));
    expect(res.status).toBe(403);
    expect((res.json as { error: { code: string } }).error.code).toBe('AUTH.OUT_OF_SCOPE');
    expect(await dump()).toBe(before);
  });

  it('leaves leaders to read: their own visit is refused, the office enters it for them', async () => {
    const before = await dump();
    const own = await post('leader', visit({ kind: 'village', id: 'T01V002' }));
    expect(own.status).toBe(403);
    expect((own.json as { error: { code: string } }).error.code).toBe('AUTH.ROLE_DENIED');
    expect(await dump()).toBe(before);
  });

  it('lets the coordination office enter the leader’s visit, credited to the leader, once however often it is sent', async () => {
    const body = visit({ kind: 'village', id: 'T01V001' }, { visitorStaffId: 'leader' });
    const first = await post('office', body);
    expect(first.status).toBe(201);
    expect(visitorOf(first)).toEqual({
      userId: 'leader',
      name: '吴县长',
      staffId: 'leader',
      enteredBy: { userId: expect.any(String), name: '郑主任' },
    });
    const again = await post('office', body);
    expect(again.status).toBe(201);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect((again.json as { record: { id: string } }).record.id).toBe(
      (first.json as { record: { id: string } }).record.id,
    );
  });

  it('refuses to enter for the leader a target outside the leader’s duties, and entering for others by anyone but the office', async () => {
    const before = await dump();
    const outside = await post(
      'office',
      visit({ kind: 'village', id: 'T02V001' }, { visitorStaffId: 'leader' }),
    );
    expect(outside.status).toBe(403);
    expect(outside.json).toMatchObject({
      error: { code: 'VISIT.NOT_DUTY_TARGET', message: '“石门村”不在吴县长的走访责任范围内，不能代为录入' },
    });
    const byOfficer = await post(
      'v-t01v001',
      visit({ kind: 'village', id: 'T01V001' }, { visitorStaffId: 'leader' }),
    );
    expect(byOfficer.status).toBe(403);
    expect((byOfficer.json as { error: { code: string } }).error.code).toBe('VISIT.ON_BEHALF_DENIED');
    const nobody = await post(
      'office',
      visit({ kind: 'village', id: 'T01V001' }, { visitorStaffId: 'S-NOBODY' }),
    );
    expect(nobody.status).toBe(404);
    expect(await dump()).toBe(before);
  });

  it('offers the office the people with duties, and for one of them exactly their duty targets', async () => {
    const get = (user: string, q = '') =>
      invoke('GET', `/api/visits/targets${q}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
    const own = await get('office');
    expect(own.status).toBe(200);
    const holders = (own.json as { dutyHolders: { id: string; name: string }[] }).dutyHolders;
    expect(holders.map((h) => h.id)).toEqual(expect.arrayContaining(['leader', cadre.username]));
    const forLeader = await get('office', '?for=leader');
    expect(forLeader.status).toBe(200);
    const body = forLeader.json as {
      visitor: { staffId: string; name: string };
      mine: { kind: string; id: string }[];
      others: unknown[];
    };
    expect(body.visitor).toEqual({ staffId: 'leader', name: '吴县长' });
    // The linked town's villages and its monitored household; nothing of another town.
    expect(body.mine.map((t) => `${t.kind}:${t.id}`)).toEqual(
      expect.arrayContaining(['village:T01V001', 'village:T01V002', 'household:H0000002']),
    );
    expect(body.mine.some((t) => t.id === 'T02V001')).toBe(false);
    expect(body.others).toEqual([]);
    const officer = await get('v-t01v001', '?for=leader');
    expect(officer.status).toBe(403);
    expect((officer.json as { error: { code: string } }).error.code).toBe('VISIT.ON_BEHALF_DENIED');
    expect((await get('office', '?for=S-NOBODY')).status).toBe(404);
  });

  it('shows coverage as the report counts it: the cadre their own duties, the office the county', async () => {
    const get = (user: string) =>
      invoke('GET', `/api/visits/coverage?period=${today.slice(0, 7)}`, {
        headers: { authorization: `Bearer ${tokens[user]}` },
      });
    type View = {
      level: string;
      totals: { required: number; visited: number };
      byPerson: { staffId: string; required: number; visited: number }[];
      unvisited: { staffId: string }[];
    };
    const mine = (await get(cadre.username)).json as View;
    expect(mine.level).toBe('person');
    expect(mine.byPerson.map((p) => [p.staffId, p.required, p.visited])).toEqual([[cadre.username, 1, 1]]);
    expect(mine.totals).toMatchObject({ required: 1, visited: 1 });
    expect(mine.unvisited).toEqual([]);

    const all = (await get('office')).json as View;
    expect(all.level).toBe('county');
    const leader = all.byPerson.find((p) => p.staffId === 'leader')!;
    // 东岭镇's two villages and its monitored household; the office entered one village's visit for him.
    expect(leader.required).toBeGreaterThanOrEqual(3);
    expect(leader.visited).toBe(1);
    expect(all.unvisited.some((u) => u.staffId === 'leader')).toBe(true);
    expect(all.byPerson.find((p) => p.staffId === cadre.username)).toMatchObject({ required: 1, visited: 1 });
    expect(
      (
        await invoke('GET', '/api/visits/coverage?period=2026-13', {
          headers: { authorization: `Bearer ${tokens.office}` },
        })
      ).status,
    ).toBe(400);
  });
});
