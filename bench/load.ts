/**
 * `npm run test:load`: two minutes at concurrency 50 of mixed income submissions
 * against the local HTTP API (the real web server and cognito-local tokens), with
 * 10% deliberate retries of an earlier submission id. Passes when no answer is a
 * 5xx and, afterwards, every accepted submission is stored exactly once (counted
 * in the store: one record per household and month, one history entry per
 * accepted version, one marker per accepted submission id).
 *
 * The load generator is Node's fetch in a bounded loop (autocannon is not a
 * dependency); it reports the same figures: requests, throughput, latency
 * percentiles, statuses. Options: --seconds N (120), --concurrency N (50).
 */
import { now as clockNow } from '#functions/platform/clock.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { householdItem, orgUnitItem } from '#functions/store/directory.writer.ts';
import { tableName } from '#functions/store/table.ts';
import { ensureUsers } from '#local/cognito.ts';
import { freePortBase, portsFrom } from '#local/ports.ts';
import { generateCounty } from '#local/seed/generate.ts';
import { startStack } from '#local/stack.ts';
import { signIn } from '#local/testing.ts';
import { percentile } from './measure.ts';

const { values: opt } = parseArgs({
  options: { seconds: { type: 'string', default: '120' }, concurrency: { type: 'string', default: '50' } },
});
const SECONDS = Number(opt.seconds);
const CONCURRENCY = Number(opt.concurrency);
const config = demoCountyConfig;
const county = config.countyCode;
const period = shanghaiDate(clockNow()).slice(0, 7);

