/**
 * `npm run test:dates`: runs the date-sensitive part of the suite (handlers, jobs,
 * reports, the local runtime, fault and hostile suites) with the system clock set
 * to chosen days, one run after another, and passes only if every day passes.
 *
 * The days are the ones the county's calendar turns on: a month's 1st, the 6th
 * (village entry deadline), the 8th (county comparison), the last day of a month,
 * New Year's Eve a minute before midnight (the run crosses into the new year),
 * New Year's Day, and 29 February.
 *
 * `npm run test:dates -- 2027-03-06 2027-04-30` runs only the days given.
 */
import { spawnSync } from 'node:child_process';

const days = [
  { at: '2027-03-01', why: '1st of a month' },
  { at: '2027-03-06', why: 'village entry deadline' },
  { at: '2027-03-08', why: 'county comparison day' },
  { at: '2027-04-30', why: 'last day of a month' },
  { at: '2026-12-31T23:59:00+08:00', why: '31 Dec, crossing into 1 Jan' },
  { at: '2027-01-01', why: 'New Year’s Day' },
  { at: '2028-02-29', why: '29 February' },
];

/** Browser tests and the synthesised CDK templates do not read the calendar. */
const excluded = ['e2e/**', 'infra/stack.test.ts', 'infra/scale.test.ts', 'node_modules/**', 'cdk.out/**'];

const asked = process.argv.slice(2);
const chosen = asked.length ? asked.map((at) => ({ at, why: 'asked' })) : days;
const results: { at: string; why: string; ok: boolean; seconds: number }[] = [];
for (const day of chosen) {
  console.log(`\n== SHOUWANG_NOW=${day.at} (${day.why}) ==`);
  const t0 = Date.now();
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=dot', ...excluded.flatMap((e) => ['--exclude', e])],
    { stdio: 'inherit', env: { ...process.env, SHOUWANG_NOW: day.at } },
  );
  results.push({ ...day, ok: run.status === 0, seconds: Math.round((Date.now() - t0) / 1000) });
}
console.log('\n| day | why | result | seconds |\n| --- | --- | --- | --- |');
for (const r of results) console.log(`| ${r.at} | ${r.why} | ${r.ok ? 'pass' : 'FAIL'} | ${r.seconds} |`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
