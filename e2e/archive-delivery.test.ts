/**
 * Scheduled delivery on the embedded stack, on a fake clock: a month of the shared
 * calendar fired through the job dispatcher (firing times from the cron
 * definitions with croner, no sleeping) sends the right reports to the right
 * people exactly once; failures while the SES stand-in is down are recorded,
 * retried with backoff, and delivered once after it is back; a job killed after
 * archiving and re-run sends nothing twice.
 */
import { createHash } from 'node:crypto';
import { Cron } from 'croner';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { schedules, scheduleTimeZone, type JobKind } from '#domain/system/schedules.ts';
import { getReport, searchReports } from '#functions/delivery/archive.ts';
import { listDeliveriesOfPeriod, listDeliveriesOfReport } from '#functions/store/deliveries.repository.ts';
import { JobNotImplementedError, runJob } from '#functions/jobs/run.ts';
import type { JobResult } from '#functions/jobs/job.types.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { staffItem } from '#functions/store/directory.writer.ts';
import { keys } from '#functions/store/keys.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, startTestStack } from '#local/testing.ts';
import { readMailbox, type MailboxEmail } from './browser.ts';

const config = demoCountyConfig;
let stack: Stack;
const mailbox = () => readMailbox(stack.standins.ports.ses);
const to = (m: MailboxEmail) =>
  m.destination.to.map((t) => /<?([^<>\s]+@[^<>\s]+)>?$/.exec(t)?.[1] ?? t).join(',');

