/**
 * Lineage (数据溯源): for every headline figure of a report, the records it
 * counted, each by kind, id and version. The report prints the SHA-256 of the
 * canonical text of this list and carries the list itself (an XLSX sheet and a
 * PDF annex), so an auditor can re-derive any figure from the archived records
 * and check that the list is the one the report was made from.
 */

/** One stored record in the version a report read. */
export interface RecordRef {
  /** The register: `household`, `income`, `visit`, `petition`, `data-error`… */
  kind: string;
  id: string;
  version: number;
}

/** A headline figure and the records it counted. */
export interface FigureLineage {
  /** Stable key within the report, e.g. `income.entered`. */
  key: string;
  /** How the report names it, e.g. `已录入户数`. */
  label: string;
  /** The figure as printed (a count, or a rate's numerator/denominator stated in `label`). */
  value: number;
  records: readonly RecordRef[];
}

export type Lineage = readonly FigureLineage[];

/** A figure whose value is the number of records it counted. */
export function counted(key: string, label: string, records: readonly RecordRef[]): FigureLineage {
  return { key, label, value: records.length, records };
}

const byRef = (a: RecordRef, b: RecordRef) =>
  a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || a.version - b.version;

/**
 * The canonical text the digest is taken of: one line per (figure, record),
 * tab-separated `key kind id version`, figures in report order and records sorted,
 * so the same figures over the same records always give the same text.
 */
export function lineageText(lineage: Lineage): string {
  const lines: string[] = [];
  for (const f of lineage) {
    lines.push(`${f.key}\t=\t${f.value}`);
    for (const r of [...f.records].sort(byRef)) lines.push(`${f.key}\t${r.kind}\t${r.id}\t${r.version}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The distinct records a lineage names (for "based on N records"). */
export function distinctRecords(lineage: Lineage): RecordRef[] {
  const seen = new Map<string, RecordRef>();
  for (const f of lineage) for (const r of f.records) seen.set(`${r.kind}\t${r.id}\t${r.version}`, r);
  return [...seen.values()].sort(byRef);
}

/** Chinese names of the registers a lineage can name. */
export const recordKindLabels: Record<string, string> = {
  household: '农户',
  income: '收入记录',
  'org-unit': '单位',
  staff: '人员',
  'duty-assignment': '结对帮扶关系',
  visit: '走访记录',
  problem: '走访发现问题',
  petition: '信访件',
  opinion: '网络舆情',
  meeting: '研判会议',
  'data-error': '数据错误',
  'spot-check': '抽查记录',
  'info-officer': '信息员',
};
export const recordKindLabel = (kind: string): string => recordKindLabels[kind] ?? '其他记录';
