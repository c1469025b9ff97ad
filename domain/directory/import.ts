/**
 * Import of households, people and staff from the spreadsheets county offices
 * keep (XLSX or CSV), as pure functions: a sheet already read into cells goes in,
 * the rows that can be stored and a row-by-row list of problems come out. Nothing
 * here reads or writes the store; the caller hands in what already exists.
 *
 * Every problem names the row as the spreadsheet numbers it, the column by its
 * letter and header, and says in Chinese what to fix. A problem with the file
 * as a whole (wrong header, too many rows) is `fatal`: no row can be trusted.
 */
import { roleLabels, roles, type Role } from '../auth/roles.ts';
import { idNumberProblem, normaliseIdNumber } from '../org/id-number.ts';
import {
  householdCategoryLabels,
  householdConsistencyIssues,
  householdFlagLabels,
  monitoredTypeLabels,
  personFlagLabels,
  phoneSchema,
  relationLabels,
  type Household,
  type HouseholdFlag,
  type MonitoredType,
  type OrgUnit,
  type Person,
  type PersonFlag,
  type Relation,
} from '../org/org.schema.ts';
import { staffPositionLabels, usernameSchema, type Staff, type StaffPosition } from '../org/staff.schema.ts';
import * as z from '../shared/zod-mini.ts';

export const importKinds = ['households', 'people', 'staff'] as const;
export const importKindSchema = z.enum(importKinds, { error: '请选择导入类别' });
export type ImportKind = z.infer<typeof importKindSchema>;
export const importKindLabels: Record<ImportKind, string> = {
  households: '农户',
  people: '家庭成员',
  staff: '工作人员',
};

/** Largest file accepted (bytes): about 100,000 rows of a typical household sheet. */
export const maxImportBytes = 10 * 1024 * 1024;
/** Most data rows one import may hold; a county's whole household list fits. */
export const maxImportRows = 100_000;

/** One cell as read from the file. `formula` is set when the cell holds a formula. */
export interface SheetCell {
  value: string | number | boolean | Date | null;
  formula?: boolean;
}

/** A sheet read from XLSX or CSV: the header row, the data rows, and merged ranges. */
export interface RawSheet {
  /** Spreadsheet row number of the header (1-based). */
  headerRow: number;
  header: string[];
  rows: { row: number; cells: SheetCell[] }[];
  /** Merged ranges touching data rows, as `{ top, left, bottom, right }` (1-based). */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /**
   * Set when the file has more rows than one import may hold and the reader stopped
   * there (the rest is never read): the check refuses it like any sheet over the limit.
   */
  truncated?: boolean;
}

/** One problem of one row (or of the whole file when `fatal`). */
export interface ImportIssue {
  row: number;
  /** Column letter and header, e.g. `C 身份证号码`; empty for a whole row. */
  column: string;
  code: string;
  message: string;
  fatal?: boolean;
}

/** What the store already holds, as far as checking needs it. */
export interface ImportContext {
  countyCode: string;
  units: readonly OrgUnit[];
  /** Households already stored (for people: which household a member joins). */
  households: ReadonlyMap<string, Pick<Household, 'id' | 'villageId' | 'townId'>>;
  /** People already stored, by normalised ID number. */
  peopleByIdNumber: ReadonlyMap<string, Pick<Person, 'id' | 'householdId'>>;
  /** Staff already stored, by username (a username belongs to one person). */
  staffByUsername: ReadonlyMap<string, string>;
  now: Date;
}

export type ImportEntity =
  | { kind: 'households'; value: Household }
  | { kind: 'people'; value: Person }
  | { kind: 'staff'; value: Staff };

export interface CheckedRow<E = ImportEntity> {
  row: number;
  entity: E;
}

export interface ImportCheck {
  kind: ImportKind;
  total: number;
  valid: CheckedRow[];
  issues: ImportIssue[];
  /** Rows with at least one problem. */
  invalidRows: number;
  fatal: boolean;
}

type ColumnType = 'text' | 'int' | 'id';
interface ColumnSpec {
  key: string;
  header: string;
  /** Other headers offices use for the same column. */
  aliases?: string[];
  required: boolean;
  type?: ColumnType;
}

