/**
 * `npm run bench`: county-scale figures, each beside the floor it is compared to,
 * measured in the same run, with pass/fail against the budgets of issue 10.
 * Not part of `npm test`. Prints progress, then one table; writes the table and the
 * machine to bench/RESULTS.md (section `## Benchmark`).
 *
 * Options: --submissions N (default 20000), --concurrency N (32), --no-build (use
 * forms/dist as it is), --skip-calendar, --static-only (bundles and pages only).
 */
import { now as clockNow } from '#functions/platform/clock.ts';
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { lambdaBuildOptions, lambdaNodeOptions } from '#infra/constructs/bundles.ts';
import { measurePages, PAGE_JS_BUDGET } from './pages.ts';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import { addMonths, periodLabel, shanghaiDate } from '#domain/shared/period.ts';
import { handlerEntry, jobHandler, routes } from '#domain/system/routes.ts';
import type { IncomeRecord } from '#domain/income/income.schema.ts';
import { netIncome, perCapitaNet } from '#domain/income/income.calc.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { householdItem, orgUnitItem, staffItem } from '#functions/store/directory.writer.ts';
import { incomeItem, incomeRepository } from '#functions/store/income.repository.ts';
import { ensureUsers } from '#local/cognito.ts';
import { generateCounty } from '#local/seed/generate.ts';
import { freePortBase, portsFrom } from '#local/ports.ts';
import { setLocalEnv } from '#local/standins.ts';
import { repoRoot, startStack } from '#local/stack.ts';
import { signIn } from '#local/testing.ts';
import { runConcurrent, summarise, type LatencySummary } from './measure.ts';

const { values: opt } = parseArgs({
  options: {
    submissions: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '32' },
    'no-build': { type: 'boolean', default: false },
    'skip-calendar': { type: 'boolean', default: false },
    /** Only the figures that need no stack: bundles (4) and forms pages (5). */
    'static-only': { type: 'boolean', default: false },
  },
});
const execFileAsync = promisify(execFile);
const SUBMISSIONS = Number(opt.submissions);
const CONCURRENCY = Number(opt.concurrency);
/** V8 old-space cap for the report job and its floor (see (2)). */
const REPORT_HEAP_MB = 400;
const started = Date.now();
const progress = (m: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
const config = demoCountyConfig;
const county = config.countyCode;
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

interface Row {
  item: string;
  figure: string;
  floor: string;
  ratio: string;
  budget: string;
  pass: boolean | null;
  limit: string;
}
const rows: Row[] = [];
/** Each figure is printed the moment it is measured, so a run cut short still shows what it got. */
const record = (r: Row) => {
  rows.push(r);
  progress(
    `RESULT ${r.item}: ${r.figure} | floor ${r.floor} | ratio ${r.ratio} | ${r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL'}`,
  );
};

// ---------------------------------------------------------------------------
// The stack and the county
/**
 * Runs a bench script in a child Node process, asynchronously (this process serves
 * dynalite to it), forwarding its indented progress lines; resolves with the JSON
 * of its last stdout line.
 */
function childJson<T>(script: string, args: readonly string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    c.stdout.on('data', (b: Buffer) => (out += b.toString()));
    c.stderr.on('data', (b: Buffer) => {
      const text = b.toString();
      err = (err + text).slice(-4000);
      for (const line of text.split('\n')) if (line.startsWith('  ')) progress(line.trimEnd());
    });
    c.on('error', reject);
    c.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T)
        : reject(new Error(`${path.basename(script)} exited with ${code}: ${err}`)),
    );
  });
}