/** Every firing of the shared calendar in [from, to), in time order. */
function firings(from: string, until: string) {
  const out: { at: Date; scheduleId: string; job: JobKind }[] = [];
  for (const s of schedules) {
    const cron = new Cron(s.cron, { timezone: scheduleTimeZone, paused: true });
    let at: Date | null = new Date(from);
    while ((at = cron.nextRun(at)) && at < new Date(until)) out.push({ at, scheduleId: s.id, job: s.job });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Runs every firing through the dispatcher; counts the declared kinds that have no job yet. */
async function runCalendar(from: string, until: string) {
  const results: JobResult[] = [];
  const notImplemented = new Map<string, number>();
  for (const f of firings(from, until)) {
    try {
      results.push(await runJob({ job: f.job, scheduleId: f.scheduleId }, { config, now: f.at }));
    } catch (e) {
      if (!(e instanceof JobNotImplementedError)) throw e;
      notImplemented.set(f.job, (notImplemented.get(f.job) ?? 0) + 1);
    }
  }
  return { results, notImplemented };
}

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses'] });
  await loadFixture(stack);
  // T02 has no town staff in the fixture: a head, and a village officer the directory names as recipient.
  await batchPut([
    staffItem(county, {
      id: 'head-t02',
      name: '冯镇长',
      role: 'town-staff',
      unitId: 'T02',
      townId: 'T02',
      email: 'head-t02@test.invalid',
      active: true,
    }),
    {
      ...keys.reportRecipient(county, 'monthly-income', 'T02', 'v-t02v001'),
      countyCode: county,
      reportKind: 'monthly-income',
      scopeUnitId: 'T02',
      staffId: 'v-t02v001',
    },
  ]);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe('a month of the calendar on a fake clock', () => {
  // November 2026, Shanghai time.
  const from = '2026-10-31T16:00:00Z';
  const until = '2026-11-30T16:00:00Z';

  it('sends each report of its scope to its people, once', async () => {
    const { results, notImplemented } = await runCalendar(from, until);
    // Every job kind of the calendar exists.
    expect([...notImplemented.keys()]).toEqual([]);

    // The analysis schedule fires daily from the 8th; it runs once, on the working day after the
    // town review (Saturday 7 November moved to Monday the 9th): Tuesday 10 November.
    const income = results.filter((r) => r.job === 'monthly-income' && !r.notDue);
    expect(income).toHaveLength(1);
    expect(results.filter((r) => r.job === 'monthly-income' && r.notDue).length).toBeGreaterThan(0);
    expect(income[0]!.period).toBe('2026-10');
    expect(income[0]!.reports.map((r) => r.reportId).sort()).toEqual([
      'monthly-income.2026-10.610999',
      'monthly-income.2026-10.T01',
      'monthly-income.2026-10.T02',
    ]);

    const all = await mailbox();
    // Exactly once: no recipient got the same report (the same PDF bytes) twice, whatever the kind.
    const keysOf = all.map((m) => {
      const pdf = m.attachments.find((a) => a.contentType.includes('pdf'));
      return `${to(m)} ${pdf ? createHash('sha256').update(Buffer.from(pdf.content, 'base64')).digest('hex') : m.subject}`;
    });
    expect(new Set(keysOf).size).toBe(keysOf.length);

    const mails = all.filter(
      (m) => m.subject.includes('月度收入分析研判') && m.subject.includes('2026年10月'),
    );
    const got = mails.map((m) => `${to(m)} ${m.subject}`).sort();
    expect(got).toEqual([
      'head-t02@test.invalid 【月度收入分析研判报告】西川镇 2026年10月',
      'leader@test.invalid 【月度收入分析研判报告】守望示范县 2026年10月',
      'office@test.invalid 【月度收入分析研判报告】守望示范县 2026年10月',
      'town-t01@test.invalid 【月度收入分析研判报告】东岭镇 2026年10月',
      'v-t02v001@test.invalid 【月度收入分析研判报告】西川镇 2026年10月',
    ]);
    for (const m of mails) {
      expect(m.attachments.map((a) => a.contentType.split(';')[0]).sort()).toEqual([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
      expect(m.body.text).toContain('录入率');
      expect(m.body.text).toContain('请您：');
    }
    const town = mails.find((m) => to(m) === 'town-t01@test.invalid')!;
    expect(town.body.text).toContain('应录入 4 户'); // T01's alleviated and monitored households only

    // The month's other reports went out too: coverage, petitions, data quality.
    for (const kind of ['visit-coverage', 'petition-summary', 'data-quality'] as const) {
      expect(results.some((r) => r.job === kind && r.reports.length > 0)).toBe(true);
    }
    const delivered = await listDeliveriesOfPeriod(county, '2026-10');
    expect(delivered.length).toBeGreaterThanOrEqual(5);
    expect(delivered.every((d) => d.status === 'sent')).toBe(true);
    const archived = await searchReports(county, { period: '2026-10', limit: 50 });
    expect(archived.items.map((r) => r.reportId)).toEqual(
      expect.arrayContaining([
        'monthly-income.2026-10.610999',
        'monthly-income.2026-10.T01',
        'monthly-income.2026-10.T02',
      ]),
    );
    // A month also finds what is filed under its days: the weekly coverage reports (their Mondays).
    const november = await searchReports(county, { period: '2026-11', limit: 100 });
    const weekly = november.items.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.period));
    expect(weekly.length).toBeGreaterThan(0);
    expect(weekly.every((r) => r.period.startsWith('2026-11-'))).toBe(true);
    const day = weekly[0]!.period;
    expect(
      (await searchReports(county, { period: day, limit: 100 })).items.every((r) => r.period === day),
    ).toBe(true);
  }, 300_000);

  it('sends nothing and generates nothing when the month is run again', async () => {
    const before = (await mailbox()).length;
    const county1 = await getReport(county, 'monthly-income.2026-10.610999');
    const { results } = await runCalendar(from, until);
    expect((await mailbox()).length).toBe(before);
    for (const r of results) {
      expect(r.reports.every((x) => !x.created)).toBe(true);
      expect(r.deliveries.every((d) => d.status === 'skipped')).toBe(true);
    }
    expect(await getReport(county, 'monthly-income.2026-10.610999')).toEqual(county1);
  }, 300_000);
});

describe('with the SES stand-in down', () => {
  const at = new Date('2026-12-08T01:00:00Z'); // 8 December 09:00 in Shanghai
  const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
  const sweep = (now: Date) =>
    runJob({ job: 'delivery-retry', scheduleId: 'delivery-retry' }, { config, now });

  it('records the failures, retries them with backoff, and delivers each once when it is back', async () => {
    const before = (await mailbox()).length;
    await stack.standins.stopSes();
    const first = await runJob({ job: 'monthly-income', scheduleId: 'monthly-income' }, { config, now: at });
    expect(first.reports.map((r) => r.created)).toEqual([true, true, true]);
    expect(first.deliveries.map((d) => d.status)).toEqual(Array(5).fill('failed'));
    const failed = await listDeliveriesOfPeriod(county, '2026-11');
    for (const d of failed) {
      expect(d).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: minutes(15).toISOString() });
      expect(d.lastError).toBeTruthy();
    }

    // Still down at the first retry: the wait doubles.
    expect((await sweep(minutes(15))).deliveries.map((d) => d.status)).toEqual(Array(5).fill('failed'));
    expect((await listDeliveriesOfPeriod(county, '2026-11'))[0]).toMatchObject({
      attempts: 2,
      nextAttemptAt: minutes(45).toISOString(),
    });

    await stack.standins.startSes();
    // Not due yet: nothing is tried, also not by a re-run of the job.
    expect((await sweep(minutes(30))).deliveries).toEqual([]);
    const rerun = await runJob({ job: 'monthly-income' }, { config, now: minutes(30) });
    expect(rerun.deliveries.map((d) => d.status)).toEqual(Array(5).fill('skipped'));
    expect((await mailbox()).length).toBe(before);

    const retried = await sweep(minutes(45));
    expect(retried.deliveries.map((d) => d.status)).toEqual(Array(5).fill('sent'));
    expect((await sweep(minutes(90))).deliveries).toEqual([]);
    const mails = (await mailbox()).slice(before);
    expect(mails).toHaveLength(5);
    expect(new Set(mails.map(to)).size).toBe(5);
    expect((await listDeliveriesOfPeriod(county, '2026-11')).map((d) => d.status)).toEqual(
      Array(5).fill('sent'),
    );
  }, 60_000);

  it('gives up after the last attempt and raises DeliveryFailed once per delivery', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await stack.standins.stopSes();
      const t0 = new Date('2027-01-08T01:00:00Z');
      await runJob({ job: 'monthly-income' }, { config, now: t0 });
      // 15, 30, 60, 120 minutes apart: the fifth attempt is the last.
      let t = t0.getTime();
      for (const wait of [15, 30, 60, 120]) {
        t += wait * 60_000;
        await sweep(new Date(t));
      }
      const given = await listDeliveriesOfPeriod(county, '2026-12');
      expect(given.map((d) => `${d.status}/${d.attempts}`)).toEqual(Array(5).fill('abandoned/5'));
      expect((await sweep(new Date(t + 24 * 3600_000))).deliveries).toEqual([]);
    } finally {
      spy.mockRestore();
      await stack.standins.startSes();
    }
    const metrics = lines.flatMap((l) => l.split('\n')).filter((l) => l.includes('"DeliveryFailed"'));
    expect(metrics).toHaveLength(5);
    expect(JSON.parse(metrics[0]!)).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'Shouwang',
            // The alarm (infra/constructs/monitoring.ts) watches the metric under this dimension.
            Dimensions: [['service']],
            Metrics: [{ Name: 'DeliveryFailed', Unit: 'Count' }],
          },
        ],
      },
      DeliveryFailed: 1,
      service: expect.any(String),
      kind: 'monthly-income',
    });
  }, 60_000);
});

