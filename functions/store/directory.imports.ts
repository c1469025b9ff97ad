/**
 * Storage of an import: the uploaded file in chunks, the checked rows in batches,
 * and the writes of those rows into the directory. Each row is written with a
 * submission id made from the import and the row, so a retried batch stores
 * nothing twice; rows equal to what is stored are not written at all, so a
 * re-import of the same file changes nothing.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mergeHousehold, sameJson, type CheckedRow, type ImportKind } from '#domain/directory/import.ts';
import type { Person } from '#domain/org/org.schema.ts';
import type { Staff } from '#domain/org/staff.schema.ts';
import type { RecordChange } from '#domain/records/record.ts';
import { diff } from '#domain/records/record.commands.ts';
import { NotFoundError, ValidationError } from '#domain/shared/errors.ts';
import { dynamo } from '../platform/clients.ts';
import { batchGet, toFullHousehold, toPerson, toStaff, versionOf } from './directory.repository.ts';
import { bumpDirectoryVersion } from './directory.version.ts';
import { bookkeeping, putVersioned, type HistoryTag } from './directory.versioned.ts';
import { householdItem, informationOfficerItem, personItem, staffItem } from './directory.writer.ts';
import { keys } from './keys.ts';
import { queryAll } from './dynamo.ts';
import { tableName } from './table.ts';

type Item = Record<string, unknown>;

/** Checked rows per stored batch (and per commit call): small enough for one item and one invocation. */
export const rowsPerBatch = 500;

export interface ImportMeta {
  importId: string;
  kind: ImportKind;
  filename: string;
  size: number;
  total: number;
  createdBy: string;
  createdAt: string;
  /** Set by the preview. */
  checked?: {
    at: string;
    rows: number;
    validRows: number;
    invalidRows: number;
    fatal: boolean;
    batches: number;
    encoding: string;
  };
}

export async function getImportMeta(county: string, importId: string): Promise<ImportMeta | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: keys.importMeta(county, importId), ConsistentRead: true }),
  );
  return out.Item ? (out.Item.meta as ImportMeta) : undefined;
}

async function putMeta(county: string, meta: ImportMeta): Promise<void> {
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.importMeta(county, meta.importId), meta } }),
  );
}

/** Stores one chunk; the first chunk also creates the import's metadata. */
export async function saveChunk(
  county: string,
  meta: Omit<ImportMeta, 'checked'>,
  index: number,
  data: string,
): Promise<void> {
  const existing = await getImportMeta(county, meta.importId);
  if (
    existing &&
    (existing.kind !== meta.kind || existing.size !== meta.size || existing.total !== meta.total)
  ) {
    throw new ValidationError(
      [],
      'IMPORT.CHUNK_MISMATCH',
      '上传的文件分片与此前的不一致，请重新选择文件上传',
    );
  }
  if (!existing) await putMeta(county, meta);
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.importChunk(county, meta.importId, index), data },
    }),
  );
}

/** The whole uploaded file, after checking that every chunk arrived. */
export async function loadFile(
  county: string,
  importId: string,
): Promise<{ meta: ImportMeta; bytes: Buffer }> {
  const meta = await getImportMeta(county, importId);
  if (!meta) throw new NotFoundError('IMPORT.NOT_FOUND', '未找到该导入，请重新上传文件');
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p AND begins_with(sk, :c)',
    ExpressionAttributeValues: { ':p': keys.importMeta(county, importId).pk, ':c': 'CHUNK#' },
    ConsistentRead: true,
  });
  if (items.length !== meta.total) {
    throw new ValidationError(
      [],
      'IMPORT.INCOMPLETE',
      `文件尚未上传完整（已收到 ${items.length}/${meta.total} 个分片），请重新上传`,
    );
  }
  const bytes = Buffer.concat(items.map((i) => Buffer.from(String(i.data), 'base64')));
  if (bytes.length !== meta.size) {
    throw new ValidationError([], 'IMPORT.INCOMPLETE', '上传的文件大小与声明的不一致，请重新上传');
  }
  return { meta, bytes };
}

/** Keeps the checked rows, batch by batch, and records the preview's result. */
export async function saveChecked(
  county: string,
  meta: ImportMeta,
  valid: readonly CheckedRow[],
  checked: NonNullable<ImportMeta['checked']>,
) {
  const batches: CheckedRow[][] = [];
  for (let i = 0; i < valid.length; i += rowsPerBatch) batches.push(valid.slice(i, i + rowsPerBatch));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        const i = next++;
        await dynamo().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.importBatch(county, meta.importId, i), rows: JSON.stringify(batches[i]) },
          }),
        );
      }
    }),
  );
  await putMeta(county, { ...meta, checked: { ...checked, batches: batches.length } });
}

