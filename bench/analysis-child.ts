/**
 * Runs in its own Node process so its peak RSS is the job's alone (the parent holds
 * dynalite and the web server). Argument: `read` (the floor: read the month's rows,
 * as the job does) or `job` (the county monthly income analysis, all reports).
 * Prints one JSON line.
 */
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { previousPeriod } from '#domain/shared/period.ts';
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
  await mapLimit(villages, 8, async (v) => {
    const [h, r, p] = await Promise.all([
      listVillageHouseholds(county, v.id),
      listVillageIncome(county, period, v.id),
      listVillageIncome(county, previousPeriod(period), v.id),
    ]);
    rows += h.length + r.length + p.length;
  });
  extra = { rows };
} else {
  const { runJob } = await import('#functions/jobs/run.ts');
  const result = await runJob({ job: 'monthly-income', period }, { config, now: new Date() });
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
