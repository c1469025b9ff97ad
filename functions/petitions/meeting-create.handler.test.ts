/** Review meetings against dynalite: each level's rules, linked petitions, duplicate id, stale version, out of scope. */
import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#domain/petitions/petition.rules.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { loadFixture, signIn, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';
import { call, dump, errorOf } from './testing.ts';

let stack: Stack;
let officer: string;
let otherOfficer: string;
let town: string;
let office: string;
let petitionId: string;
const today = shanghaiDate(now());
/** The latest day with a 4 in it, on or before today. */
let reviewDay = today;
while (![4, 14, 24].includes(Number(reviewDay.slice(8, 10)))) reviewDay = addDays(reviewDay, -1);

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  [officer, otherOfficer, town, office] = (await Promise.all(
    ['v-t01v001', 'v-t02v001', 'town-t01', 'office'].map((u) => signIn(stack, u)),
  )) as [string, string, string, string];
  const p = await call('POST', '/api/petitions', officer, {
    submissionId: randomUUID(),
    receivedDate: today,
    channel: 'window',
    petitionerName: '李秀英',
    petitionerPhone: '13987654321',
    villageId: 'T01V001',
    category: 'housing',
    content: '房屋墙体开裂，担心安全',
    handlingMode: 'assigned',
    assignedUnit: '东岭镇政府',
  });
  petitionId = (p.json as { record: { id: string } }).record.id;
});
afterAll(async () => stack?.stop());

const meeting = (patch: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  level: 'village-weekly',
  date: today,
  villageId: 'T01V001',
  attendees: ['张信息员', '王书记', '李主任'],
  itemsReviewed: '本周排查信访件 1 件',
  decisions: '报镇政府交办，限期核查房屋安全',
  linkedPetitionIds: [] as string[],
  ...patch,
});
const rec = (r: { json: unknown }) =>
  (
    r.json as {
      record: {
        id: string;
        version: number;
        townId?: string;
        villageId?: string;
        data: Record<string, unknown>;
      };
    }
  ).record;

describe('POST /api/meetings', () => {
  it('stores a village weekly meeting with its linked petition (201), once per submission id', async () => {
    const body = meeting({ linkedPetitionIds: [petitionId] });
    const res = await call('POST', '/api/meetings', officer, body);
    expect(res.status).toBe(201);
    expect(rec(res)).toMatchObject({
      villageId: 'T01V001',
      townId: 'T01',
      data: { level: 'village-weekly', townId: 'T01', linkedPetitionIds: [petitionId] },
    });
    const before = await dump();
    expect((await call('POST', '/api/meetings', officer, body)).headers['x-idempotent-replay']).toBe('true');
    expect(await dump()).toBe(before);
  });

  it('stores a town review on a day with a 4', async () => {
    const res = await call(
      'POST',
      '/api/meetings',
      town,
      meeting({ level: 'town-review', date: reviewDay, villageId: undefined, townId: 'T01' }),
    );
    expect(res.status).toBe(201);
    expect(rec(res)).toMatchObject({ townId: 'T01' });
    expect(rec(res)).not.toHaveProperty('villageId');
  });

  it.each([
    [
      'a town review off the review days',
      { level: 'town-review', date: addDays(reviewDay, -1), townId: 'T01', villageId: undefined },
      'MEETING.NOT_A_REVIEW_DAY',
      'date',
    ],
    [
      'a village meeting without a village',
      { villageId: undefined },
      'MEETING.VILLAGE_REQUIRED',
      'villageId',
    ],
    [
      'a department meeting without its department',
      { level: 'department-monthly', villageId: undefined },
      'MEETING.DEPARTMENT_REQUIRED',
      'departmentName',
    ],
    ['a date in the future', { date: addDays(today, 1) }, 'MEETING.DATE_IN_FUTURE', 'date'],
    [
      'an unknown linked petition',
      { linkedPetitionIds: [randomUUID()] },
      'MEETING.PETITION_NOT_FOUND',
      'linkedPetitionIds',
    ],
    ['one attendee', { attendees: ['张信息员'] }, 'VALIDATION.FAILED', 'attendees'],
    ['an unknown level', { level: 'yearly' }, 'VALIDATION.FAILED', 'level'],
  ])('refuses %s with 400 and stores nothing', async (_n, patch, code, path) => {
    const before = await dump();
    const res = await call('POST', '/api/meetings', office, meeting(patch));
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe(code);
    expect(errorOf(res).issues).toContainEqual(expect.objectContaining({ path }));
    expect(await dump()).toBe(before);
  });

  it('refuses a village officer a town review or another village’s meeting (403)', async () => {
    const before = await dump();
    expect(
      (
        await call(
          'POST',
          '/api/meetings',
          officer,
          meeting({ level: 'town-review', date: reviewDay, townId: 'T01', villageId: undefined }),
        )
      ).status,
    ).toBe(403);
    expect((await call('POST', '/api/meetings', otherOfficer, meeting())).status).toBe(403);
    expect(await dump()).toBe(before);
  });
});

describe('PUT /api/meetings/{id}', () => {
  it('corrects a record with a reason; stale versions get 409, other villages 403, place changes 400', async () => {
    const created = rec(await call('POST', '/api/meetings', officer, meeting()));
    const { submissionId: _s, ...fields } = meeting();
    const fix = await call('PUT', `/api/meetings/${created.id}`, officer, {
      ...fields,
      submissionId: randomUUID(),
      expectedVersion: 1,
      decisions: '报镇政府交办，三日内核查房屋安全',
      reason: '补充时限',
    });
    expect(fix.status).toBe(200);
    expect(rec(fix)).toMatchObject({ version: 2, data: { decisions: '报镇政府交办，三日内核查房屋安全' } });
    const before = await dump();
    const stale = await call('PUT', `/api/meetings/${created.id}`, officer, {
      ...fields,
      submissionId: randomUUID(),
      expectedVersion: 1,
      reason: '再改',
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await call('PUT', `/api/meetings/${created.id}`, otherOfficer, {
          ...fields,
          villageId: 'T01V001',
          submissionId: randomUUID(),
          expectedVersion: 2,
          reason: '越权',
        })
      ).status,
    ).toBe(403);
    const moved = await call('PUT', `/api/meetings/${created.id}`, officer, {
      ...fields,
      villageId: 'T01V002',
      submissionId: randomUUID(),
      expectedVersion: 2,
      reason: '改村',
    });
    expect(errorOf(moved).code).toBe('MEETING.PLACE_CHANGED');
    expect(await dump()).toBe(before);
    const hist = (await call('GET', `/api/meetings/${created.id}/history`, town)).json as {
      history: { change: { reason?: string } }[];
    };
    expect(hist.history.map((h) => h.change.reason)).toEqual([undefined, '补充时限']);
  });

  it('lists meetings within reach: a village officer does not see the town review', async () => {
    const mine = (await call('GET', '/api/meetings?pageSize=100', officer)).json as {
      items: { levelKey: string; unitName: string }[];
    };
    expect(mine.items.every((i) => i.levelKey === 'village-weekly' && i.unitName === '柳树村')).toBe(true);
    const townList = (await call('GET', '/api/meetings?pageSize=100', town)).json as {
      items: { levelKey: string }[];
    };
    expect(townList.items.some((i) => i.levelKey === 'town-review')).toBe(true);
  });
});
