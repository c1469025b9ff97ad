/** Public-opinion items against dynalite: create, each invalid kind, duplicate id, stale version, out of scope, export. */
import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#domain/petitions/petition.rules.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { loadFixture, signIn, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';
import { call, dump, errorOf } from './testing.ts';

let stack: Stack;
let town: string;
let office: string;
let officer: string;
const today = shanghaiDate(now());

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  [town, office, officer] = (await Promise.all(
    ['town-t01', 'office', 'v-t01v001'].map((u) => signIn(stack, u)),
  )) as [string, string, string];
});
afterAll(async () => stack?.stop());

const item = (patch: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  discoveredDate: today,
  platform: 'douyin',
  link: 'https://www.douyin.com/video/7312345678901234567',
  summary: '短视频反映柳树村饮水管道长期未修',
  villageId: 'T01V001',
  ...patch,
});
const rec = (r: { json: unknown }) =>
  (r.json as { record: { id: string; version: number; townId?: string; data: Record<string, unknown> } })
    .record;

describe('POST /api/opinions and PUT /api/opinions/{id}', () => {
  it('stores an item at its village and town (201), once per submission id', async () => {
    const body = item();
    const res = await call('POST', '/api/opinions', town, body);
    expect(res.status).toBe(201);
    expect(rec(res)).toMatchObject({
      version: 1,
      townId: 'T01',
      villageId: 'T01V001',
      data: { platform: 'douyin', townId: 'T01', callbacks: [] },
    });
    const before = await dump();
    const again = await call('POST', '/api/opinions', town, body);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect(await dump()).toBe(before);
  });

  it.each([
    ['a javascript: link', { link: 'javascript:alert(1)' }, 'VALIDATION.FAILED', 'link'],
    ['a link without scheme', { link: 'douyin.com/video/1' }, 'VALIDATION.FAILED', 'link'],
    ['an unknown platform', { platform: 'myspace' }, 'VALIDATION.FAILED', 'platform'],
    ['a future date', { discoveredDate: addDays(today, 1) }, 'OPINION.DATE_IN_FUTURE', 'discoveredDate'],
    ['a reply without its date', { officialReply: '已核实处理' }, 'OPINION.REPLY_DATE_REQUIRED', 'replyDate'],
    ['a short summary', { summary: '差' }, 'VALIDATION.FAILED', 'summary'],
  ])('refuses %s with 400 and stores nothing', async (_n, patch, code, path) => {
    const before = await dump();
    const res = await call('POST', '/api/opinions', office, item(patch));
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe(code);
    expect(errorOf(res).issues).toContainEqual(expect.objectContaining({ path }));
    expect(await dump()).toBe(before);
  });

  it('refuses an item of another town (403) and village officers (403)', async () => {
    const before = await dump();
    expect((await call('POST', '/api/opinions', town, item({ villageId: 'T02V001' }))).status).toBe(403);
    expect((await call('POST', '/api/opinions', officer, item())).status).toBe(403);
    expect(await dump()).toBe(before);
  });

  it('adds the investigation, the official reply and a callback; a stale version gets 409', async () => {
    const id = rec(
      await call('POST', '/api/opinions', office, item({ villageId: undefined, townId: 'T02' })),
    ).id;
    const v2 = await call('PUT', `/api/opinions/${id}`, office, {
      submissionId: randomUUID(),
      expectedVersion: 1,
      investigation: '经核查，管道已列入维修计划',
    });
    expect(v2.status).toBe(200);
    const before = await dump();
    const stale = await call('PUT', `/api/opinions/${id}`, office, {
      submissionId: randomUUID(),
      expectedVersion: 1,
      officialReply: '已回复',
      replyDate: today,
    });
    expect(stale.status).toBe(409);
    expect(await dump()).toBe(before);
    const v3 = await call('PUT', `/api/opinions/${id}`, office, {
      submissionId: randomUUID(),
      expectedVersion: 2,
      officialReply: '已在平台回复：本周内修复',
      replyDate: today,
      addCallback: { date: today, way: 'phone', caller: '郑主任', satisfied: true },
    });
    expect(rec(v3).data).toMatchObject({
      officialReply: '已在平台回复：本周内修复',
      investigation: '经核查，管道已列入维修计划',
      callbacks: [{ satisfied: true }],
    });
    expect(
      (
        await call('PUT', `/api/opinions/${id}`, town, {
          submissionId: randomUUID(),
          expectedVersion: 3,
          investigation: '越权修改',
        })
      ).status,
    ).toBe(403);
    const list = (await call('GET', '/api/opinions?status=replied', office)).json as {
      items: { id: string; statusLabel: string }[];
    };
    expect(list.items).toContainEqual(expect.objectContaining({ id, statusLabel: '已回复' }));
    const x = await call('GET', '/api/opinions/export', office);
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});
