/**
 * Reports agree with the records: a scenario over the demo county (income with
 * reviews and category changes across months, visits and problems, petitions,
 * data errors), played through the real handlers on a moving clock, then the
 * month's reports, letters and ledgers built by the real jobs and handlers.
 *
 * Every figure checked here is recomputed in this file from the raw items of
 * the table (current items and their history entries), with the rules written
 * out again by hand — never by calling the report code — and compared with the
 * PDF text, the XLSX cells, the letters and the APIs. A figure shown in two
 * places is asserted equal in both. The scenario puts changes on both sides of
 * each cut-off, so a report that read records as they stand now, rather than as
 * they stood at its cut-off, fails here.
 */
import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { setClockForTest } from '#functions/platform/clock.ts';
import { runJob } from '#functions/jobs/run.ts';
import type { JobResult } from '#functions/jobs/job.types.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { incomeItem } from '#functions/store/income.repository.ts';
import { tableName } from '#functions/store/table.ts';
import { invoke } from '#local/api-gateway.ts';
import { demoPassword, seedCounty } from '#local/seed.ts';
import { generateCounty } from '#local/seed/generate.ts';
import { signIn, startTestStack } from '#local/testing.ts';
import type { Stack } from '#local/stack.ts';
import { pdfText, squash } from '#reports/testing/pdf-inspect.ts';

type Item = Record<string, unknown>;
const config = demoCountyConfig;
const P = '2026-10';
/** Deadlines of October 2026 in the demo calendar, worked out by hand: the 7th and 8th of November are a weekend. */
const VILLAGE_DEADLINE_END = '2026-11-06T15:59:59.999Z';
const REVIEW_DEADLINE_END = '2026-11-09T15:59:59.999Z';
const INCOME_CUTOFF = '2026-11-09T15:59:59.999Z';
const MONTH_END = '2026-10-31T15:59:59.999Z';
const at = (shanghai: string) => setClockForTest(`${shanghai}+08:00`);

