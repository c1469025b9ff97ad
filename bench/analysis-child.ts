/**
 * Runs in its own Node process so its peak RSS is the job's alone (the parent holds
 * dynalite and the web server). Argument: `read` (the floor: the job's reads, village by
 * village, without analysing or rendering) or `job` (the county monthly income analysis, all reports).
 * Prints one JSON line.
 */
import { now as clockNow } from '#functions/platform/clock.ts';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { addMonths, previousPeriod, sameMonthLastYear } from '#domain/shared/period.ts';
import { mapLimit } from '#functions/jobs/job.types.ts';
import { listVillageIncome } from '#functions/store/income.repository.ts';
import { listOrgUnits, listVillageHouseholds } from '#functions/store/org.repository.ts';

const [mode, period] = process.argv.slice(2) as ['read' | 'job', string];
const config = demoCountyConfig;
const county = config.countyCode;
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
const t0 = performance.now();
let extra: Record<string, unknown>;
if (mode === 'read') {
  const units = await listOrgUnits(county);
  const villages = units.filter((u) => u.kind === 'village');
  let rows = 0;
  // The very reads the job makes per village: households, the month, last month, the
  // same month last year, and the trend months (here empty but still queried).
  const trend = Array.from({ length: 11 }, (_, i) => addMonths(period, i - 11)).filter(
    (p) => p !== previousPeriod(period),
  );
  await mapLimit(villages, 8, async (v) => {
    const [h, r, p, y] = await Promise.all([
      listVillageHouseholds(county, v.id),
      listVillageIncome(county, period, v.id),
      listVillageIncome(county, previousPeriod(period), v.id),
      listVillageIncome(county, sameMonthLastYear(period), v.id),
    ]);
    rows += h.length + r.length + p.length + y.length;
    for (const t of trend) {
      const n = (await listVillageIncome(county, t, v.id)).length;
      rows += n;
    }
  });
  extra = { rows };
} else {
  const { runJob } = await import('#functions/jobs/run.ts');
  const result = await runJob({ job: 'monthly-income', period }, { config, now: clockNow() });
  const pdfs = result.files.filter((f) => f.filename.endsWith('.pdf'));
  extra = {
    reports: result.reports.length,
    pages: result.reports.reduce((a, r) => a + r.pages, 0),
    pdfBytes: pdfs.reduce((a, f) => a + f.content.length, 0),
    emails: result.deliveries.filter((d) => d.status === 'sent').length,
  };
}
const ms = performance.now() - t0;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
console.log(JSON.stringify({ mode, ms, peakRss: peak, ...extra }));
