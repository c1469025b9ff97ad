/**
 * Faults during a monthly run, on the embedded stack: the email stand-in down, the
 * S3 stand-in down, and a job killed after archiving. Each run must say what
 * failed, lose nothing already archived, send nobody anything twice, and a later
 * run must finish the work. Each case uses its own period so they do not meet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { listDeliveriesOfPeriod } from '#functions/store/deliveries.repository.ts';
import { searchReports } from '#functions/delivery/archive.ts';
import { runJob } from '#functions/jobs/run.ts';
import type { Stack } from '#local/stack.ts';
import { county, loadFixture, startTestStack } from '#local/testing.ts';

const config = demoCountyConfig;
let stack: Stack;

interface Mail {
  subject: string;
  destination: { to: string[] };
}
async function mailbox(): Promise<Mail[]> {
  const res = await fetch(`http://127.0.0.1:${stack.standins.ports.ses}/store`, {
    signal: AbortSignal.timeout(5000),
  });
  return ((await res.json()) as { emails: Mail[] }).emails;
}
/** Emails about one month, as `recipient subject`, sorted: a duplicate shows up twice. */
async function mailsOf(periodLabel: string): Promise<string[]> {
  return (await mailbox())
    .filter((m) => m.subject.includes(periodLabel))
    .map((m) => `${m.destination.to.join(',')} ${m.subject}`)
    .sort();
}
const run = (period: string, now: Date, hooks = {}) =>
  runJob({ job: 'monthly-income', period }, { config, now, hooks, progress: () => undefined });
const later = (d: Date, hours: number) => new Date(d.getTime() + hours * 3600_000);

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 's3', 'ses'] });
  await loadFixture(stack);
}, 60_000);
afterAll(async () => stack?.stop());

describe('faults during a monthly run', () => {
  it('email stand-in down: deliveries fail and say why; after it is back a later run sends each once', async () => {
    const t0 = new Date('2026-09-08T01:00:00Z');
    await stack.standins.stopSes();
    let first;
    try {
      first = await run('2026-08', t0);
    } finally {
      await stack.standins.startSes();
    }
    // The run finishes: reports archived, every delivery recorded as failed with its reason.
    expect(first.reports.length).toBeGreaterThan(0);
    expect(first.reports.every((r) => r.created)).toBe(true);
    expect(first.deliveries.length).toBeGreaterThan(0);
    for (const d of first.deliveries) {
      expect(d.status).toBe('failed');
      expect(d.error).toMatch(/\S/);
    }
    expect(await mailsOf('2026年8月')).toEqual([]);

    const second = await run('2026-08', later(t0, 24));
    expect(second.reports.every((r) => !r.created)).toBe(true);
    expect(second.deliveries.map((d) => d.status)).toEqual(first.deliveries.map(() => 'sent'));
    const third = await run('2026-08', later(t0, 48));
    expect(third.deliveries.every((d) => d.status === 'skipped')).toBe(true);

    const mails = await mailsOf('2026年8月');
    expect(mails).toHaveLength(first.deliveries.length);
    expect(new Set(mails).size).toBe(mails.length);
    const stored = await listDeliveriesOfPeriod(county, '2026-08');
    expect(stored.map((d) => d.status)).toEqual(stored.map(() => 'sent'));
  });

  it('S3 stand-in down: the run fails clearly and sends nothing; a later run archives and sends once', async () => {
    const t0 = new Date('2026-08-08T01:00:00Z');
    await stack.standins.stopS3();
    let error: unknown;
    try {
      await run('2026-07', t0);
    } catch (e) {
      error = e;
    } finally {
      await stack.standins.startS3();
    }
    expect(error, 'the run must fail, not report success').toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/\S/);
    expect(await mailsOf('2026年7月')).toEqual([]);
    expect((await searchReports(county, { period: '2026-07', limit: 50 })).items).toEqual([]);

    const again = await run('2026-07', later(t0, 1));
    expect(again.reports.length).toBeGreaterThan(0);
    expect(again.deliveries.every((d) => d.status === 'sent')).toBe(true);
    const mails = await mailsOf('2026年7月');
    expect(mails).toHaveLength(again.deliveries.length);
    expect(new Set(mails).size).toBe(mails.length);
  });

  it('job killed after the second report is archived: the re-run reuses the archive and sends each once', async () => {
    const t0 = new Date('2026-07-08T01:00:00Z');
    let archived = 0;
    const kill = {
      afterArchive: () => {
        archived++;
        if (archived === 2) throw new Error('KILLED: simulated crash after archiving');
      },
    };
    await expect(run('2026-06', t0, kill)).rejects.toThrow(/KILLED/);
    const sentBefore = await mailsOf('2026年6月');
    const reportsBefore = (await searchReports(county, { period: '2026-06', limit: 50 })).items.length;
    expect(reportsBefore).toBe(2);

    const rerun = await run('2026-06', later(t0, 1));
    // The two archived before the crash are reused, not generated again.
    expect(rerun.reports.filter((r) => !r.created)).toHaveLength(2);
    const mails = await mailsOf('2026年6月');
    expect(new Set(mails).size).toBe(mails.length);
    expect(mails.length).toBe(rerun.deliveries.filter((d) => d.status === 'sent').length + sentBefore.length);
    const stored = await listDeliveriesOfPeriod(county, '2026-06');
    expect(stored.map((d) => d.status)).toEqual(stored.map(() => 'sent'));
    expect(stored).toHaveLength(mails.length);
  });
});