let stack: Stack;
const tokens = new Map<string, string>();
const call = async (user: string, method: string, path: string, body?: unknown) => {
  const res = await invoke(method, path, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(user)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return res;
};
const ok = async (user: string, method: string, path: string, body?: unknown) => {
  const res = await call(user, method, path, body);
  expect(res.status, `${method} ${path} as ${user}: ${res.body.toString()}`).toBeLessThan(300);
  return res.json as Record<string, unknown>;
};

/** Every item of the table. */
async function scan(): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

// ---------------------------------------------------------------------------
// The independent reading of the raw items: versions, "as of", categories.

interface Versioned {
  version: number;
  updatedAt: string;
  createdAt: string;
  value: Item;
}

/** The version in force at `cutoff` (the highest written by then), or undefined. */
function stateAt(versions: readonly Versioned[], cutoff: string): Versioned | undefined {
  return versions.filter((v) => v.updatedAt <= cutoff).sort((a, b) => b.version - a.version)[0];
}

class Store {
  households: Item[] = [];
  units: Item[] = [];
  /** Income versions by `${period}/${householdId}`. */
  income = new Map<string, Versioned[]>();
  /** Register versions by `${kind}/${id}`. */
  records = new Map<string, Versioned[]>();

  constructor(items: readonly Item[]) {
    const add = (m: Map<string, Versioned[]>, key: string, v: Versioned) => {
      const list = m.get(key) ?? [];
      if (!list.some((x) => x.version === v.version)) list.push(v);
      m.set(key, list);
    };
    const asIncome = (i: Item) =>
      typeof i.period === 'string' && typeof i.householdId === 'string' && typeof i.netIncome === 'number';
    const asRecord = (i: Item) => typeof i.kind === 'string' && typeof i.data === 'object' && i.data !== null;
    for (const i of items) {
      const snapshot = (i.change ? i.record : undefined) as Item | undefined;
      for (const r of [snapshot, i.change || i.record || i.storedRecord ? undefined : i]) {
        if (!r) continue;
        if (asIncome(r))
          add(this.income, `${r.period}/${r.householdId}`, {
            version: Number(r.version),
            updatedAt: String(r.updatedAt),
            createdAt: String(r.enteredAt),
            value: r,
          });
        else if (asRecord(r) && typeof r.version === 'number' && typeof r.createdAt === 'string')
          add(this.records, `${r.kind}/${r.id}`, {
            version: r.version,
            updatedAt: String(r.updatedAt),
            createdAt: r.createdAt,
            value: r,
          });
      }
      if (!i.change && !i.record && typeof i.headName === 'string' && typeof i.category === 'string')
        this.households.push(i);
      if (!i.change && typeof i.kind === 'string' && typeof i.name === 'string' && !i.data && !i.role)
        if (['county', 'town', 'village', 'department', 'factory'].includes(i.kind)) this.units.push(i);
    }
  }

  incomeAt(period: string, cutoff: string): Item[] {
    return [...this.income.entries()]
      .filter(([k]) => k.startsWith(`${period}/`))
      .flatMap(([, versions]) => stateAt(versions, cutoff)?.value ?? []);
  }

  /** A register's records as they stood at `cutoff`. */
  recordsAt(kind: string, cutoff: string): Item[] {
    return [...this.records.entries()]
      .filter(([k]) => k.startsWith(`${kind}/`))
      .flatMap(([, versions]) => stateAt(versions, cutoff)?.value ?? []);
  }

  /** Like `recordsAt`, but a record made after the cut-off counts in its first version. */
  recordsAtOrFirst(kind: string, cutoff: string): Item[] {
    return [...this.records.entries()]
      .filter(([k]) => k.startsWith(`${kind}/`))
      .map(
        ([, versions]) =>
          (stateAt(versions, cutoff) ?? [...versions].sort((a, b) => a.version - b.version)[0]!).value,
      );
  }

  townName(id: string): string {
    return String(this.units.find((u) => u.id === id)?.name);
  }
}

/** The category a household had at the end of `period`: its last change dated before the next month. */
function categoryAtEnd(h: Item, period: string): string | undefined {
  const history = (h.statusHistory as { date: string; to: string }[] | undefined) ?? [];
  if (history.length === 0) return String(h.category);
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
  return history.filter((c) => c.date < next).at(-1)?.to;
}
const monitored = (c: string | undefined) => c === 'alleviated' || c === 'monitored';
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
const pct = (n: number, d: number) => `${((d === 0 ? 0 : Math.min(1, n / d)) * 100).toFixed(1)}%`;

// ---------------------------------------------------------------------------
// The scenario.

let result: Record<string, JobResult> = {};
let store: Store;
const ids: Record<string, string> = {};

async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
function sheetRows(wb: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])));
  });
  return rows;
}
const fileOf = (r: JobResult, includes: string, ext: 'pdf' | 'xlsx') => {
  const f = r.files.find((x) => x.filename.includes(includes) && x.filename.endsWith(`.${ext}`));
  if (!f) throw new Error(`no ${ext} file with ${includes} in ${r.files.map((x) => x.filename).join(', ')}`);
  return f.content;
};