const ports = portsFrom(await freePortBase());
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-load-'));
console.log('starting the embedded stack and loading the county directory…');
const stack = await startStack({ ports, dataDir, seed: false, web: true });
let failed = false;
try {
  const data = generateCounty({ scale: 'county', seed: 1, config, lastPeriod: period, months: 1 });
  await batchPut(data.units.map((u) => orgUnitItem(county, u)));
  const monitored = data.households.filter((h) => h.category !== 'ordinary');
  await batchPut(
    monitored.map((h) => householdItem(county, h)),
    8,
  );
  await ensureUsers(stack.standins.cognito!, [
    {
      username: 'load-admin',
      name: '负载测试',
      email: 'load@test.invalid',
      role: 'county-admin',
      unitId: county,
      countyCode: county,
      password: 'Load#Pass2026',
    },
  ]);
  const token = await signIn(stack, 'load-admin', 'Load#Pass2026');

  /** What the store must hold afterwards: accepted submissions and the version each made. */
  const accepted = new Map<string, { householdId: string; version: number }>();
  const versions = new Map<string, number>(); // household → latest accepted version
  const sent: Record<string, unknown>[] = [];
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let nextHousehold = 0;
  let counter = 0;

  /** The mix: 10% retries of an earlier body, 45% first entries, 30% corrections, 10% stale, 5% invalid. */
  function nextBody(): Record<string, unknown> {
    const k = counter++ % 20;
    if (k < 2 && sent.length) return sent[Math.floor(Math.random() * sent.length)]!;
    const comps = {
      wage: 1500 + (counter % 1000),
      business: 200,
      property: 0,
      transfer: 100,
      businessCost: 50,
    };
    const known = [...versions.keys()];
    if (k < 11 || !known.length) {
      const h = monitored[nextHousehold++ % monitored.length]!;
      return {
        submissionId: randomUUID(),
        period,
        householdId: h.id,
        memberCount: h.memberCount,
        components: comps,
        fallCause: { kind: 'illness', note: '负载' },
        expectedVersion: 0,
      };
    }
    const id = known[Math.floor(Math.random() * known.length)]!;
    const h = monitored.find((x) => x.id === id)!;
    const v = versions.get(id)!;
    if (k < 17)
      return {
        submissionId: randomUUID(),
        period,
        householdId: id,
        memberCount: h.memberCount,
        components: comps,
        fallCause: { kind: 'illness' },
        expectedVersion: v,
      };
    if (k < 19)
      return {
        submissionId: randomUUID(),
        period,
        householdId: id,
        memberCount: h.memberCount,
        components: comps,
        fallCause: { kind: 'illness' },
        expectedVersion: Math.max(0, v - 1),
      };
    return {
      submissionId: randomUUID(),
      period,
      householdId: id,
      memberCount: 0,
      components: comps,
      expectedVersion: v,
    };
  }

  console.log(`load: ${SECONDS} s at concurrency ${CONCURRENCY} against ${stack.webUrl}/api/income…`);
  const end = Date.now() + SECONDS * 1000;
  const t0 = performance.now();
  const worker = async () => {
    while (Date.now() < end) {
      const body = nextBody();
      const s = performance.now();
      let status: number;
      try {
        const res = await fetch(`${stack.webUrl}/api/income`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        const json = (await res.json()) as { record?: { version: number; householdId: string } };
        if (status === 201 && json.record) {
          accepted.set(String(body.submissionId), {
            householdId: json.record.householdId,
            version: json.record.version,
          });
          versions.set(
            json.record.householdId,
            Math.max(versions.get(json.record.householdId) ?? 0, json.record.version),
          );
          if (sent.length < 5000) sent.push(body);
        }
      } catch {
        status = 0; // network error: counted apart
      }
      latencies.push(performance.now() - s);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const ticker = setInterval(() => console.log(`  ${latencies.length} requests…`), 15_000);
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  clearInterval(ticker);
  const ms = performance.now() - t0;
  const sorted = latencies.sort((a, b) => a - b);
  console.log(
    `requests ${sorted.length}, ${(sorted.length / (ms / 1000)).toFixed(0)} req/s; p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
  );
  console.log(
    `statuses: ${[...statuses]
      .sort()
      .map(([s, c]) => `${s || 'network-error'}×${c}`)
      .join(', ')}`,
  );

  // Count in the store.
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out: ScanCommandOutput = await dynamo().send(
      new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  const records = items.filter((i) => String(i.pk).includes(`#INC#${period}#`));
  const history = items.filter((i) => String(i.pk).includes('#HIST#') && String(i.sk).includes(period));
  const markers = items.filter((i) => String(i.pk).includes('#SUB#'));
  const problems: string[] = [];
  const fivexx = [...statuses].filter(([s]) => s >= 500 || s === 0).reduce((a, [, c]) => a + c, 0);
  if (fivexx) problems.push(`${fivexx} answers were 5xx or network errors`);
  const recordsPerHousehold = new Map<string, number>();
  for (const r of records)
    recordsPerHousehold.set(String(r.householdId), (recordsPerHousehold.get(String(r.householdId)) ?? 0) + 1);
  if ([...recordsPerHousehold.values()].some((c) => c !== 1))
    problems.push('a household has more than one record for the month');
  for (const [h, v] of versions) {
    const rec = records.find((r) => r.householdId === h);
    if (!rec || Number(rec.version) !== v)
      problems.push(`household ${h}: stored version ${String(rec?.version)} but version ${v} was accepted`);
  }
  const historyBySub = new Map<string, number>();
  for (const hi of history) {
    const sid = String((hi.change as { submissionId?: string } | undefined)?.submissionId);
    historyBySub.set(sid, (historyBySub.get(sid) ?? 0) + 1);
  }
  const markerIds = new Map<string, number>();
  for (const m of markers) {
    const sid = String(m.pk).split('#SUB#')[1]!;
    markerIds.set(sid, (markerIds.get(sid) ?? 0) + 1);
  }
  let missing = 0;
  for (const sid of accepted.keys()) {
    if (historyBySub.get(sid) !== 1 || markerIds.get(sid) !== 1) missing++;
  }
  if (missing)
    problems.push(`${missing} accepted submissions not stored exactly once (history entry and marker)`);
  if (history.length !== accepted.size)
    problems.push(`history entries ${history.length} ≠ accepted submissions ${accepted.size}`);
  console.log(
    `accepted submissions ${accepted.size}; stored: ${records.length} records, ${history.length} history entries, ${markers.length} markers`,
  );
  if (problems.length) {
    failed = true;
    console.error(`FAIL:\n  ${problems.slice(0, 20).join('\n  ')}`);
  } else console.log('PASS: zero 5xx; every accepted submission stored exactly once');
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