/** The columns of each kind, in the order of the template. */
export const importColumns: Record<ImportKind, readonly ColumnSpec[]> = {
  households: [
    { key: 'id', header: '户编号', required: true, type: 'id' },
    {
      key: 'village',
      header: '村/社区',
      aliases: ['村/社区编号', '所在村', '村（社区）', '村'],
      required: true,
    },
    { key: 'headName', header: '户主姓名', aliases: ['户主'], required: true },
    { key: 'category', header: '户类别', aliases: ['户类型', '农户类别'], required: true },
    { key: 'monitoredType', header: '监测对象类别', aliases: ['监测类别'], required: false },
    {
      key: 'memberCount',
      header: '家庭人口',
      aliases: ['家庭人口数', '人口数'],
      required: true,
      type: 'int',
    },
    { key: 'flags', header: '重点人群', aliases: ['重点人群类别'], required: false },
  ],
  people: [
    { key: 'householdId', header: '户编号', required: true, type: 'id' },
    { key: 'name', header: '姓名', required: true },
    { key: 'idNumber', header: '身份证号码', aliases: ['身份证号', '证件号码'], required: true },
    { key: 'relation', header: '与户主关系', required: true },
    { key: 'phone', header: '联系电话', aliases: ['手机号码', '电话'], required: false },
    { key: 'flags', header: '人员标识', required: false },
  ],
  staff: [
    { key: 'id', header: '人员编号', required: true, type: 'id' },
    { key: 'name', header: '姓名', required: true },
    { key: 'role', header: '系统角色', required: true },
    { key: 'position', header: '职务类别', required: true },
    { key: 'unit', header: '所在单位', aliases: ['单位', '单位编号'], required: true },
    { key: 'phone', header: '手机号码', aliases: ['联系电话', '电话'], required: false },
    { key: 'email', header: '电子邮箱', aliases: ['邮箱'], required: true },
    { key: 'username', header: '登录名', required: true },
    { key: 'status', header: '状态', aliases: ['在岗状态'], required: false },
  ],
};

/** `A`, `B`, … `Z`, `AA`: how spreadsheets name the n-th column (1-based). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Headers compared without spaces, asterisks (required marks) and full-width brackets. */
const normHeader = (h: string) =>
  h
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();

/** Finds each column's position; missing required columns are fatal. */
export function mapHeader(
  kind: ImportKind,
  sheet: Pick<RawSheet, 'header' | 'headerRow'>,
): { index: Map<string, number>; issues: ImportIssue[] } {
  const index = new Map<string, number>();
  const issues: ImportIssue[] = [];
  const seen = sheet.header.map(normHeader);
  for (const col of importColumns[kind]) {
    const names = [col.header, ...(col.aliases ?? [])].map(normHeader);
    const at = seen.findIndex((h) => names.includes(h));
    if (at >= 0) index.set(col.key, at);
    else if (col.required) {
      issues.push({
        row: sheet.headerRow,
        column: col.header,
        code: 'IMPORT.BAD_HEADER',
        message: `表头缺少“${col.header}”列。请使用${importKindLabels[kind]}导入模板的表头：${importColumns[kind].map((c) => c.header).join('、')}`,
        fatal: true,
      });
    }
  }
  return { index, issues };
}

/** Reverse lookup of a Chinese label (or the code itself) to its code. */
function byLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const t = text.trim();
  for (const [k, v] of Object.entries(labels) as [K, string][]) {
    if (v === t || k === t) return k;
  }
  return undefined;
}

/** Relations as offices write them: `之子` or `子`, `户主`, `妻`… */
function relationOf(text: string): Relation | undefined {
  const t = text.trim();
  const direct = byLabel(relationLabels, t) ?? byLabel(relationLabels, `之${t}`);
  if (direct) return direct;
  const extra: Record<string, Relation> = {
    妻: 'spouse',
    夫: 'spouse',
    妻子: 'spouse',
    丈夫: 'spouse',
    本人: 'head',
  };
  return extra[t];
}

