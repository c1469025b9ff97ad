/**
 * The petition routes against dynalite: intake (valid, each broken rule, duplicate
 * submission, out of scope), handling and result (stale version), callbacks with
 * history, the ledger with its clock, the monitoring-review list, the dispute
 * register and monthly report form with their XLSX exports.
 */
import { now } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
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
let leader: string;
let auditor: string;
const today = shanghaiDate(now());

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  [officer, otherOfficer, town, office, leader, auditor] = (await Promise.all(
    ['v-t01v001', 'v-t02v001', 'town-t01', 'office', 'leader', 'auditor'].map((u) => signIn(stack, u)),
  )) as [string, string, string, string, string, string];
});
afterAll(async () => stack?.stop());

const intake = (patch: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  receivedDate: today,
  channel: 'hotline',
  petitionerName: '王建国',
  petitionerPhone: '13812345678',
  householdId: 'H0000001',
  villageId: 'T01V001',
  category: 'water',
  content: '自来水管冻裂，家中断水三天',
  handlingMode: 'assigned',
  assignedUnit: '县水利局',
  ...patch,
});

interface Rec {
  id: string;
  version: number;
  townId: string;
  villageId: string;
  data: Record<string, unknown>;
}
const recordOf = (r: { json: unknown }) => (r.json as { record: Rec }).record;