describe('a job killed after archiving', () => {
  it('re-runs without duplicates and without a second report', async () => {
    const at = new Date('2027-02-08T01:00:00Z');
    const before = (await mailbox()).length;
    let archived = 0;
    await expect(
      runJob(
        { job: 'monthly-income' },
        {
          config,
          now: at,
          hooks: {
            afterArchive: () => {
              archived += 1;
              // Towns go first, then the county: dies after T02's report is archived, before it is sent.
              if (archived === 2) throw new Error('killed');
            },
          },
        },
      ),
    ).rejects.toThrow('killed');
    expect((await mailbox()).length - before).toBe(1); // T01's report went out before the kill
    const t02 = await getReport(county, 'monthly-income.2027-01.T02');
    expect(t02).toBeDefined();
    expect(await listDeliveriesOfReport(county, 'monthly-income.2027-01.T02')).toEqual([]);

    const again = await runJob({ job: 'monthly-income' }, { config, now: new Date(at.getTime() + 60_000) });
    // County first in the result; T01 and T02 were archived before the kill and are reused.
    expect(again.reports.map((r) => `${r.reportId}:${r.created}`)).toEqual([
      'monthly-income.2027-01.610999:true',
      'monthly-income.2027-01.T01:false',
      'monthly-income.2027-01.T02:false',
    ]);
    expect(await getReport(county, 'monthly-income.2027-01.T02')).toEqual(t02);
    const mails = (await mailbox()).slice(before);
    expect(mails.map(to).sort()).toEqual([
      'head-t02@test.invalid',
      'leader@test.invalid',
      'office@test.invalid',
      'town-t01@test.invalid',
      'v-t02v001@test.invalid',
    ]);
    const all = await searchReports(county, { period: '2027-01', limit: 10 });
    expect(all.items).toHaveLength(3);
  }, 60_000);
});
