/**
 * (3) A whole month of the calendar on a fake clock, in its own Node process so the
 * jobs use one core while the parent's dynalite serves them from the other (in AWS
 * the store is not on the function's CPU either). Arguments: the month's first
 * instant and the next month's, as ISO times. Prints progress on stderr and one
 * JSON line on stdout.
 */
import { Cron } from 'croner';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { schedules, scheduleTimeZone } from '#domain/system/schedules.ts';
import { JobNotImplementedError, runJob } from '#functions/jobs/run.ts';

const [from, to] = process.argv.slice(2).map((s) => new Date(s)) as [Date, Date];
const config = demoCountyConfig;
const firings: { at: Date; id: string; job: (typeof schedules)[number]['job'] }[] = [];
for (const s of schedules) {
  const cron = new Cron(s.cron, { timezone: scheduleTimeZone, paused: true });
  let at: Date | null = from;
  while ((at = cron.nextRun(at)) && at < to) firings.push({ at, id: s.id, job: s.job });
}
firings.sort((a, b) => a.at.getTime() - b.at.getTime());
console.error(`  ${firings.length} firings`);
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
const t0 = performance.now();
let sent = 0;
let failed = 0;
const notImplemented = new Map<string, number>();
const ran = new Map<string, { count: number; ms: number }>();
let day = '';
for (const fi of firings) {
  const d = shanghaiDate(fi.at);
  if (d !== day) {
    day = d;
    console.error(`  ${d}: ${sent} emails so far, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const t = performance.now();
  try {
    const r = await runJob({ job: fi.job, scheduleId: fi.id }, { config, now: fi.at });
    sent += r.deliveries.filter((x) => x.status === 'sent').length;
    failed += r.deliveries.filter((x) => x.status === 'failed' || x.status === 'abandoned').length;
    const k = ran.get(fi.id) ?? { count: 0, ms: 0 };
    ran.set(fi.id, { count: k.count + 1, ms: k.ms + performance.now() - t });
  } catch (e) {
    if (!(e instanceof JobNotImplementedError)) throw e;
    notImplemented.set(fi.job, (notImplemented.get(fi.job) ?? 0) + 1);
  }
}
clearInterval(sampler);
console.log(
  JSON.stringify({
    firings: firings.length,
    ms: performance.now() - t0,
    peakRss: Math.max(peak, process.resourceUsage().maxRSS * 1024),
    sent,
    failed,
    ran: Object.fromEntries(ran),
    notImplemented: Object.fromEntries(notImplemented),
  }),
);