beforeAll(async () => {
  at('2026-11-01T08:00:00');
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses', 'cognito'] });
  // The directory and income through September, as the villages and towns made them.
  await seedCounty({
    scale: 'demo',
    config,
    now: new Date('2026-11-01T00:00:00+08:00'),
    cognito: stack.standins.cognito,
  });
  // October's entries as the villages made them, 1–14 November (some after the deadline), some reviewed.
  const october = generateCounty({
    scale: 'demo',
    seed: 1,
    config,
    lastPeriod: P,
    months: 1,
    notAfter: '2026-11-20T00:00:00+08:00',
  });
  await batchPut([...october.incomeRecords(P)].map(incomeItem));
  for (const u of ['town-t01', 'town-t02', 'head-t01', 'v-t01v001', 'office'])
    tokens.set(u, await signIn(stack, u, demoPassword));

  const raw = new Store(await scan());
  const t01Villages = raw.units
    .filter((u) => u.kind === 'village' && u.parentId === 'T01')
    .map((u) => String(u.id));
  const v1 = t01Villages[0]!;
  const hhOf = (village: string) =>
    raw.households.filter((h) => h.villageId === village).map((h) => String(h.id));

  // After the income cut-off: a town corrects a reviewed record and reviews one it had not.
  const reviewed01 = raw
    .incomeAt(P, '9999')
    .find((r) => r.townId === 'T01' && r.review && String(r.updatedAt) <= INCOME_CUTOFF)!;
  const pending02 = raw
    .incomeAt(P, '9999')
    .find((r) => r.townId === 'T02' && !r.review && String(r.enteredAt) <= INCOME_CUTOFF)!;
  ids.corrected = String(reviewed01.householdId);
  ids.lateReviewed = String(pending02.householdId);
  // The town review closed on 9 November: the county reopens October for both towns first.
  at('2026-11-11T10:00:00');
  for (const unitId of ['T01', 'T02'])
    await ok('office', 'POST', '/api/income/entry-windows', {
      submissionId: randomUUID(),
      period: P,
      unitId,
      until: '2026-11-16',
      reason: '县级比对后补充审核更正',
    });
  at('2026-11-12T10:00:00');
  await ok('town-t02', 'POST', '/api/income/review', {
    submissionId: randomUUID(),
    period: P,
    householdId: ids.lateReviewed,
    expectedVersion: pending02.version,
    action: 'accept',
  });
  at('2026-11-15T10:00:00');
  await ok('town-t01', 'POST', '/api/income/review', {
    submissionId: randomUUID(),
    period: P,
    householdId: ids.corrected,
    expectedVersion: reviewed01.version,
    action: 'correct',
    components: { wage: 0, business: 0, property: 0, transfer: 100, businessCost: 0 },
    fallCause: { kind: 'lost-work', note: '务工合同到期' },
    reason: '核实后更正为实际收入',
  });

  // Visits and problems of the town head, one recorded after the month.
  const visit = async (day: string, target: string, problems: { deadline?: string }[], recordedOn = day) => {
    at(`${recordedOn}T09:00:00`);
    const res = await ok('head-t01', 'POST', '/api/visits', {
      submissionId: randomUUID(),
      date: day,
      target: { kind: 'village', id: target },
      overnightStay: false,
      findings: '了解村内脱贫户收入和帮扶措施落实情况',
      problems: problems.map((_, i) => ({
        category: 'housing',
        description: `危房改造进度滞后第${i + 1}处`,
      })),
    });
    return res;
  };
  const listProblems = async () =>
    (await ok('head-t01', 'GET', '/api/problems?pageSize=500')).items as {
      id: string;
      version: number;
      target?: unknown;
      visitDate?: string;
    }[];
  await visit('2026-10-12', v1, [{}]);
  await visit('2026-10-14', t01Villages[1] ?? v1, [{}]);
  await visit('2026-10-16', t01Villages[2] ?? v1, [{}]);
  await visit('2026-10-30', t01Villages[0]!, [], '2026-11-03');
  const problems = (await listProblems()).sort((a, b) =>
    String(a.visitDate).localeCompare(String(b.visitDate)),
  );
  const setProblem = async (i: number, day: string, patch: Record<string, unknown>) => {
    at(`${day}T15:00:00`);
    const p = problems[i]!;
    const current = (await listProblems()).find((x) => x.id === p.id)!;
    await ok('head-t01', 'PUT', `/api/problems/${encodeURIComponent(p.id)}`, {
      submissionId: randomUUID(),
      expectedVersion: current.version,
      ...patch,
    });
  };
  await setProblem(0, '2026-10-13', {
    status: 'rectifying',
    deadline: '2026-10-20',
    measures: '安排施工队维修',
  });
  await setProblem(0, '2026-10-18', {
    status: 'rectified',
    deadline: '2026-10-20',
    measures: '安排施工队维修',
    completedOn: '2026-10-18',
    evidence: '维修完工照片3张',
  });
  await setProblem(1, '2026-10-15', {
    status: 'rectifying',
    deadline: '2026-10-25',
    measures: '申请改造资金',
  });
  await setProblem(2, '2026-10-17', {
    status: 'rectifying',
    deadline: '2026-11-15',
    measures: '列入改造计划',
  });
  await setProblem(2, '2026-11-05', {
    status: 'rectified',
    deadline: '2026-11-15',
    measures: '列入改造计划',
    completedOn: '2026-11-05',
    evidence: '验收单及照片',
  });

  // Petitions: on time, open and overdue, concluded after the month, not yet due.
  const petition = async (day: string, deadline: string, content: string) => {
    at(`${day}T10:00:00`);
    const r = await ok('town-t01', 'POST', '/api/petitions', {
      submissionId: randomUUID(),
      receivedDate: day,
      channel: 'window',
      petitionerName: '张三丰',
      petitionerPhone: '13812345678',
      villageId: v1,
      category: 'income',
      content,
      handlingMode: 'deadline',
      deadline,
      assignedUnit: '镇民政办',
    });
    return (r.record as { id: string; version: number }) ?? (r as unknown as { id: string; version: number });
  };
  const conclude = async (p: { id: string }, day: string) => {
    at(`${day}T16:00:00`);
    const list = (await ok('town-t01', 'GET', '/api/petitions?pageSize=500')).items as {
      id: string;
      version: number;
    }[];
    const current = list.find((x) => x.id === p.id)!;
    await ok('town-t01', 'PUT', `/api/petitions/${p.id}`, {
      submissionId: randomUUID(),
      expectedVersion: current.version,
      date: day,
      note: '已办结，当面答复',
      result: { outcome: 'resolved', summary: '已落实低保政策' },
    });
  };
  const pa = await petition('2026-10-05', '2026-10-15', '咨询低保申请条件及办理流程');
  await conclude(pa, '2026-10-12');
  await petition('2026-10-08', '2026-10-20', '反映务工工资被拖欠问题');
  const pc = await petition('2026-10-20', '2026-10-28', '反映饮水管道破损');
  await conclude(pc, '2026-11-03');
  await petition('2026-10-25', '2026-11-10', '申请危房改造补助');

  // Data errors: corrected in the month, corrected after it, found after it.
  const household = hhOf(v1)[0]!;
  const error = async (day: string) => {
    at(`${day}T11:00:00`);
    const r = await ok('town-t01', 'POST', '/api/quality/errors', {
      submissionId: randomUUID(),
      infoKind: 'basic',
      subjectType: 'household',
      householdId: household,
      field: '家庭人口数',
      wrongValue: '5',
      foundBy: 'department-comparison',
      foundOn: day,
      note: '与民政部门数据比对不一致',
    });
    return r.record as { id: string; version: number };
  };
  const close = async (e: { id: string; version: number }, day: string) => {
    at(`${day}T11:30:00`);
    await ok('town-t01', 'POST', `/api/quality/errors/${encodeURIComponent(e.id)}/close`, {
      submissionId: randomUUID(),
      expectedVersion: e.version,
      rightValue: '4',
      fixedOn: day,
      fixNote: '已在国家系统更正',
    });
  };
  await close(await error('2026-10-06'), '2026-10-20');
  await close(await error('2026-10-15'), '2026-11-04');
  await error('2026-11-02');

  // The month's jobs, as the calendar runs them (letters on their days), built after everything above.
  const run = async (job: string, when: string, extra: Record<string, unknown> = {}) => {
    at(when);
    const { now } = await import('#functions/platform/clock.ts');
    return runJob({ job: job as never, ...extra } as never, { config, now: now() });
  };
  result = {
    reviewLetter: await run('reminder-letters', '2026-11-10T00:30:00', {
      variant: 'town-review-overdue',
      period: P,
      date: '2026-11-10',
    }),
    income: await run('monthly-income', '2026-11-20T09:00:00', { period: P }),
    coverage: await run('visit-coverage', '2026-11-20T09:10:00', { period: P }),
    petitions: await run('petition-summary', '2026-11-20T09:20:00', { period: P }),
    quality: await run('data-quality', '2026-11-20T09:30:00', { period: P }),
    overdueLetter: await run('reminder-letters', '2026-11-20T09:40:00', {
      variant: 'items-overdue',
      date: '2026-11-20',
    }),
  };
  store = new Store(await scan());
}, 600_000);

