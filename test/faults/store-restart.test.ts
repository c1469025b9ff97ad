/**
 * The store restarted in the middle of a bulk import: dynalite on a data folder is
 * stopped and started again on the same port while the seed loader's `batchPut`
 * writes households chunk by chunk. Every chunk acknowledged before the restart
 * must still be there afterwards; the import reports the failure (or rides over
 * it with the SDK's retries); re-running it completes the work with every item
 * stored exactly once.
 *
 * The embedded stack has no stop/start for its DynamoDB stand-in, so this test runs
 * its own dynalite (the same package, on disk) and points the SDK at it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import type { Household } from '#domain/org/org.schema.ts';
import { dynamo } from '#functions/platform/clients.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { householdItem } from '#functions/store/directory.writer.ts';
import { tableName } from '#functions/store/table.ts';
import { freePortBase, portsFrom } from '#local/ports.ts';
import { ensureTable, setLocalEnv } from '#local/standins.ts';

const county = demoCountyConfig.countyCode;
let dir: string;
let port: number;
let server: Server | undefined;

async function startDb(): Promise<void> {
  const s = dynalite({ path: dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
  await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', () => resolve()));
  server = s;
}
async function stopDb(): Promise<void> {
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
}

async function allKeys(): Promise<string[]> {
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await dynamo().send(
      new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start, ProjectionExpression: 'pk' }),
    );
    for (const i of page.Items ?? []) out.push(String(i.pk));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-restart-'));
  const ports = portsFrom(await freePortBase());
  port = ports.dynamo;
  setLocalEnv(ports, demoCountyConfig);
  await startDb();
  await ensureTable(`http://127.0.0.1:${port}`);
}, 60_000);
afterAll(async () => {
  await stopDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the store restarted during a bulk import', () => {
  it('keeps what was acknowledged, reports the failure, and a re-run completes the import exactly once', async () => {
    const households: Household[] = Array.from({ length: 6000 }, (_, i) => ({
      id: `H${String(i + 1).padStart(7, '0')}`,
      villageId: `T${String((i % 18) + 1).padStart(2, '0')}V001`,
      townId: `T${String((i % 18) + 1).padStart(2, '0')}`,
      headName: '测试户主',
      category: 'alleviated',
      memberCount: 3,
    }));
    const items = households.map((h) => householdItem(county, h));
    const chunks: (typeof items)[] = [];
    for (let i = 0; i < items.length; i += 500) chunks.push(items.slice(i, i + 500));

    // The import, chunk by chunk, noting which chunks the store acknowledged.
    const acknowledged: number[] = [];
    const importing = (async () => {
      for (let c = 0; c < chunks.length; c++) {
        await batchPut(chunks[c]!, 4);
        acknowledged.push(c);
      }
    })();
    const outcome = importing.then(
      () => 'completed' as const,
      (e: unknown) => e as Error,
    );
    // Restart once a few chunks are in: stop, stay down a while, start on the same folder.
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(acknowledged.length).toBeGreaterThanOrEqual(3);
    const ackBeforeStop = [...acknowledged];
    await stopDb();
    await new Promise((r) => setTimeout(r, 1500));
    await startDb();

    const result = await outcome;
    if (result !== 'completed') {
      // A failure the operator can act on, not a silent partial import.
      expect(result.message).toMatch(/\S/);
    }
    const present = new Set(await allKeys());
    for (const c of ackBeforeStop) for (const it of chunks[c]!) expect(present.has(String(it.pk))).toBe(true);

    // The re-run: puts of deterministic items, so nothing can be stored twice.
    await batchPut(items, 4);
    const keys = await allKeys();
    expect(keys).toHaveLength(items.length);
    expect(new Set(keys).size).toBe(items.length);
  }, 120_000);
});