/** Splits a list cell (`大病、低保`) on the separators people use. */
const splitList = (t: string) =>
  t
    .split(/[、,，;；/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const cellText = (c: SheetCell | undefined): string => {
  const v = c?.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
};

/** The one row checker all kinds share: reads the columns, records problems. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  constructor(
    readonly row: number,
    private readonly cells: SheetCell[],
    private readonly kind: ImportKind,
    private readonly index: Map<string, number>,
  ) {}

  private spec(key: string): ColumnSpec {
    return importColumns[this.kind].find((c) => c.key === key) as ColumnSpec;
  }
  column(key: string): string {
    const at = this.index.get(key);
    const header = this.spec(key).header;
    return at === undefined ? header : `${columnLetter(at + 1)} ${header}`;
  }
  problem(key: string, code: string, message: string): undefined {
    this.issues.push({ row: this.row, column: key ? this.column(key) : '', code, message });
    return undefined;
  }

  /** The cell's text; a formula or a missing required value is a problem. */
  text(key: string): string | undefined {
    const at = this.index.get(key);
    if (at === undefined) return undefined;
    const cell = this.cells[at];
    if (cell?.formula) {
      return this.problem(key, 'IMPORT.FORMULA', '单元格含公式，请复制后“选择性粘贴为数值”再导入');
    }
    const t = cellText(cell);
    if (t === '') {
      return this.spec(key).required
        ? this.problem(key, 'IMPORT.REQUIRED', `请填写“${this.spec(key).header}”`)
        : undefined;
    }
    if (this.spec(key).type === 'int') {
      const v = cell?.value;
      const n = typeof v === 'number' ? v : /^\d+$/.test(t) ? Number(t) : NaN;
      if (!Number.isInteger(n))
        return this.problem(
          key,
          'IMPORT.WRONG_TYPE',
          `“${this.spec(key).header}”应为整数，当前为“${t.slice(0, 20)}”`,
        );
      return String(n);
    }
    if (this.spec(key).type === 'id') {
      const id = t.toUpperCase();
      if (!/^[A-Z0-9-]{1,40}$/.test(id))
        return this.problem(
          key,
          'IMPORT.WRONG_TYPE',
          `“${this.spec(key).header}”只能包含字母、数字和连字符，最长 40 位`,
        );
      return id;
    }
    return t;
  }
}

/** A unit found by its id or, when unique, its name; `kinds` limits what it may be. */
function unitFinder(units: readonly OrgUnit[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map<string, OrgUnit[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  return (text: string, kinds: readonly OrgUnit['kind'][]): OrgUnit | 'ambiguous' | undefined => {
    const u = byId.get(text.toUpperCase());
    if (u && kinds.includes(u.kind)) return u;
    const named = (byName.get(text) ?? []).filter((x) => kinds.includes(x.kind));
    if (named.length > 1) return 'ambiguous';
    return named[0];
  };
}

function checkHousehold(
  r: RowReader,
  ctx: ImportContext,
  find: ReturnType<typeof unitFinder>,
): Household | undefined {
  const id = r.text('id');
  const villageText = r.text('village');
  const headName = r.text('headName');
  const categoryText = r.text('category');
  const monitoredText = r.text('monitoredType');
  const members = r.text('memberCount');
  const flagsText = r.text('flags');
  let village: OrgUnit | undefined;
  if (villageText !== undefined) {
    const found = find(villageText, ['village']);
    if (found === 'ambiguous')
      r.problem(
        'village',
        'IMPORT.AMBIGUOUS_VILLAGE',
        `有多个村/社区名为“${villageText}”，请填写村/社区编号`,
      );
    else if (!found)
      r.problem(
        'village',
        'IMPORT.UNKNOWN_VILLAGE',
        `未找到村/社区“${villageText.slice(0, 30)}”，请核对名称或编号`,
      );
    else village = found;
  }
  const category = categoryText === undefined ? undefined : byLabel(householdCategoryLabels, categoryText);
  if (categoryText !== undefined && !category)
    r.problem(
      'category',
      'IMPORT.BAD_VALUE',
      `户类别应为：${Object.values(householdCategoryLabels).join('、')}`,
    );
  let monitoredType: MonitoredType | undefined;
  if (monitoredText !== undefined) {
    monitoredType = byLabel(monitoredTypeLabels, monitoredText);
    if (!monitoredType)
      r.problem(
        'monitoredType',
        'IMPORT.BAD_VALUE',
        `监测对象类别应为：${Object.values(monitoredTypeLabels).join('、')}`,
      );
  }
  const flags: HouseholdFlag[] = [];
  for (const f of flagsText ? splitList(flagsText) : []) {
    const flag = byLabel(householdFlagLabels, f);
    if (!flag) r.problem('flags', 'IMPORT.BAD_VALUE', `无法识别的重点人群类别“${f.slice(0, 20)}”`);
    else if (!flags.includes(flag)) flags.push(flag);
  }
  const memberCount = members === undefined ? undefined : Number(members);
  if (memberCount !== undefined && (memberCount < 1 || memberCount > 30))
    r.problem('memberCount', 'IMPORT.OUT_OF_RANGE', '家庭人口应在 1 至 30 人之间');
  if (headName !== undefined && [...headName].length > 30)
    r.problem('headName', 'IMPORT.TOO_LONG', '户主姓名不超过 30 个字');
  if (r.issues.length || !id || !village || !headName || !category || memberCount === undefined)
    return undefined;
  const h: Household = {
    id,
    countyCode: ctx.countyCode,
    villageId: village.id,
    townId: village.parentId ?? '',
    headName,
    category,
    memberCount,
    ...(monitoredType ? { monitoredType } : {}),
    ...(flags.length ? { flags } : {}),
  };
  for (const issue of householdConsistencyIssues(h)) {
    r.problem(
      issue.path === 'monitoredType' ? 'monitoredType' : 'category',
      'IMPORT.INCONSISTENT',
      issue.message,
    );
  }
  return r.issues.length ? undefined : h;
}

/**
 * A new member's id, when the ID number is not yet on file: derived from the ID
 * number (not from the row's position), so a re-import of the same file, or of
 * the rows in another order, names every person the same.
 */
export function personIdFor(householdId: string, idNumber: string): string {
  let h = 0x811c9dc5;
  for (const ch of idNumber) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `${householdId}-P${(h >>> 0).toString(36).toUpperCase().padStart(7, '0')}`;
}

function checkPerson(r: RowReader, ctx: ImportContext): Person | undefined {
  const householdId = r.text('householdId');
  const name = r.text('name');
  const idRaw = r.text('idNumber');
  const relationText = r.text('relation');
  const phoneText = r.text('phone');
  const flagsText = r.text('flags');
  if (householdId !== undefined && !ctx.households.has(householdId))
    r.problem('householdId', 'IMPORT.UNKNOWN_HOUSEHOLD', `户编号“${householdId}”不存在，请先导入该农户`);
  let idNumber: string | undefined;
  if (idRaw !== undefined) {
    idNumber = normaliseIdNumber(idRaw);
    const p = idNumberProblem(idNumber, ctx.now);
    if (p) {
      r.problem('idNumber', p.code === 'ID.CHECK_DIGIT' ? 'IMPORT.ID_CHECKSUM' : 'IMPORT.BAD_ID', p.message);
      idNumber = undefined;
    }
  }
  const relation = relationText === undefined ? undefined : relationOf(relationText);
  if (relationText !== undefined && !relation)
    r.problem('relation', 'IMPORT.BAD_VALUE', `无法识别的与户主关系“${relationText.slice(0, 10)}”`);
  let phone: string | undefined;
  if (phoneText !== undefined) {
    const parsed = phoneSchema.safeParse(phoneText);
    if (parsed.success) phone = parsed.data;
    else r.problem('phone', 'IMPORT.BAD_PHONE', '电话号码应为 11 位手机号或带区号的固定电话');
  }
  const flags: PersonFlag[] = [];
  for (const f of flagsText ? splitList(flagsText) : []) {
    const flag = byLabel(personFlagLabels, f);
    if (!flag) r.problem('flags', 'IMPORT.BAD_VALUE', `无法识别的人员标识“${f.slice(0, 20)}”`);
    else if (!flags.includes(flag)) flags.push(flag);
  }
  if (name !== undefined && [...name].length > 30) r.problem('name', 'IMPORT.TOO_LONG', '姓名不超过 30 个字');
  if (idNumber && householdId) {
    const existing = ctx.peopleByIdNumber.get(idNumber);
    if (existing && existing.householdId !== householdId) {
      r.problem(
        'idNumber',
        'IMPORT.DUPLICATE_PERSON',
        `该身份证号码已登记在户“${existing.householdId}”，同一人不能属于两户`,
      );
    }
  }
  if (r.issues.length || !householdId || !name || !idNumber || !relation) return undefined;
  const existing = ctx.peopleByIdNumber.get(idNumber);
  return {
    id: existing?.id ?? personIdFor(householdId, idNumber),
    countyCode: ctx.countyCode,
    householdId,
    name,
    idNumber,
    relation,
    ...(flags.length ? { flags } : {}),
    ...(phone ? { phone } : {}),
  };
}

function checkStaff(
  r: RowReader,
  ctx: ImportContext,
  find: ReturnType<typeof unitFinder>,
): Staff | undefined {
  const id = r.text('id');
  const name = r.text('name');
  const roleText = r.text('role');
  const positionText = r.text('position');
  const unitText = r.text('unit');
  const phoneText = r.text('phone');
  const email = r.text('email');
  const usernameText = r.text('username');
  const statusText = r.text('status');
  const role: Role | undefined = roleText === undefined ? undefined : byLabel(roleLabels, roleText);
  if (roleText !== undefined && !role)
    r.problem('role', 'IMPORT.BAD_VALUE', `系统角色应为：${roles.map((x) => roleLabels[x]).join('、')}`);
  const position: StaffPosition | undefined =
    positionText === undefined ? undefined : byLabel(staffPositionLabels, positionText);
  if (positionText !== undefined && !position)
    r.problem('position', 'IMPORT.BAD_VALUE', `无法识别的职务类别“${positionText.slice(0, 20)}”`);
  let unit: OrgUnit | undefined;
  if (unitText !== undefined) {
    const found = find(unitText, ['county', 'town', 'village', 'department']);
    if (found === 'ambiguous')
      r.problem('unit', 'IMPORT.AMBIGUOUS_UNIT', `有多个单位名为“${unitText}”，请填写单位编号`);
    else if (!found)
      r.problem('unit', 'IMPORT.UNKNOWN_UNIT', `未找到单位“${unitText.slice(0, 30)}”，请核对名称或编号`);
    else unit = found;
  }
  let phone: string | undefined;
  if (phoneText !== undefined) {
    const parsed = phoneSchema.safeParse(phoneText);
    if (parsed.success) phone = parsed.data;
    else r.problem('phone', 'IMPORT.BAD_PHONE', '电话号码应为 11 位手机号或带区号的固定电话');
  }
  if (email !== undefined && !z.email().safeParse(email).success)
    r.problem('email', 'IMPORT.BAD_EMAIL', '电子邮箱格式不正确');
  let username: string | undefined;
  if (usernameText !== undefined) {
    const parsed = usernameSchema.safeParse(usernameText.toLowerCase());
    if (parsed.success) username = parsed.data;
    else r.problem('username', 'IMPORT.BAD_USERNAME', parsed.error.issues[0]?.message ?? '登录名格式不正确');
  }
  if (username && id) {
    const owner = ctx.staffByUsername.get(username);
    if (owner && owner !== id)
      r.problem('username', 'IMPORT.DUPLICATE_USERNAME', `登录名“${username}”已被人员“${owner}”使用`);
  }
  let active = true;
  if (statusText !== undefined) {
    if (['停用', '离职', '调离', '否'].includes(statusText)) active = false;
    else if (!['在岗', '正常', '启用', '是'].includes(statusText))
      r.problem('status', 'IMPORT.BAD_VALUE', '状态应为“在岗”或“停用”');
  }
  if (r.issues.length || !id || !name || !role || !position || !unit || !email || !username) return undefined;
  const townId = unit.kind === 'town' ? unit.id : unit.kind === 'village' ? unit.parentId : undefined;
  return {
    id,
    countyCode: ctx.countyCode,
    name,
    role,
    position,
    unitId: unit.id,
    ...(townId ? { townId } : {}),
    ...(phone ? { phone } : {}),
    email,
    username,
    active,
  };
}

/** The key that makes two rows "the same record" within one file. */
function rowKey(e: ImportEntity): string {
  return e.kind === 'people' ? e.value.idNumber : e.value.id;
}

/**
 * Checks every row of a sheet. Rows are judged on their own first, then against
 * each other (the same household or person twice, the same login name for two
 * people); a row with any problem is left out of `valid`.
 */
export function checkImport(kind: ImportKind, sheet: RawSheet, ctx: ImportContext): ImportCheck {
  const { index, issues } = mapHeader(kind, sheet);
  const dataRows = sheet.rows.filter((r) => r.cells.some((c) => cellText(c) !== '' || c.formula));
  if (dataRows.length > maxImportRows || sheet.truncated) {
    issues.push({
      row: sheet.headerRow,
      column: '',
      code: 'IMPORT.TOO_MANY_ROWS',
      message: sheet.truncated
        ? `文件超过一次导入的上限 ${maxImportRows} 行数据，请分成几个文件导入`
        : `文件有 ${dataRows.length} 行数据，超过一次导入的上限 ${maxImportRows} 行，请分成几个文件导入`,
      fatal: true,
    });
  }
  if (dataRows.length === 0 && issues.length === 0) {
    issues.push({
      row: sheet.headerRow + 1,
      column: '',
      code: 'IMPORT.EMPTY',
      message: '文件中没有数据行',
      fatal: true,
    });
  }
  if (issues.some((i) => i.fatal)) {
    return { kind, total: dataRows.length, valid: [], issues, invalidRows: dataRows.length, fatal: true };
  }
  // A merged range makes every row it covers ambiguous: the value sits in one row only.
  const mergedRows = new Map<number, string>();
  for (const m of sheet.merges) {
    if (m.bottom <= sheet.headerRow) continue;
    const range = `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
    for (let row = Math.max(m.top, sheet.headerRow + 1); row <= m.bottom; row++) {
      if (!mergedRows.has(row)) mergedRows.set(row, range);
    }
  }
  const find = unitFinder(ctx.units);
  const candidates: { row: number; entity: ImportEntity }[] = [];
  const bad = new Set<number>();
  for (const { row, cells } of dataRows) {
    const r = new RowReader(row, cells, kind, index);
    const merged = mergedRows.get(row);
    if (merged)
      r.problem(
        '',
        'IMPORT.MERGED_CELLS',
        `第 ${row} 行处于合并单元格 ${merged} 中，请取消合并并在每行填写完整`,
      );
    const entity: ImportEntity | undefined =
      kind === 'households'
        ? wrap('households', checkHousehold(r, ctx, find))
        : kind === 'people'
          ? wrap('people', checkPerson(r, ctx))
          : wrap('staff', checkStaff(r, ctx, find));
    issues.push(...r.issues);
    if (entity && r.issues.length === 0) candidates.push({ row, entity });
    else bad.add(row);
  }
  // Rows against each other.
  const firstRow = new Map<string, { row: number; entity: ImportEntity }>();
  const usernames = new Map<string, { row: number; id: string }>();
  const valid: CheckedRow[] = [];
  for (const c of candidates) {
    const key = rowKey(c.entity);
    const earlier = firstRow.get(key);
    if (earlier) {
      const otherHousehold =
        c.entity.kind === 'people' &&
        earlier.entity.kind === 'people' &&
        c.entity.value.householdId !== earlier.entity.value.householdId;
      issues.push({
        row: c.row,
        column: kind === 'people' ? columnOf(kind, index, 'idNumber') : columnOf(kind, index, 'id'),
        code: otherHousehold ? 'IMPORT.DUPLICATE_PERSON' : 'IMPORT.DUPLICATE_ROW',
        message: otherHousehold
          ? `同一身份证号码也出现在第 ${earlier.row} 行（户“${(earlier.entity.value as Person).householdId}”），同一人不能属于两户`
          : `与第 ${earlier.row} 行重复`,
      });
      bad.add(c.row);
      continue;
    }
    firstRow.set(key, c);
    if (c.entity.kind === 'staff') {
      const u = usernames.get(c.entity.value.username);
      if (u && u.id !== c.entity.value.id) {
        issues.push({
          row: c.row,
          column: columnOf(kind, index, 'username'),
          code: 'IMPORT.DUPLICATE_USERNAME',
          message: `登录名“${c.entity.value.username}”与第 ${u.row} 行重复`,
        });
        bad.add(c.row);
        continue;
      }
      usernames.set(c.entity.value.username, { row: c.row, id: c.entity.value.id });
    }
    valid.push(c);
  }
  issues.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { kind, total: dataRows.length, valid, issues, invalidRows: bad.size, fatal: false };
}

function wrap<K extends ImportKind>(
  kind: K,
  value: Extract<ImportEntity, { kind: K }>['value'] | undefined,
): ImportEntity | undefined {
  return value === undefined ? undefined : ({ kind, value } as ImportEntity);
}

function columnOf(kind: ImportKind, index: Map<string, number>, key: string): string {
  const at = index.get(key);
  const header = importColumns[kind].find((c) => c.key === key)?.header ?? key;
  return at === undefined ? header : `${columnLetter(at + 1)} ${header}`;
}

/** How the person chose to go on when some rows have problems. */
export const importModes = ['valid-rows', 'all-or-nothing'] as const;
export const importModeSchema = z.enum(importModes, { error: '请选择导入方式' });
export type ImportMode = z.infer<typeof importModeSchema>;

/**
 * A household as an import changes it: the file's fields replace the stored ones,
 * and a change of category is added to the status history with the import as reason.
 * Returns the stored household unchanged (same object) when the file says nothing new.
 */
export function mergeHousehold(
  stored: Household | undefined,
  incoming: Household,
  date: string,
  reason: string,
): Household {
  if (!stored) {
    return {
      ...incoming,
      statusHistory: [
        {
          date,
          to: incoming.category,
          ...(incoming.monitoredType ? { monitoredType: incoming.monitoredType } : {}),
          reason,
        },
      ],
    };
  }
  const next: Household = {
    ...stored,
    villageId: incoming.villageId,
    townId: incoming.townId,
    headName: incoming.headName,
    category: incoming.category,
    memberCount: incoming.memberCount,
    countyCode: incoming.countyCode,
  };
  if (incoming.monitoredType) next.monitoredType = incoming.monitoredType;
  else delete next.monitoredType;
  if (incoming.flags?.length) next.flags = incoming.flags;
  else delete next.flags;
  if (stored.category !== incoming.category || stored.monitoredType !== incoming.monitoredType) {
    const change = {
      date,
      from: stored.category,
      to: incoming.category,
      ...(incoming.monitoredType ? { monitoredType: incoming.monitoredType } : {}),
      reason,
    };
    next.statusHistory = [...(stored.statusHistory ?? []), change];
  }
  return sameJson(stored, next) ? stored : next;
}

/** Field-by-field equality of two plain records, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** Bytes of the file per uploaded chunk: base64 of it stays well under the API's body limit. */
export const importChunkBytes = 150 * 1024;

/** One chunk of an uploaded file, sent in order; the first one names the file. */
export const importChunkSchema = z.strictObject({
  kind: importKindSchema,
  filename: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Size of the whole file in bytes. */
  size: z.number().check(
    z.int(),
    z.gte(1, { error: '文件为空' }),
    z.lte(maxImportBytes, {
      error: `文件超过 ${maxImportBytes / 1024 / 1024} MB 的上限，请分成几个文件导入`,
    }),
  ),
  total: z.number().check(z.int(), z.gte(1), z.lte(Math.ceil(maxImportBytes / importChunkBytes))),
  index: z.number().check(z.int(), z.gte(0)),
  /** Base64 of the chunk's bytes. */
  data: z.base64().check(z.maxLength(Math.ceil(importChunkBytes / 3) * 4)),
});
export type ImportChunk = z.infer<typeof importChunkSchema>;

export const importCommitSchema = z.strictObject({
  mode: importModeSchema,
  /** Which batch of checked rows to write; the page walks them in order, showing progress. */
  batch: z.number().check(z.int(), z.gte(0)),
});
export type ImportCommit = z.infer<typeof importCommitSchema>;