afterAll(async () => stack?.stop());

// ---------------------------------------------------------------------------

describe('monthly income analysis agrees with the records as of its cut-off', () => {
  const expected = () => {
    const due = store.households.filter((h) => monitored(categoryAtEnd(h, P)));
    const dueIds = new Set(due.map((h) => String(h.id)));
    const records = store.incomeAt(P, INCOME_CUTOFF).filter((r) => dueIds.has(String(r.householdId)));
    const byTown = (townId: string) => {
      const own = records.filter((r) => r.townId === townId);
      const reviewedOnTime = own.filter((r) => {
        const review = r.review as { at: string } | undefined;
        return review && shanghaiDay(review.at) <= shanghaiDay(REVIEW_DEADLINE_END);
      });
      return {
        due: due.filter((h) => h.townId === townId).length,
        entered: own.length,
        onTime: own.filter((r) => String(r.enteredAt) <= VILLAGE_DEADLINE_END).length,
        reviewed: own.filter((r) => r.review).length,
        reviewedOnTime: reviewedOnTime.length,
      };
    };
    const keyGroups = due.filter(
      (h) => Array.isArray(h.flags) && h.flags.length > 0 && records.some((r) => r.householdId === h.id),
    );
    const below = records.filter((r) => Number(r.perCapitaNet) * 12 < 7500);
    return { due, records, byTown, keyGroups, below };
  };

  it('counts households due by their category at the end of October, entered records as of the cut-off', async () => {
    const e = expected();
    const text = squash((await pdfText(fileOf(result.income!, '守望示范县', 'pdf'))).text);
    const onTime = e.records.filter((r) => String(r.enteredAt) <= VILLAGE_DEADLINE_END).length;
    expect(text).toContain(
      `守望示范县应录入收入信息的农户${e.due.length}户，已录入${e.records.length}户，录入率${pct(e.records.length, e.due.length)}，按时录入率${pct(onTime, e.due.length)}。`,
    );
    // The correction made after the cut-off is not in the report: the record counts in its reviewed version.
    const corrected = store.income.get(`${P}/${ids.corrected}`)!;
    expect(corrected.length).toBeGreaterThan(1);
    const lineage = sheetRows(await readXlsx(fileOf(result.income!, '守望示范县', 'xlsx')), '数据溯源');
    const entered = lineage
      .filter((r) => r['指标代码'] === 'income.entered')
      .map((r) => `${r['记录编号']}@${r['版本']}`);
    expect(entered.sort()).toEqual(e.records.map((r) => `${P}/${r.householdId}@${r.version}`).sort());
    expect(entered).toContain(`${P}/${ids.corrected}@${stateAt(corrected, INCOME_CUTOFF)!.version}`);
  });

  it('shows each town’s reviewed records (table 1-2 and its sheet) as the store held them at the cut-off', async () => {
    const e = expected();
    const wb = await readXlsx(fileOf(result.income!, '守望示范县', 'xlsx'));
    const towns = sheetRows(wb, '各镇情况');
    const text = squash((await pdfText(fileOf(result.income!, '守望示范县', 'pdf'))).text);
    for (const townId of ['T01', 'T02']) {
      const t = e.byTown(townId);
      expect(t.reviewed).toBeGreaterThan(0);
      const row = towns.find((r) => r['镇'] === store.townName(townId))!;
      expect(row).toMatchObject({
        应录户数: t.due,
        已录户数: t.entered,
        按时录入: t.onTime,
        已审核: t.reviewed,
        按时审核: t.reviewedOnTime,
      });
      expect(text).toContain(
        `${store.townName(townId)}${t.due}${t.entered}${t.onTime}${t.reviewed}${t.reviewedOnTime}`,
      );
    }
  });

  it('lists the key-group households that were entered (PDF table 6, XLSX sheet)', async () => {
    const e = expected();
    expect(e.keyGroups.length).toBeGreaterThan(0);
    const wb = await readXlsx(fileOf(result.income!, '守望示范县', 'xlsx'));
    expect(
      sheetRows(wb, '重点人群')
        .map((r) => r['户编号'])
        .sort(),
    ).toEqual(e.keyGroups.map((h) => h.id).sort());
    const text = squash((await pdfText(fileOf(result.income!, '守望示范县', 'pdf'))).text);
    expect(text).toContain(
      `重点人群（大病、重度残疾、低保、特困、低保边缘、新识别）农户共${e.keyGroups.length}户`,
    );
    expect(
      sheetRows(wb, '低于监测线')
        .map((r) => r['户编号'])
        .sort(),
    ).toEqual(e.below.map((r) => r.householdId).sort());
  });

  it('draws the trend of past months by their own categories and cut-offs', async () => {
    const wb = await readXlsx(fileOf(result.income!, '守望示范县', 'xlsx'));
    const trend = sheetRows(wb, '近12个月');
    for (const month of ['2026-08', '2026-09']) {
      const due = store.households.filter((h) => monitored(categoryAtEnd(h, month)));
      const ids = new Set(due.map((h) => String(h.id)));
      const [y, m] = month.split('-').map(Number) as [number, number];
      const next = `${y}-${String(m + 1).padStart(2, '0')}`;
      // The demo calendar: 8 September and 8 October are working days except the October holiday (moved to the 8th).
      const cutoffDay = next === '2026-09' ? '2026-09-08' : '2026-10-08';
      const cutoff = new Date(Date.parse(`${cutoffDay}T23:59:59.999+08:00`)).toISOString();
      const entered = store.incomeAt(month, cutoff).filter((r) => ids.has(String(r.householdId)));
      const row = trend.find((r) => r['月份'] === month)!;
      expect(row, month).toMatchObject({ 应录户数: due.length, 已录户数: entered.length });
    }
  });

  it('gives the ledger the same figures when read as of the report’s cut-off, and the printed digest rebuilds from the sheet', async () => {
    const e = expected();
    const ledger = await ok('office', 'GET', `/api/income/ledger/${P}?pageSize=500&asOf=${INCOME_CUTOFF}`);
    const items = ledger.items as { status: string; reviewed: boolean; version: number }[];
    expect(ledger.total).toBe(e.due.length);
    expect(items.filter((i) => i.status !== 'missing')).toHaveLength(e.records.length);
    expect(items.filter((i) => i.reviewed)).toHaveLength(e.records.filter((r) => r.review).length);
    // Now, after the late review and the correction, the live ledger differs, as it should.
    const live = (await ok('office', 'GET', `/api/income/ledger/${P}?pageSize=500`)).items as {
      reviewed: boolean;
    }[];
    expect(live.filter((i) => i.reviewed).length).toBeGreaterThan(items.filter((i) => i.reviewed).length);

    // An auditor rebuilds the canonical list from the sheet and finds the printed SHA-256.
    const wb = await readXlsx(fileOf(result.income!, '守望示范县', 'xlsx'));
    const rows = sheetRows(wb, '数据溯源');
    const figures: string[] = [];
    const lines: string[] = [];
    for (const r of rows) {
      const key = String(r['指标代码']);
      if (!figures.includes(key)) {
        figures.push(key);
        lines.push(`${key}\t=\t${r['指标值']}`);
      }
      if (r['记录类别代码']) lines.push(`${key}\t${r['记录类别代码']}\t${r['记录编号']}\t${r['版本']}`);
    }
    const digest = createHash('sha256')
      .update(`${lines.join('\n')}\n`)
      .digest('hex');
    const text = squash((await pdfText(fileOf(result.income!, '守望示范县', 'pdf'))).text);
    expect(text).toContain(`数据溯源码（SHA-256）：${digest}`);
    const report = result.income!.reports.find((r) => r.scope === config.countyCode)!;
    const archived = (await ok('office', 'GET', `/api/archive/reports/${report.reportId}`)) as {
      report?: { inputSha256: string };
      inputSha256?: string;
    };
    expect(archived.report?.inputSha256 ?? archived.inputSha256).toBe(digest);
  });

  it('says in the review letter what the report says of the town: entered, and not reviewed by the deadline', async () => {
    const e = expected();
    const letter = result.reviewLetter!.files.find((f) => f.filename.endsWith('.pdf'));
    expect(letter).toBeDefined();
    const text = squash((await pdfText(letter!.content)).text);
    // As of the review deadline: the records entered by then, and those reviewed by then.
    const t01 = store
      .incomeAt(P, REVIEW_DEADLINE_END)
      .filter((r) => r.townId === 'T01' && e.due.some((h) => h.id === r.householdId));
    const pending = t01.filter((r) => !r.review).length;
    expect(pending).toBeGreaterThan(0);
    expect(text).toContain(`已录入收入信息${t01.length}户，截至比对研判期限仍有${pending}户未完成审核`);
    // The same town's figures in the monthly report: entered − reviewed on time is that number.
    const t = e.byTown('T01');
    expect(t.entered - t.reviewedOnTime).toBe(pending);
  });
});