if (!opt['static-only']) {
  const ports = portsFrom(await freePortBase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-bench-'));
  progress(`starting the embedded stack (dynalite on disk in ${dataDir}, s3rver, SES, cognito-local, web)`);
  const stack = await startStack({ ports, dataDir, seed: false, web: true });
  try {
    const now = clockNow();
    const open = shanghaiDate(now).slice(0, 7); // the month whose entry window is open
    const analysed = addMonths(open, -1); // the month the county analysis covers
    progress('generating the county (scale county)…');
    const data = generateCounty({ scale: 'county', seed: 1, config, lastPeriod: analysed, months: 2 });
    const t0 = Date.now();
    await batchPut(data.units.map((u) => orgUnitItem(county, u)));
    await batchPut(
      data.staff.map((s) => staffItem(county, s)),
      8,
    );
    progress(
      `loaded ${data.units.length} units and ${data.staff.length} staff; loading ${data.households.length} households…`,
    );
    await batchPut(
      data.households.map((h) => householdItem(county, h)),
      8,
    );
    let incomeCount = 0;
    let batch: Record<string, unknown>[] = [];
    for (const r of data.incomeRecords()) {
      batch.push(incomeItem(r));
      if (batch.length >= 10_000) {
        await batchPut(batch, 8);
        incomeCount += batch.length;
        batch = [];
        progress(`  income records ${incomeCount}…`);
      }
    }
    await batchPut(batch, 8);
    incomeCount += batch.length;
    const loadSeconds = (Date.now() - t0) / 1000;
    progress(
      `county loaded in ${loadSeconds.toFixed(0)} s: ${data.households.length} households, ${incomeCount} income records (${periodLabel(addMonths(analysed, -1))}–${periodLabel(analysed)})`,
    );

    // -------------------------------------------------------------------------
    // (1) Submissions: HTTP API vs the same DynamoDB calls made directly
    await ensureUsers(stack.standins.cognito!, [
      {
        username: 'bench-admin',
        name: '压测管理员',
        email: 'bench@test.invalid',
        role: 'county-admin',
        unitId: county,
        countyCode: county,
        password: 'Bench#Pass2026',
      },
    ]);
    const token = await signIn(stack, 'bench-admin', 'Bench#Pass2026');
    const monitored = data.households.filter((h) => h.category !== 'ordinary');
    const n = Math.min(SUBMISSIONS, monitored.length);
    const entryFor = (i: number, period: string) => {
      const h = monitored[i]!;
      const components = {
        wage: 1800 + (i % 900),
        business: 300,
        property: 0,
        transfer: 150,
        businessCost: 80,
      };
      return {
        submissionId: randomUUID(),
        period,
        householdId: h.id,
        memberCount: h.memberCount,
        components,
        // A cause is always given, so a generated fall never turns a submission into a 400.
        fallCause: { kind: 'illness' as const, note: '压测' },
        expectedVersion: 0,
      };
    };
    progress(`(1) ${n} submissions through ${stack.webUrl}/api/income at concurrency ${CONCURRENCY}…`);
    const bodiesFile = path.join(dataDir, 'bodies.json');
    fs.writeFileSync(
      bodiesFile,
      JSON.stringify({ token, bodies: Array.from({ length: n }, (_, i) => entryFor(i, open)) }),
    );
    const http = await childJson<{ summary: LatencySummary; statuses: Record<string, number> }>(
      path.join(repoRoot, 'bench', 'http-child.ts'),
      [`${stack.webUrl}/api/income`, bodiesFile, String(CONCURRENCY)],
    );
    const statuses = new Map(Object.entries(http.statuses).map(([k, v]) => [Number(k), v]));
    progress(`  statuses: ${[...statuses].map(([s, c]) => `${s}×${c}`).join(', ')}`);
    // The floor: the handler's own repository calls (marker, household, entry windows,
    // previous month, conditional put, history, marker), same households, the next month.
    const floorPeriod = addMonths(open, 1);
    progress(`(1) floor: the same DynamoDB calls directly, ${n} × at concurrency ${CONCURRENCY}…`);
    const floorRun = await runConcurrent(
      n,
      CONCURRENCY,
      async (i) => {
        const e = entryFor(i, floorPeriod);
        await incomeRepository.findSubmission(county, e.submissionId);
        const h = (await incomeRepository.getHousehold(county, e.householdId))!;
        await incomeRepository.listEntryWindows(county, e.period);
        await incomeRepository.getRecord(county, addMonths(e.period, -1), h);
        const at = clockNow().toISOString();
        const record: IncomeRecord = {
          period: e.period,
          householdId: h.id,
          memberCount: e.memberCount,
          components: e.components,
          fallCause: e.fallCause,
          countyCode: county,
          villageId: h.villageId,
          townId: h.townId,
          netIncome: netIncome(e.components),
          perCapitaNet: perCapitaNet(e.components, e.memberCount),
          status: 'entered',
          version: 1,
          lastSubmissionId: e.submissionId,
          updatedBy: 'bench',
          updatedAt: at,
          enteredAt: at,
          sourceForm: 'bench',
        };
        await incomeRepository.saveRecord(record, 0, {
          submissionId: e.submissionId,
          actorId: 'bench',
          actorName: 'bench',
          at,
          form: 'bench',
          action: 'create',
          changes: [],
        } as Parameters<typeof incomeRepository.saveRecord>[2]);
      },
      (done) => progress(`  ${done}/${n}`),
    );
    const h = http.summary;
    const f = summarise(floorRun);
    const ratio1 = f.throughput / h.throughput;
    const lat = (s: LatencySummary) =>
      `p50 ${s.p50.toFixed(1)} / p95 ${s.p95.toFixed(1)} / p99 ${s.p99.toFixed(1)} ms`;
    record({
      item: `(1) ${n} income submissions, HTTP API, c=${CONCURRENCY}`,
      figure: `${h.throughput.toFixed(0)} req/s; ${lat(h)}; ${[...statuses].map(([s, c]) => `${s}×${c}`).join(' ')}`,
      floor: `${f.throughput.toFixed(0)} req/s; ${lat(f)}`,
      ratio: `${ratio1.toFixed(2)} (floor/handler throughput); p50 ${(h.p50 / f.p50).toFixed(2)}`,
      budget: '≤ 1.5',
      pass: ratio1 <= 1.5 && (statuses.get(201) ?? 0) === n,
      limit:
        'one Node process holds dynalite, the web server and the handlers; the AWS SDK marshalling and dynalite are most of both figures, the handler adds HTTP parsing, JWT verification (RS256), middy and zod on the same core as the store',
    });

    // -------------------------------------------------------------------------
    // (2) The county monthly income analysis, in a child process (its own RSS)
    // Asynchronous on purpose: this process serves dynalite, which the child reads from.
    // V8 is sized as in a memory-bound function: on this 24 GB machine it would otherwise
    // pick 64 MB semi-spaces and a 4 GB old space, let garbage pile up, and the RSS would
    // say more about its heuristics than about what the job needs. A job that needed more
    // than the cap would fail here, not pass.
    const child = async (mode: 'read' | 'job') => {
      const { stdout: out } = await execFileAsync(
        process.execPath,
        [
          `--max-old-space-size=${REPORT_HEAP_MB}`,
          // What Node picks in a container of 2 GB or less; on this 24 GB host it picks 64 MB.
          '--max-semi-space-size=8',
          '--import',
          'tsx',
          path.join(repoRoot, 'bench', 'analysis-child.ts'),
          mode,
          analysed,
        ],
        {
          cwd: repoRoot,
          env: process.env,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          timeout: 15 * 60_000,
        },
      );
      return JSON.parse(String(out).trim().split('\n').at(-1)!) as {
        ms: number;
        peakRss: number;
        rows?: number;
        reports?: number;
        pages?: number;
        pdfBytes?: number;
        emails?: number;
      };
    };
    progress(`(2) floor: the job's reads for ${periodLabel(analysed)}, village by village (child process)…`);
    const read = await child('read');
    progress(
      `(2) county monthly income analysis for ${periodLabel(analysed)}: county + every town (child process, heap ≤ ${REPORT_HEAP_MB} MB)…`,
    );
    try {
      const job = await child('job');
      const ratio2 = job.ms / read.ms;
      record({
        item: `(2) monthly income analysis, county + ${(job.reports ?? 1) - 1} towns`,
        figure: `${(job.ms / 1000).toFixed(1)} s; peak RSS ${mb(job.peakRss)} (old space ≤ ${REPORT_HEAP_MB} MB, 8 MB semi-spaces); ${job.reports} PDFs, ${job.pages} pages, ${mb(job.pdfBytes ?? 0)}; ${job.emails} emails`,
        floor: `${(read.ms / 1000).toFixed(1)} s for the same reads (${read.rows} rows); RSS ${mb(read.peakRss)}`,
        ratio: ratio2.toFixed(2),
        budget: '≤ 1.5 and RSS ≤ 512 MB',
        pass: ratio2 <= 1.5 && job.peakRss <= 512 * 1048576,
        limit: 'pdfkit layout and font subsetting (CPU, one core); the floor is dynalite query speed',
      });
    } catch (e) {
      record({
        item: '(2) monthly income analysis, county + every town',
        figure: `failed with the heap capped at ${REPORT_HEAP_MB} MB: ${String(e).slice(0, 200)}`,
        floor: `${(read.ms / 1000).toFixed(1)} s for the same reads (${read.rows} rows)`,
        ratio: '—',
        budget: '≤ 1.5 and RSS ≤ 512 MB',
        pass: false,
        limit: 'memory: the job did not complete within the cap',
      });
    }

    // -------------------------------------------------------------------------
    // (3) A whole month of the calendar on a fake clock
    if (!opt['skip-calendar']) {
      const [y, m] = open.split('-').map(Number) as [number, number];
      // The calendar month of `analysed` (the month before `open`), in Asia/Shanghai.
      const monthStart = new Date(Date.UTC(y, m - 2, 1) - 8 * 3600_000);
      const monthEnd = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600_000);
      progress(
        `(3) the calendar of ${shanghaiDate(monthStart).slice(0, 7)} on a fake clock (child process)…`,
      );
      const cal = await childJson<{
        firings: number;
        ms: number;
        peakRss: number;
        sent: number;
        failed: number;
        ran: Record<string, { count: number; ms: number }>;
        notImplemented: Record<string, number>;
      }>(path.join(repoRoot, 'bench', 'calendar-child.ts'), [
        monthStart.toISOString(),
        monthEnd.toISOString(),
      ]);
      const heaviest = Object.entries(cal.ran)
        .sort(([, a], [, b]) => b.ms - a.ms)
        .slice(0, 4)
        .map(([id, r]) => `${id} ${r.count}× ${(r.ms / 1000).toFixed(0)} s`)
        .join(', ');
      record({
        item: `(3) a month of the calendar (${cal.firings} firings)`,
        figure: `${(cal.ms / 1000).toFixed(1)} s; ${cal.sent} emails sent, ${cal.failed} failed; peak RSS ${mb(cal.peakRss)}`,
        floor: '—',
        ratio: '—',
        budget: '—',
        pass: null,
        limit: `heaviest: ${heaviest}${
          Object.keys(cal.notImplemented).length
            ? `; JOB.NOT_IMPLEMENTED: ${Object.entries(cal.notImplemented)
                .map(([k, c]) => `${k}×${c}`)
                .join(', ')}`
            : ''
        }`,
      });
    }
  } finally {
    progress('stopping the stack…');
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// (4) Lambda bundles: bytes and import time in a fresh Node process, with the Node
// options the functions run with (reading the source map is part of a cold start)
const outDir = path.join(repoRoot, '.tmp', 'bench-bundles');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const httpEntries = [...new Set(routes.map((r) => r.handler))].sort();
const entries = [...httpEntries, jobHandler];
/** Budgets of an HTTP function's bundle (issue 16); the job function is not held to them. */
const HTTP_BUNDLE_KB = 250;
const HTTP_IMPORT_MS = 80;
progress(`(4) bundling ${entries.length} Lambda entries with the CDK app's esbuild options…`);
// The variables Lambda's configuration gives every function (module scope reads them).
setLocalEnv(portsFrom(), config);
for (const [k, v] of Object.entries({
  USER_POOL_ID: 'local_pool',
  USER_POOL_CLIENT_ID: 'local-client',
  JWT_ISSUER: 'http://127.0.0.1:4404/local_pool',
  JWKS_URI: 'http://127.0.0.1:4404/local_pool/.well-known/jwks.json',
}))
  process.env[k] ??= v;
const importEnv = { ...process.env, NODE_OPTIONS: lambdaNodeOptions };
const importMs = (file: string): number => {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: importEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(`import of ${file} failed: ${r.stderr}`);
    times.push(Number(r.stdout.trim()));
  }
  return times.sort((a, b) => a - b)[2]!;
};
/** Bundles `entry` exactly as the CDK app deploys it (one definition of the options); bytes of the `.mjs`. */
const bundleOf = async (entry: string, name: string) => {
  const outfile = path.join(outDir, `${name}.mjs`);
  await build({
    ...lambdaBuildOptions,
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outfile,
    logLevel: 'error',
  });
  return { outfile, bytes: fs.statSync(outfile).size };
};
// Floors, measured the same way: nothing; the AWS SDK's DynamoDB document client alone;
// and an HTTP route that does nothing (the middleware chain, JWT check, SDK and zod every
// API function loads before its own code).
const floorSources: Record<string, string> = {
  'floor-sdk':
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" +
    "import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';\n" +
    'export const parts = [DynamoDBClient, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand];\n',
  'floor-route':
    "import { httpRoute } from '#functions/platform/http.ts';\n" +
    "import { dynamo } from '#functions/platform/clients.ts';\n" +
    "export const handler = httpRoute('me', undefined, async () => ({ status: 200, body: { client: typeof dynamo } }));\n",
};
const floors: Record<string, { bytes: number; ms: number }> = {};
fs.writeFileSync(path.join(outDir, 'floor-empty.mjs'), 'export {};\n');
floors['floor-empty'] = { bytes: 0, ms: importMs(path.join(outDir, 'floor-empty.mjs')) };
for (const [name, source] of Object.entries(floorSources)) {
  const src = path.join(outDir, `${name}.src.ts`);
  fs.writeFileSync(src, source);
  const { outfile, bytes } = await bundleOf(src, name);
  floors[name] = { bytes, ms: importMs(outfile) };
}
const measured: { entry: string; bytes: number; ms: number }[] = [];
for (const e of entries) {
  const entry = path.join(repoRoot, handlerEntry(e));
  if (!fs.existsSync(entry)) throw new Error(`(4) ${e}: no entry file ${handlerEntry(e)}`);
  const { outfile, bytes } = await bundleOf(entry, e.replace('/', '-'));
  measured.push({ entry: e, bytes, ms: importMs(outfile) });
}
const kbOf = (b: number) => (b / 1024).toFixed(1);
const withinHttp = (m: { bytes: number; ms: number }) =>
  m.bytes <= HTTP_BUNDLE_KB * 1024 && m.ms <= HTTP_IMPORT_MS;
const http = measured.filter((m) => m.entry !== jobHandler);
const job = measured.find((m) => m.entry === jobHandler)!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const largest = http.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const slowest = http.reduce((a, b) => (b.ms > a.ms ? b : a));
const overSize = http.filter((m) => m.bytes > HTTP_BUNDLE_KB * 1024).length;
const overTime = http.filter((m) => m.ms > HTTP_IMPORT_MS).length;
const bundleLines = http.map(
  (m) =>
    `| ${m.entry} | ${kbOf(m.bytes)} KB | ${m.ms.toFixed(0)} ms | ${withinHttp(m) ? 'pass' : `FAIL (${[m.bytes > HTTP_BUNDLE_KB * 1024 ? 'size' : '', m.ms > HTTP_IMPORT_MS ? 'import' : ''].filter(Boolean).join(', ')})`} |`,
);
const floorLine =
  `empty module ${floors['floor-empty']!.ms.toFixed(1)} ms; ` +
  `DynamoDB document client alone ${kbOf(floors['floor-sdk']!.bytes)} KB, ${floors['floor-sdk']!.ms.toFixed(0)} ms; ` +
  `a do-nothing API route ${kbOf(floors['floor-route']!.bytes)} KB, ${floors['floor-route']!.ms.toFixed(0)} ms`;
const fontBytes = (await import('#reports/pdf/fonts.ts')).fontFilePaths();
const fontLines = Object.entries(fontBytes).map(([face, p]) => `${face} ${mb(fs.statSync(p).size)}`);
record({
  item: `(4) ${http.length} API function bundles`,
  figure:
    `median ${kbOf(median(http.map((m) => m.bytes)))} KB, median import ${median(http.map((m) => m.ms)).toFixed(0)} ms; ` +
    `largest ${largest.entry} ${kbOf(largest.bytes)} KB, slowest ${slowest.entry} ${slowest.ms.toFixed(0)} ms`,
  floor: floorLine,
  ratio: '—',
  budget: `≤ ${HTTP_BUNDLE_KB} KB and ≤ ${HTTP_IMPORT_MS} ms each`,
  pass: http.every(withinHttp),
  limit: `${overSize} over ${HTTP_BUNDLE_KB} KB, ${overTime} over ${HTTP_IMPORT_MS} ms; imports with NODE_OPTIONS=${lambdaNodeOptions} as deployed`,
});
record({
  item: '(4) the job function bundle',
  figure: `${jobHandler} ${kbOf(job.bytes)} KB, import ${job.ms.toFixed(0)} ms`,
  floor: `empty module ${floors['floor-empty']!.ms.toFixed(1)} ms`,
  ratio: '—',
  budget: '— (the PDF engine lives here alone)',
  pass: null,
  limit: `fonts read from disk at run time, not bundled: ${fontLines.join(', ')}`,
});

// ---------------------------------------------------------------------------
// (5) Forms pages: gzipped JavaScript each page loads
if (!opt['no-build']) {
  progress('(5) building the forms (astro build --root forms)…');
  execFileSync(
    path.join(repoRoot, 'node_modules', '.bin', 'astro'),
    ['build', '--root', 'forms', '--silent'],
    { cwd: repoRoot, stdio: 'inherit', timeout: 10 * 60_000 },
  );
}
const sizes = measurePages(path.join(repoRoot, 'forms', 'dist'));
const worstPage = Math.max(...sizes.map((s) => s.bytes));
const pageLines = sizes.map(
  (s) => `| ${s.page} | ${kb(s.bytes)} | ${s.files} | ${s.bytes <= PAGE_JS_BUDGET ? 'pass' : 'FAIL'} |`,
);
record({
  item: `(5) ${sizes.length} forms pages (heaviest)`,
  figure: `${kb(worstPage)} gzipped JS`,
  floor: '—',
  ratio: '—',
  budget: `≤ ${PAGE_JS_BUDGET / 1024} KB each`,
  pass: worstPage <= PAGE_JS_BUDGET,
  limit:
    'Preact with its compat layer (~10 KB) and zod mini are shared by every page with an island; react-hook-form on the form pages',
});

// ---------------------------------------------------------------------------
// The table
const cpu = os.cpus()[0]?.model ?? 'unknown';
const machine = `${os.cpus().length} cores (nproc ${os.availableParallelism()}), ${mb(os.totalmem())} memory, ${cpu}, ${os.type()} ${os.release()}, Node ${process.version}`;
const total = ((Date.now() - started) / 1000).toFixed(0);
const table = [
  '| measure | figure | floor (same run) | ratio | budget | result | what limits it |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.item} | ${r.figure} | ${r.floor} | ${r.ratio} | ${r.budget} | ${r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL'} | ${r.limit} |`,
  ),
].join('\n');
const md = [
  '## Benchmark',
  '',
  `\`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${machine}; whole run ${total} s.`,
  '',
  table,
  '',
  'How it is measured, and what limits it:',
  '',
  "- Data: the county-scale generator (`generateCounty({ scale: 'county' })`: 18 towns, 240 villages, 108,000 households, ~3,000 staff) loaded into dynalite on disk with the seed loader's `batchPut`; income for the two months the analysis reads (48,000 households × 2) rather than the seed's 12, because dynalite writes about 1,000 items/s on this machine (households with their index) and the other ten months are read by nothing measured here. The load time is printed in the progress lines.",
  "- (1) The handler figure goes through the real HTTP server (`startStack({ web: true })`), the API Gateway stand-in, middy, JWT verification against cognito-local's keys and zod, to the store; the requests come from a load generator in a child process (`bench/http-child.ts`), so making them costs the server nothing. The floor makes the same repository calls the handler makes (submission marker, household, entry-window reopenings, previous month, conditional put, history, marker) from the same process at the same concurrency, on the same households for the following month. Both share one Node process with dynalite, so the ratio is the cost of the HTTP and Lambda plumbing on a CPU that is also serving the store; in AWS, DynamoDB is not on the function's CPU.",
  "- (2) Runs in a child process so its peak RSS (sampled every 25 ms and `resourceUsage().maxRSS`) is the job's alone, with V8 sized as in a memory-bound function: old space capped at `REPORT_HEAP_MB`, 8 MB semi-spaces as Node picks in a container of 2 GB or less (left to itself on this 24 GB host V8 picks 64 MB semi-spaces and collects lazily, and the RSS reflects that rather than the job's need; a job needing more than the cap would fail instead); the floor makes the job's own reads (org units; per village its households, the month, the month before, the same month last year and the other trend months, 8 villages at a time) in another child process, without analysing or rendering.",
  "- (3) Every firing of `domain/system/schedules.ts` in one calendar month (Asia/Shanghai), through `runJob` in a child process (`bench/calendar-child.ts`), clock faked by passing each firing's time as `now`; all recipients of the seeded directory; the four schedules that took longest are named.",
  '- (4) esbuild with the very options the CDK app bundles with (`lambdaBuildOptions` in `infra/constructs/bundles.ts`: ESM, minified, node24, the AWS SDK bundled, the shims of `infra/shims/`); bytes of the bundle without its source map; import time is the median of 5 fresh `node` processes timing `await import(bundle)` with the Node options the functions are deployed with (`lambdaNodeOptions`: source maps on, so the map is read as in Lambda). API functions are held to 250 KB and 80 ms each, the job function (PDF engine, mail composer) to none. Floors, measured the same way: an empty module, the DynamoDB document client alone, and an API route that does nothing (the middleware chain with JWT verification, the SDK and zod every API function loads before its own code).',
  '- (5) For each page of `forms/dist`: every script it loads (script tags, island component and renderer URLs, and what those import, statically or dynamically), gzip level 9, plus inline scripts.',
  '',
  '### Lambda bundles',
  '',
  `API functions, each against ${HTTP_BUNDLE_KB} KB and ${HTTP_IMPORT_MS} ms. Floors: ${floorLine}.`,
  '',
  '| entry | bytes (minified) | import (fresh process, median of 5) | budget |',
  '| --- | --- | --- | --- |',
  ...bundleLines,
  '',
  'The job function, not held to those budgets:',
  '',
  '| entry | bytes (minified) | import (fresh process, median of 5) |',
  '| --- | --- | --- |',
  `| ${jobHandler} | ${kbOf(job.bytes)} KB | ${job.ms.toFixed(0)} ms |`,
  '',
  '### Forms pages (gzipped JavaScript)',
  '',
  '| page | JS gzipped | files | budget |',
  '| --- | --- | --- | --- |',
  ...pageLines,
  '',
].join('\n');
console.log(`\n${md}`);
// Formatted as `npm run lint` expects, so the results can be committed as they are.
const prettier = await import('prettier');
fs.writeFileSync(
  path.join(repoRoot, 'bench', 'RESULTS.md'),
  await prettier.format(md, { parser: 'markdown' }),
);
progress('written to bench/RESULTS.md');
process.exit(0);
