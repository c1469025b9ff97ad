/**
 * The import's check step: read the uploaded file, load what the store already
 * holds about the rows (villages, households, people by ID number, login names),
 * check every row, keep the valid ones for the commit, and answer with the
 * counts, a sample and the row-by-row error list.
 */
import {
  checkImport,
  importColumns,
  mapHeader,
  type ImportContext,
  type ImportKind,
  type RawSheet,
} from '#domain/directory/import.ts';
import type { ImportPreview } from '#domain/directory/directory.api.ts';
import { normaliseIdNumber } from '#domain/org/id-number.ts';
import { maskIdNumber, maskPhone } from '#domain/org/mask.ts';
import {
  householdCategoryLabels,
  relationLabels,
  type Household,
  type Person,
} from '#domain/org/org.schema.ts';
import { roleLabels } from '#domain/auth/roles.ts';
import {
  householdsByIds,
  listStaffFull,
  listUnits,
  peopleByIdNumbers,
} from '../store/directory.repository.ts';
import { getImportMeta, loadFile, saveChecked } from '../store/directory.imports.ts';
import { readSheet } from './import.sheet.ts';

/** At most this many problems travel back to the page; the count says how many there are. */
export const maxIssuesReturned = 2000;

function columnValues(kind: ImportKind, sheet: RawSheet, key: string): string[] {
  const at = mapHeader(kind, sheet).index.get(key);
  if (at === undefined) return [];
  return sheet.rows.map((r) => String(r.cells[at]?.value ?? '').trim()).filter(Boolean);
}

async function contextFor(
  county: string,
  kind: ImportKind,
  sheet: RawSheet,
  now: Date,
): Promise<ImportContext> {
  const units = await listUnits(county);
  const households = new Map<string, Household>();
  const peopleByIdNumber = new Map<string, Person>();
  const staffByUsername = new Map<string, string>();
  if (kind === 'people') {
    const hhIds = [...new Set(columnValues(kind, sheet, 'householdId').map((s) => s.toUpperCase()))].filter(
      (s) => /^[A-Z0-9-]{1,40}$/.test(s),
    );
    for (const h of await householdsByIds(county, hhIds)) households.set(h.id, h);
    const ids = [...new Set(columnValues(kind, sheet, 'idNumber').map(normaliseIdNumber))].filter(
      (s) => s.length === 18,
    );
    for (const p of await peopleByIdNumbers(county, ids)) peopleByIdNumber.set(p.idNumber, p);
  }
  if (kind === 'staff') for (const s of await listStaffFull(county)) staffByUsername.set(s.username, s.id);
  return { countyCode: county, units, households, peopleByIdNumber, staffByUsername, now };
}

/** What the preview shows of a valid row: personal data masked. */
function sampleOf(
  entity: ReturnType<typeof checkImport>['valid'][number]['entity'],
): Record<string, string | number> {
  switch (entity.kind) {
    case 'households':
      return {
        户编号: entity.value.id,
        村社区: entity.value.villageId,
        户主姓名: entity.value.headName,
        户类别: householdCategoryLabels[entity.value.category],
        家庭人口: entity.value.memberCount,
      };
    case 'people':
      return {
        户编号: entity.value.householdId,
        姓名: entity.value.name,
        身份证号码: maskIdNumber(entity.value.idNumber),
        与户主关系: relationLabels[entity.value.relation],
        联系电话: entity.value.phone ? maskPhone(entity.value.phone) : '',
      };
    case 'staff':
      return {
        人员编号: entity.value.id,
        姓名: entity.value.name,
        系统角色: roleLabels[entity.value.role],
        所在单位: entity.value.unitId,
        状态: entity.value.active ? '在岗' : '停用',
      };
  }
}

/** What the preview answers: the route's declared response (`ImportPreview`). */
export type PreviewResult = ImportPreview;

export async function previewImport(county: string, importId: string, now: Date): Promise<PreviewResult> {
  const { meta, bytes } = await loadFile(county, importId);
  const sheet = await readSheet(meta.kind, meta.filename, bytes);
  const ctx = await contextFor(county, meta.kind, sheet, now);
  const check = checkImport(meta.kind, sheet, ctx);
  const checked = {
    at: now.toISOString(),
    rows: check.total,
    validRows: check.valid.length,
    invalidRows: check.invalidRows,
    fatal: check.fatal,
    batches: 0,
    encoding: sheet.encoding,
  };
  await saveChecked(county, meta, check.valid, checked);
  const after = await getImportMeta(county, importId);
  return {
    importId,
    kind: meta.kind,
    filename: meta.filename,
    encoding: sheet.encoding,
    rows: check.total,
    validRows: check.valid.length,
    invalidRows: check.invalidRows,
    fatal: check.fatal,
    batches: after?.checked?.batches ?? 0,
    columns: importColumns[meta.kind].map((c) => c.header),
    sample: check.valid.slice(0, 10).map((r) => sampleOf(r.entity)),
    issueCount: check.issues.length,
    issues: check.issues.slice(0, maxIssuesReturned),
  };
}