describe('POST /api/petitions', () => {
  it('stores a valid petition with its due date and monitoring flag (201)', async () => {
    const res = await call('POST', '/api/petitions', officer, intake());
    expect(res.status).toBe(201);
    const rec = recordOf(res);
    expect(rec).toMatchObject({ version: 1, villageId: 'T01V001', townId: 'T01', kind: 'petition' });
    expect(rec.data).toMatchObject({
      dueDate: addDays(today, 15),
      monitoringReview: true,
      status: 'open',
      assignedUnit: '县水利局',
    });
    expect(rec).not.toHaveProperty('pk');
  });

  it('answers a duplicate submission with the first record and stores nothing new', async () => {
    const body = intake({ category: 'other' });
    const first = await call('POST', '/api/petitions', officer, body);
    const before = await dump();
    const again = await call('POST', '/api/petitions', officer, body);
    expect(again.status).toBe(201);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect(recordOf(again)).toEqual(recordOf(first));
    expect(await dump()).toBe(before);
  });

  it('refuses its submission id reused for another register with 409, storing nothing', async () => {
    const body = intake({ category: 'other' });
    expect((await call('POST', '/api/petitions', officer, body)).status).toBe(201);
    const before = await dump();
    const reused = await call('POST', '/api/opinions', town, {
      submissionId: body.submissionId,
      discoveredDate: today,
      platform: 'douyin',
      link: 'https://www.douyin.com/video/7312345678901234567',
      summary: '短视频反映柳树村饮水管道长期未修',
      villageId: 'T01V001',
    });
    expect(reused.status).toBe(409);
    expect(errorOf(reused).code).toBe('SUBMISSION.REUSED');
    expect(await dump()).toBe(before);
  });

  it.each([
    ['限期办 without a deadline', { handlingMode: 'deadline' }, 'PETITION.DEADLINE_REQUIRED', 'deadline'],
    [
      'a deadline in the past',
      { handlingMode: 'deadline', deadline: addDays(today, -1), receivedDate: addDays(today, -3) },
      'PETITION.DEADLINE_PAST',
      'deadline',
    ],
    [
      'a deadline beyond 60 days',
      { handlingMode: 'deadline', deadline: addDays(today, 61) },
      'PETITION.DEADLINE_TOO_FAR',
      'deadline',
    ],
    ['交办 without a unit', { assignedUnit: undefined }, 'PETITION.ASSIGNED_UNIT_REQUIRED', 'assignedUnit'],
    [
      'a receipt date in the future',
      { receivedDate: addDays(today, 1) },
      'PETITION.RECEIVED_IN_FUTURE',
      'receivedDate',
    ],
    [
      'a household of another village',
      { householdId: 'H0000004' },
      'PETITION.HOUSEHOLD_NOT_IN_VILLAGE',
      'householdId',
    ],
    ['a bad phone number', { petitionerPhone: '12345' }, 'VALIDATION.FAILED', 'petitionerPhone'],
    ['an unknown category', { category: 'roads' }, 'VALIDATION.FAILED', 'category'],
    ['content too short', { content: '水' }, 'VALIDATION.FAILED', 'content'],
    ['an unknown field', { townId: 'T02' }, 'VALIDATION.FAILED', '(body)'],
  ])(
    'refuses %s with 400, the field and a Chinese message, storing nothing',
    async (_n, patch, code, path) => {
      const before = await dump();
      const res = await call('POST', '/api/petitions', officer, intake(patch));
      expect(res.status).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe(code);
      expect(err.issues).toContainEqual(expect.objectContaining({ path }));
      expect(err.issues?.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
      expect(await dump()).toBe(before);
    },
  );

  it('refuses a petition for another village with 403 and an unknown village with 404', async () => {
    const before = await dump();
    const res = await call('POST', '/api/petitions', otherOfficer, intake());
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('AUTH.OUT_OF_SCOPE');
    const none = await call(
      'POST',
      '/api/petitions',
      office,
      intake({ villageId: 'T09V009', householdId: undefined }),
    );
    expect(none.status).toBe(404);
    expect(await dump()).toBe(before);
  });

  it('refuses leaders and auditors (403) and callers without a token (401)', async () => {
    expect((await call('POST', '/api/petitions', leader, intake())).status).toBe(403);
    expect((await call('POST', '/api/petitions', auditor, intake())).status).toBe(403);
    expect((await call('POST', '/api/petitions', undefined, intake())).status).toBe(401);
  });
});

describe('handling, result and callbacks', () => {
  let id: string;
  beforeAll(async () => {
    id = recordOf(
      await call(
        'POST',
        '/api/petitions',
        town,
        intake({ handlingMode: 'immediate', assignedUnit: undefined, category: 'income' }),
      ),
    ).id;
  });

  it('refuses a callback before the petition is concluded', async () => {
    const res = await call('POST', `/api/petitions/${id}/callbacks`, town, {
      submissionId: randomUUID(),
      expectedVersion: 1,
      date: today,
      way: 'phone',
      caller: '孙镇干部',
      satisfied: true,
    });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('PETITION.CALLBACK_BEFORE_CONCLUSION');
  });

  it('records a handling step, then the result; a stale version gets 409 and changes nothing', async () => {
    const step = await call('PUT', `/api/petitions/${id}`, officer, {
      submissionId: randomUUID(),
      expectedVersion: 1,
      date: today,
      note: '已联系镇民政办核实',
    });
    expect(step.status).toBe(200);
    expect(recordOf(step)).toMatchObject({
      version: 2,
      data: { status: 'open', handling: [{ note: '已联系镇民政办核实', byName: expect.any(String) }] },
    });
    const before = await dump();
    const stale = await call('PUT', `/api/petitions/${id}`, town, {
      submissionId: randomUUID(),
      expectedVersion: 1,
      date: today,
      note: '重复登记',
    });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: 'RECORD.VERSION_CONFLICT', currentVersion: 2 } });
    expect(await dump()).toBe(before);
    const done = await call('PUT', `/api/petitions/${id}`, town, {
      submissionId: randomUUID(),
      expectedVersion: 2,
      date: today,
      note: '已落实临时救助',
      result: { outcome: 'resolved', summary: '发放临时救助 2000 元' },
    });
    expect(recordOf(done).data).toMatchObject({
      status: 'resolved',
      result: { outcome: 'resolved', date: today },
    });
  });

  it('refuses handling from another village (403) and a date in the future (400)', async () => {
    const other = await call('PUT', `/api/petitions/${id}`, otherOfficer, {
      submissionId: randomUUID(),
      expectedVersion: 3,
      date: today,
      note: '越权',
    });
    expect(other.status).toBe(403);
    const future = await call('POST', `/api/petitions/${id}/callbacks`, town, {
      submissionId: randomUUID(),
      expectedVersion: 3,
      date: addDays(today, 1),
      way: 'phone',
      caller: '孙镇干部',
      satisfied: true,
    });
    expect(errorOf(future).code).toBe('PETITION.DATE_IN_FUTURE');
  });

  it('adds a callback once, even when sent twice, and keeps it in the history', async () => {
    const body = {
      submissionId: randomUUID(),
      expectedVersion: 3,
      date: today,
      way: 'visit',
      caller: '孙镇干部',
      satisfied: true,
      notes: '群众表示满意',
    };
    const first = await call('POST', `/api/petitions/${id}/callbacks`, town, body);
    expect(first.status).toBe(200);
    const again = await call('POST', `/api/petitions/${id}/callbacks`, town, body);
    expect(again.headers['x-idempotent-replay']).toBe('true');
    expect(recordOf(again).data.callbacks).toHaveLength(1);
    const hist = await call('GET', `/api/petitions/${id}/history`, officer);
    const entries = (
      hist.json as {
        history: {
          version: number;
          change: { reason?: string; form: string; changes: { path: string }[] };
        }[];
      }
    ).history;
    expect(entries.map((e) => [e.version, e.change.form, e.change.reason])).toEqual([
      [1, 'petition-intake', undefined],
      [2, 'petition-handling', '办理情况'],
      [3, 'petition-handling', '办结'],
      [4, 'petition-callback', '回访'],
    ]);
    expect(entries[3]?.change.changes.map((c) => c.path)).toEqual(['callbacks']);
    expect((await call('GET', `/api/petitions/${id}/history`, otherOfficer)).status).toBe(403);
  });
});

