/**
 * The deployed artefact, run: handlers bundled with the CDK app's own options
 * (SDK bundled, shims in place) are imported in a fresh Node process, as Lambda
 * would, and answer API Gateway events against the embedded stack.
 */
import { now } from '#functions/platform/clock.ts';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingPeriodAt } from '#domain/shared/period.ts';
import { handlerEntry, handlerName, routes } from '#domain/system/routes.ts';
import { toApiEvent } from '#local/api-gateway.ts';
import type { Stack } from '#local/stack.ts';
import { repoRoot } from '#local/stack.ts';
import { loadFixture, signIn, startTestStack } from '#local/testing.ts';
import { lambdaBuildOptions } from './constructs/bundles.ts';

const run = promisify(execFile);
let stack: Stack;
let dir: string;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo', 'cognito'] });
  await loadFixture(stack);
  token = await signIn(stack, 'v-t01v001');
  dir = mkdtempSync(join(tmpdir(), 'shouwang-bundle-run-'));
}, 60_000);
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await stack?.stop();
});

/** Bundles a handler, then invokes it once in a fresh process (asynchronously: this process serves the store). */
async function invokeBundled(handler: string, method: string, path: string, body?: unknown) {
  const route = routes.find((r) => r.handler === handler)!;
  const outfile = join(dir, `${handlerName(handler)}.mjs`);
  await build({
    ...lambdaBuildOptions,
    absWorkingDir: repoRoot,
    entryPoints: [join(repoRoot, handlerEntry(handler))],
    outfile,
    logLevel: 'error',
  });
  const event = toApiEvent({
    route,
    params: {},
    url: new URL(path, 'http://local'),
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
  });
  const eventFile = join(dir, `${handlerName(handler)}.event.json`);
  writeFileSync(eventFile, JSON.stringify(event));
  const script = `
    import { readFileSync } from 'node:fs';
    const { handler } = await import(${JSON.stringify(outfile)});
    const out = await handler(JSON.parse(readFileSync(${JSON.stringify(eventFile)}, 'utf8')), { awsRequestId: 'r', functionName: ${JSON.stringify(handler)}, getRemainingTimeInMillis: () => 29000 });
    console.log(JSON.stringify(out));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: dir,
    env: process.env,
    timeout: 60_000,
  });
  const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { statusCode: number; body: string };
  return { status: out.statusCode, json: JSON.parse(out.body) as Record<string, unknown> };
}

describe('bundled handlers', () => {
  it('answers who is signed in, from the store, with the bundled SDK and environment credentials', async () => {
    const res = await invokeBundled('session/me', 'GET', '/api/me');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('张信息员');
  }, 60_000);

  it('stores an income entry and refuses a bad one in Chinese', async () => {
    const entry = {
      submissionId: randomUUID(),
      period: reportingPeriodAt(now()),
      householdId: 'H0000002',
      memberCount: 2,
      components: { wage: 900, business: 0, property: 0, transfer: 100, businessCost: 0 },
      expectedVersion: 0,
    };
    const ok = await invokeBundled('income/submit', 'POST', '/api/income', entry);
    expect(ok.status).toBe(201);
    const bad = await invokeBundled('income/submit', 'POST', '/api/income', {
      ...entry,
      submissionId: randomUUID(),
      memberCount: -1,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toMatch(/[\u4e00-\u9fff]/);
  }, 60_000);
});