export async function loadBatch(county: string, importId: string, index: number): Promise<CheckedRow[]> {
  const out = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.importBatch(county, importId, index),
      ConsistentRead: true,
    }),
  );
  if (!out.Item) throw new NotFoundError('IMPORT.BATCH_NOT_FOUND', '未找到该批数据，请重新检查文件');
  return JSON.parse(String(out.Item.rows)) as CheckedRow[];
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows someone else changed between the check and the write: left as they are. */
  conflicts: number;
  /** Staff whose status the import set to inactive (their accounts are disabled next). */
  deactivated: string[];
}

interface Actor {
  userId: string;
  name: string;
}

const bookkeepingKeys = [
  'version',
  'updatedAt',
  'updatedBy',
  'updatedByName',
  'lastSubmissionId',
  'sourceForm',
];
const strip = (i: Item): Item =>
  Object.fromEntries(
    Object.entries(i).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk)$/.test(k) && !bookkeepingKeys.includes(k)),
  );

async function runAll<T>(list: readonly T[], fn: (t: T) => Promise<void>, concurrency = 16): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, list.length) }, async () => {
      while (next < list.length) await fn(list[next++] as T);
    }),
  );
}

/** Writes one batch of checked rows. Only rows that differ from what is stored are written. */
export async function writeRows(
  county: string,
  kind: ImportKind,
  rows: readonly CheckedRow[],
  ctx: { importId: string; filename: string; actor: Actor; now: Date },
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0, conflicts: 0, deactivated: [] };
  const at = ctx.now.toISOString();
  const date = at.slice(0, 10);
  const reason = `批量导入：${ctx.filename}`;
  const keyOf = (r: CheckedRow) =>
    r.entity.kind === 'households'
      ? keys.household(county, r.entity.value.id)
      : r.entity.kind === 'people'
        ? keys.person(county, r.entity.value.idNumber)
        : keys.staff(county, r.entity.value.id);
  if (rows.some((r) => r.entity.kind !== 'staff')) await bumpDirectoryVersion(county, ctx.now);
  const stored = new Map(
    (await batchGet(rows.map(keyOf))).map((i) => [`${String(i.pk)}|${String(i.sk)}`, i]),
  );
  await runAll(rows, async (r) => {
    const k = keyOf(r);
    const current = stored.get(`${k.pk}|${k.sk}`);
    const currentVersion = current ? versionOf(current).version : 0;
    let next: Item & { pk: string };
    let before: unknown;
    let ownerId: string;
    let tag: HistoryTag;
    if (r.entity.kind === 'households') {
      const old = current ? toFullHousehold(current) : undefined;
      const merged = mergeHousehold(old, r.entity.value, date, reason);
      if (old && merged === old) return void counts.unchanged++;
      next = householdItem(county, merged);
      before = old ?? {};
      ownerId = merged.id;
      tag = 'HH';
    } else if (r.entity.kind === 'people') {
      const old = current ? toPerson(current) : undefined;
      const merged: Person = { ...r.entity.value, ...(old?.synthetic ? { synthetic: true } : {}) };
      if (old && sameJson(old, merged)) return void counts.unchanged++;
      next = personItem(county, merged);
      before = old ?? {};
      ownerId = merged.householdId;
      tag = `P-${merged.id}`;
    } else {
      const old = current ? toStaff(current) : undefined;
      const merged: Staff = { ...r.entity.value, ...(old?.synthetic ? { synthetic: true } : {}) };
      if (old && sameJson(strip(current as Item), merged)) return void counts.unchanged++;
      next = staffItem(county, merged);
      before = old ?? {};
      ownerId = merged.id;
      tag = 'STAFF';
      if (old?.active && !merged.active) counts.deactivated.push(merged.username);
    }
    const change: RecordChange = {
      submissionId: `import-${ctx.importId}-${r.row}`,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      at,
      form: 'directory-import',
      action: current ? 'update' : 'create',
      reason: `${reason} 第 ${r.row} 行`,
      changes: diff(before, strip(next)),
    };
    const item = { ...next, ...bookkeeping(currentVersion + 1, change) };
    const result = await putVersioned(item, currentVersion, {
      county,
      ownerId,
      tag,
      change,
      snapshot: strip(next),
    });
    if (result === 'conflict') counts.conflicts++;
    else if (current) counts.updated++;
    else counts.created++;
    // The information-officer roster follows the staff list (an idempotent put).
    if (r.entity.kind === 'staff' && r.entity.value.position === 'information-officer') {
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: informationOfficerItem(county, {
            countyCode: county,
            unitId: r.entity.value.unitId,
            staffId: r.entity.value.id,
          }),
        }),
      );
    }
  });
  return counts;
}