describe('ledgers and exports', () => {
  let overdueId: string;
  beforeAll(async () => {
    // Received four days ago, immediate: due three days ago, so overdue now.
    overdueId = recordOf(
      await call(
        'POST',
        '/api/petitions',
        officer,
        intake({
          receivedDate: addDays(today, -4),
          handlingMode: 'immediate',
          assignedUnit: undefined,
          category: 'medical',
          petitionerName: '赵大山',
          householdId: 'H0000003',
        }),
      ),
    ).id;
    await call(
      'POST',
      '/api/petitions',
      otherOfficer,
      intake({ villageId: 'T02V001', householdId: 'H0000005', petitionerName: '刘长河' }),
    );
  });

  it('lists the caller’s petitions with masked personal data and the clock; overdue ones marked', async () => {
    const res = await call('GET', '/api/petitions?pageSize=100', officer);
    expect(res.status).toBe(200);
    const page = res.json as { total: number; items: Record<string, unknown>[] };
    expect(page.items.every((i) => i.villageId === 'T01V001')).toBe(true);
    const row = page.items.find((i) => i.id === overdueId);
    expect(row).toMatchObject({
      petitioner: '赵**',
      phone: '138****5678',
      clock: '逾期 3 天',
      clockState: 'overdue',
      overdue: true,
      villageName: '柳树村',
      townName: '东岭镇',
      category: '基本医疗',
    });
    expect(JSON.stringify(page.items)).not.toContain('13812345678');
    const overdue = (await call('GET', '/api/petitions?overdue=true', officer)).json as {
      items: { id: string }[];
    };
    expect(overdue.items.map((i) => i.id)).toEqual([overdueId]);
    const county = (await call('GET', '/api/petitions?pageSize=100', leader)).json as {
      items: { villageId: string }[];
    };
    expect(new Set(county.items.map((i) => i.villageId))).toEqual(new Set(['T01V001', 'T02V001']));
  });

  it('lists petitions up for monitoring review only', async () => {
    const res = (await call('GET', '/api/petitions/monitoring-review?pageSize=100', office)).json as {
      items: { monitoringReview: boolean; category: string }[];
    };
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((i) => i.monitoringReview && i.category !== '其他')).toBe(true);
  });

  it('exports the dispute register and the petition ledger as XLSX, masked', async () => {
    const res = await call('GET', '/api/petitions/dispute-register/export', town);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('矛盾纠纷摸底排查登记表');
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['排查日期', '当事人', '化解时限', '化解情况']),
    );
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('刘长河');
    expect((await call('GET', '/api/petitions/export', officer)).status).toBe(200);
  });

  it('gives the monthly report form a line per town and a total, and exports it', async () => {
    const month = today.slice(0, 7);
    const res = await call('GET', `/api/petitions/monthly-report?month=${month}`, office);
    const { items } = res.json as { items: { townName: string; received: number }[] };
    expect(items.map((i) => i.townName)).toEqual(['东岭镇', '西川镇', '合计']);
    expect(items[2]!.received).toBe(items[0]!.received + items[1]!.received);
    const own = (await call('GET', `/api/petitions/monthly-report?month=${month}`, town)).json as {
      items: { townName: string }[];
    };
    expect(own.items.map((i) => i.townName)).toEqual(['东岭镇', '合计']);
    expect((await call('GET', '/api/petitions/monthly-report?month=2026-13', office)).status).toBe(400);
    const x = await call('GET', `/api/petitions/monthly-report/export?month=${month}`, office);
    expect(x.status).toBe(200);
    expect(decodeURIComponent(x.headers['content-disposition'] ?? '')).toContain('信访舆情月报表');
  });

  it('gives the intake form the villages the caller reaches and a village’s households', async () => {
    const mine = (await call('GET', '/api/petitions/places?village=T01V001', officer)).json as {
      villages: { id: string }[];
      households: { id: string }[];
    };
    expect(mine.villages.map((v) => v.id)).toEqual(['T01V001']);
    expect(mine.households.map((h) => h.id)).toContain('H0000003');
    expect((await call('GET', '/api/petitions/places?village=T02V001', officer)).status).toBe(404);
  });
});