describe('visit coverage agrees with the visits and problems as of the month’s end', () => {
  it('counts visits recorded by then, problems found in the month and their state at its end', async () => {
    const visits = store
      .recordsAt('visit', MONTH_END)
      .filter((v) => String((v.data as Item).date).startsWith(P));
    const problems = store.recordsAt('problem', MONTH_END);
    const found = problems.filter((p) => String((p.data as Item).visitDate).startsWith(P));
    const rectified = found.filter((p) => (p.data as Item).status === 'rectified');
    const overdue = problems.filter((p) => {
      const d = p.data as Item;
      return d.status !== 'rectified' && typeof d.deadline === 'string' && d.deadline < '2026-10-31';
    });
    expect([visits.length, found.length, rectified.length, overdue.length]).toEqual([3, 3, 1, 1]);
    const wb = await readXlsx(fileOf(result.coverage!, '守望示范县', 'xlsx'));
    const lineage = sheetRows(wb, '数据溯源');
    const count = (key: string) => lineage.filter((r) => r['指标代码'] === key && r['记录编号']).length;
    expect(count('visit.visits')).toBe(visits.length);
    expect(count('visit.problemsFound')).toBe(found.length);
    expect(count('visit.problemsRectified')).toBe(rectified.length);
    expect(count('visit.overdue')).toBe(overdue.length);
    const town = sheetRows(wb, '各镇').find((r) => r['镇（街道）'] === store.townName('T01'))!;
    expect(town).toMatchObject({ 发现问题: found.length, 已整改: rectified.length, 逾期: overdue.length });
    const text = squash((await pdfText(fileOf(result.coverage!, '守望示范县', 'pdf'))).text);
    expect(text).toContain(`发现问题${found.length}个，已整改${rectified.length}个`);
  });

  it('counts each person’s distinct duty targets, as the targets API lists them', async () => {
    const wb = await readXlsx(fileOf(result.coverage!, '守望示范县', 'xlsx'));
    const people = sheetRows(wb, '责任人');
    const targets = (await ok('head-t01', 'GET', '/api/visits/targets')) as {
      staffId: string;
      mine: { kind: string; id: string }[];
    };
    const distinct = new Set(targets.mine.map((t) => `${t.kind}:${t.id}`));
    const lineage = sheetRows(wb, '数据溯源').filter(
      (r) => r['指标代码'] === 'visit.required' && String(r['记录编号']).startsWith(`${targets.staffId}>`),
    );
    expect(lineage).toHaveLength(distinct.size);
    const own = people.filter((p) => Number(p['应走访']) === distinct.size);
    expect(own.length).toBeGreaterThan(0);
  });
});

describe('petition summary agrees with the petitions as of the month’s end', () => {
  it('counts received, concluded on time and overdue as they stood on 31 October; the monthly form agrees', async () => {
    const all = store.recordsAt('petition', MONTH_END).map((r) => r.data as Item);
    const received = all.filter((p) => String(p.receivedDate).startsWith(P));
    const concluded = received.filter((p) => p.status !== 'open');
    const onTime = concluded.filter((p) => String((p.result as Item).date) <= String(p.dueDate));
    const overdue = all.filter((p) => p.status === 'open' && String(p.dueDate) < '2026-10-31');
    expect([received.length, concluded.length, onTime.length, overdue.length]).toEqual([4, 1, 1, 2]);
    const wb = await readXlsx(fileOf(result.petitions!, '守望示范县', 'xlsx'));
    const town = sheetRows(wb, '各镇办理情况').find((r) => r['镇/街道'] === store.townName('T01'))!;
    expect(town).toMatchObject({ 受理: received.length, 办结: concluded.length });
    const text = squash((await pdfText(fileOf(result.petitions!, '守望示范县', 'pdf'))).text);
    expect(text).toContain(`逾期未办结的信访件共${overdue.length}件`);
    const form = (await ok('office', 'GET', `/api/petitions/monthly-report?month=${P}`)) as { items: Item[] };
    const line = form.items.find((r) => r.townId === 'T01')!;
    expect(line).toMatchObject({
      received: received.length,
      concluded: concluded.length,
      onTime: onTime.length,
      overdue: overdue.length,
    });
  });

  it('reminds in the letter of the petitions overdue on its day, not of one concluded', async () => {
    const text = squash(
      (
        await Promise.all(
          result
            .overdueLetter!.files.filter((f) => f.filename.endsWith('.pdf'))
            .map((f) => pdfText(f.content)),
        )
      )
        .map((t) => t.text)
        .join(''),
    );
    const open = store
      .recordsAt('petition', '9999')
      .map((r) => r.data as Item)
      .filter((p) => p.status === 'open' && String(p.dueDate) < '2026-11-20');
    expect(open.map((p) => p.content).sort()).toEqual(['反映务工工资被拖欠问题', '申请危房改造补助']);
    for (const p of open) expect(text).toContain(String(p.content));
    expect(text).not.toContain('反映饮水管道破损');
    expect(text).not.toContain('咨询低保申请条件');
  });
});

describe('data-quality report agrees with the errors as of the month’s end', () => {
  it('counts errors found in October, corrected by its end, and open at its end', async () => {
    const errors = store
      .recordsAtOrFirst('data-error', MONTH_END)
      .map((r) => ({ ...(r.data as Item), townId: r.townId }));
    const found = errors.filter((e) => String(e.foundOn).startsWith(P));
    const corrected = found.filter((e) => e.status === 'closed' && String(e.fixedOn ?? '') <= '2026-10-31');
    const open = errors.filter(
      (e) =>
        String(e.foundOn) <= '2026-10-31' &&
        !(e.status === 'closed' && String(e.fixedOn ?? '') <= '2026-10-31'),
    );
    const manual = found.filter((e) => e.foundBy !== 'logic-rule');
    expect(manual).toHaveLength(2);
    const wb = await readXlsx(fileOf(result.quality!, '守望示范县', 'xlsx'));
    const lineage = sheetRows(wb, '数据溯源');
    const count = (key: string) => lineage.filter((r) => r['指标代码'] === key && r['记录编号']).length;
    expect(count('quality.found')).toBe(found.length);
    expect(count('quality.corrected')).toBe(corrected.length);
    expect(count('quality.open')).toBe(open.length);
    expect(corrected).toHaveLength(1);
    const text = squash((await pdfText(fileOf(result.quality!, '守望示范县', 'pdf'))).text);
    expect(text).toContain(`发现数据错误${found.length}条`);
    // Logic-rule findings of the month's sweep are dated in the month and counted in it.
    const rules = found.filter((e) => e.foundBy === 'logic-rule');
    expect(count('quality.ruleFailures')).toBe(rules.length);
  });
});
