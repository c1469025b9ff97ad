/**
 * The visit-coverage report (走访排查覆盖情况), weekly and monthly: coverage per
 * town, per duty rule and per person; weekly overnight stays; monthly key-village
 * visits; targets never visited; overdue problems. Names of staff and household
 * heads are shown; ID and phone numbers never (free text is masked).
 */
import { dutyRuleShortLabels } from '#domain/duties/duty-rules.ts';
import { formatDate, formatInteger, formatPercent } from '#domain/shared/format.ts';
import { unknownUnitName } from '#domain/shared/names.ts';
import { periodLabel } from '#domain/shared/period.ts';
import type {
  KeyVillageMonth,
  OvernightWeek,
  PersonCoverage,
  ProblemFact,
  RuleCoverage,
  TownCoverage,
  UnvisitedTarget,
  VisitCoverage,
} from '#domain/visits/visit.coverage.ts';
import {
  problemCategoryLabels,
  problemStatusLabels,
  visitTargetKindLabels,
} from '#domain/visits/visit.schema.ts';
import { drawBarChart } from '#reports/pdf/charts.ts';
import { drawCover, drawProvenance, type KeyFigure } from '#reports/pdf/cover.ts';
import { finishReport } from '#reports/lineage/lineage.ts';
import { ReportDocument } from '#reports/pdf/document.ts';
import { scopeName } from '#reports/pdf/scope.ts';
import { maskPersonalNumbers } from '#reports/pdf/redact.ts';
import { drawTable, type TableColumn } from '#reports/pdf/table.ts';
import { colors, sizes } from '#reports/pdf/theme.ts';
import type { RenderedReport, ReportMeta } from '#reports/pdf/types.ts';
import { buildWorkbook, type CellValue } from '#reports/xlsx/workbook.ts';

export const VISIT_COVERAGE_REPORT_TITLE = '走访排查覆盖情况';

export type CoverageVariant = 'weekly' | 'monthly';

/** How the period is written: `2026年10月`, or `2026年10月26日至11月1日` for a week. */
export function coveragePeriodText(a: Pick<VisitCoverage, 'period'>, variant: CoverageVariant): string {
  if (variant === 'monthly') return periodLabel(a.period.start.slice(0, 7));
  const end = formatDate(a.period.end);
  const sameYear = a.period.start.slice(0, 4) === a.period.end.slice(0, 4);
  return `${formatDate(a.period.start)}至${sameYear ? end.replace(/^\d+年/, '') : end}`;
}

const pct = (v: number | null): string => (v === null ? '—' : formatPercent(v));
const frac = (n: number, d: number): string => (d === 0 ? '—' : `${n}/${d}`);

/** Renders the report for the county or one town. */
export async function renderVisitCoverageReport(
  a: VisitCoverage,
  meta: ReportMeta,
  variant: CoverageVariant,
): Promise<RenderedReport> {
  const periodText = coveragePeriodText(a, variant);
  const kindText = variant === 'weekly' ? '（周报）' : '（月报）';
  const rd = new ReportDocument({
    title: `${scopeName(meta)}${periodText}${VISIT_COVERAGE_REPORT_TITLE}${kindText}`,
    author: meta.issuingOffice,
    createdAt: meta.generatedAt,
    subject: `${meta.scopeLabel} ${periodText} 走访排查覆盖情况${kindText}`,
    header: { left: meta.issuingOffice, right: `${periodText} ${VISIT_COVERAGE_REPORT_TITLE}${kindText}` },
    footer: 'page-of-total',
  });
  const t = a.totals;
  const keyFigures: KeyFigure[] = [
    { label: '应走访对象', value: formatInteger(t.required), unit: '个' },
    {
      label: '覆盖率',
      value: pct(t.coverage),
      tone: t.coverage !== null && t.coverage < 1 ? 'alert' : 'good',
    },
    {
      label: '驻村过夜达标率',
      value: pct(t.overnightCompliance),
      tone: t.overnightCompliance !== null && t.overnightCompliance < 1 ? 'alert' : 'normal',
    },
    { label: '发现问题', value: formatInteger(t.problemsFound), unit: '个' },
    { label: '整改率', value: pct(t.rectificationRate) },
    {
      label: '逾期问题',
      value: formatInteger(t.overdue),
      unit: '个',
      tone: t.overdue > 0 ? 'alert' : 'good',
    },
  ];
  drawCover(rd, {
    title: VISIT_COVERAGE_REPORT_TITLE + kindText,
    subtitle: periodText,
    facts: [
      { label: '范围', value: scopeName(meta) },
      { label: '统计期', value: `${formatDate(a.period.start)}至${formatDate(a.period.end)}` },
      { label: '逾期判定日', value: formatDate(a.asOf) },
      { label: '生成时间', value: `${formatDate(meta.generatedAt)}（北京时间）` },
      { label: '编制单位', value: meta.issuingOffice },
    ],
    keyFigures,
  });
  rd.subheading('摘要');
  rd.paragraph(summary(a, meta, periodText), { indent: sizes.body * 2 });
  drawProvenance(rd, meta.provenance);

  // Keep the heading with its chart: a chart never starts alone at the foot of the cover page.
  rd.ensureSpace(260);
  rd.heading('一、各镇（街道）走访覆盖情况');
  const towns = a.byTown.filter((x) => x.required > 0 || x.problemsFound > 0 || x.overdue > 0);
  if (towns.length > 1) {
    drawBarChart(rd, {
      title: '各镇（街道）走访覆盖率',
      data: [...towns]
        .filter((x) => x.coverage !== null)
        .map((x) => ({ label: x.name, value: x.coverage ?? 0 }))
        .sort((x, y) => x.value - y.value || x.label.localeCompare(y.label, 'zh-CN')),
      format: (v) => formatPercent(v),
      tickFormat: (v) => formatPercent(v, 0),
      max: 1,
      ...(t.coverage === null ? {} : { reference: { value: t.coverage, label: '总体' } }),
      note: '覆盖率＝已走访的责任对象数÷应走访的责任对象数；低于总体的镇以橙色标出。',
    });
  }
  const townColumns: TableColumn<TownCoverage>[] = [
    { header: '镇（街道）', weight: 2, cell: (x) => x.name },
    { header: '应走访', weight: 1.2, align: 'right', cell: (x) => formatInteger(x.required) },
    { header: '已走访', weight: 1.2, align: 'right', cell: (x) => formatInteger(x.visited) },
    { header: '覆盖率', weight: 1.2, align: 'right', cell: (x) => pct(x.coverage) },
    { header: '发现问题', weight: 1.2, align: 'right', cell: (x) => formatInteger(x.problemsFound) },
    { header: '已整改', weight: 1.1, align: 'right', cell: (x) => formatInteger(x.problemsRectified) },
    { header: '整改率', weight: 1.2, align: 'right', cell: (x) => pct(x.rectificationRate) },
    { header: '逾期', weight: 0.9, align: 'right', cell: (x) => formatInteger(x.overdue) },
  ];
  if (towns.length === 0) rd.paragraph('本期没有需要走访的责任对象。', { indent: sizes.body * 2 });
  else drawTable(rd, { caption: '表1　各镇（街道）走访覆盖与问题整改', columns: townColumns, rows: towns });

  rd.heading('二、分责任类别覆盖情况');
  const ruleColumns: TableColumn<RuleCoverage>[] = [
    { header: '责任类别', weight: 2.4, cell: (x) => dutyRuleShortLabels[x.rule] },
    { header: '责任人', weight: 1, align: 'right', cell: (x) => formatInteger(x.people) },
    { header: '应走访', weight: 1.2, align: 'right', cell: (x) => formatInteger(x.required) },
    { header: '已走访', weight: 1.2, align: 'right', cell: (x) => formatInteger(x.visited) },
    { header: '覆盖率', weight: 1.2, align: 'right', cell: (x) => pct(x.coverage) },
  ];
  if (a.byRule.length === 0) rd.paragraph('本期没有责任对象。', { indent: sizes.body * 2 });
  else drawTable(rd, { caption: '表2　分责任类别覆盖情况', columns: ruleColumns, rows: a.byRule });

  rd.heading('三、责任人走访情况');
  const people = [...a.byPerson].sort(
    (x, y) => (x.coverage ?? 2) - (y.coverage ?? 2) || x.name.localeCompare(y.name, 'zh-CN'),
  );
  const personColumns: TableColumn<PersonCoverage>[] = [
    { header: '责任人', weight: 1.4, cell: (x) => x.name },
    { header: '责任类别', weight: 2.2, cell: (x) => x.rules.map((r) => dutyRuleShortLabels[r]).join('、') },
    { header: '应走访', weight: 1, align: 'right', cell: (x) => formatInteger(x.required) },
    { header: '已走访', weight: 1, align: 'right', cell: (x) => formatInteger(x.visited) },
    { header: '覆盖率', weight: 1.1, align: 'right', cell: (x) => pct(x.coverage) },
    { header: '驻村过夜（周）', weight: 1.5, align: 'right', cell: (x) => frac(x.stayWeeksMet, x.stayWeeks) },
    {
      header: '重点村（月）',
      weight: 1.4,
      align: 'right',
      cell: (x) => frac(x.keyVillageMonthsMet, x.keyVillageMonths),
    },
  ];
  if (people.length === 0) rd.paragraph('本期没有承担走访责任的人员。', { indent: sizes.body * 2 });
  else {
    rd.paragraph('按覆盖率由低到高排列。驻村过夜、重点村两列为“达标数/应达标数”，“—”表示无此项责任。', {
      size: sizes.small,
      color: colors.muted,
    });
    drawTable(rd, { caption: '表3　责任人走访情况', columns: personColumns, rows: people });
  }

  rd.heading('四、每周驻村过夜情况');
  const weeks = a.overnight;
  const missed = weeks.filter((w) => !w.met);
  if (weeks.length === 0) {
    rd.paragraph('本期没有完整的自然周（周一至周日），或没有驻村过夜责任。', { indent: sizes.body * 2 });
  } else {
    rd.paragraph(
      `联镇县级领导、县直部门负责人每周驻村不少于一天一夜。本期应驻村 ${formatInteger(weeks.length)} 人周，达标 ${formatInteger(weeks.length - missed.length)} 人周，` +
        `未达标 ${formatInteger(missed.length)} 人周${missed.length ? '，列出如下' : ''}。`,
      { indent: sizes.body * 2 },
    );
    const weekColumns: TableColumn<OvernightWeek>[] = [
      { header: '责任人', weight: 1.4, cell: (x) => x.staffName },
      { header: '所联镇', weight: 1.6, cell: (x) => x.townName },
      {
        header: '周次',
        weight: 2.6,
        cell: (x) => `${formatDate(x.weekStart)}至${formatDate(x.weekEnd).replace(/^\d+年/, '')}`,
      },
      { header: '过夜次数', weight: 1.1, align: 'right', cell: (x) => formatInteger(x.stays) },
    ];
    if (missed.length) drawTable(rd, { caption: '表4　驻村过夜未达标', columns: weekColumns, rows: missed });
  }

  if (a.keyVillages.length > 0) {
    rd.heading('五、联系省级重点帮扶村情况');
    const kvColumns: TableColumn<KeyVillageMonth>[] = [
      { header: '县级领导', weight: 1.4, cell: (x) => x.staffName },
      { header: '重点村', weight: 1.8, cell: (x) => x.villageName },
      { header: '月份', weight: 1.4, cell: (x) => periodLabel(x.month) },
      { header: '到村次数', weight: 1.1, align: 'right', cell: (x) => formatInteger(x.visits) },
      { header: '是否达标', weight: 1.1, cell: (x) => (x.met ? '达标' : '未达标') },
    ];
    drawTable(rd, { caption: '表5　联系重点村每月到村情况', columns: kvColumns, rows: a.keyVillages });
  }

  rd.heading(`${a.keyVillages.length > 0 ? '六' : '五'}、未走访的责任对象`);
  if (a.unvisited.length === 0) rd.paragraph('本期责任对象均已走访。', { indent: sizes.body * 2 });
  else {
    rd.paragraph(`本期尚未走访的责任对象共 ${formatInteger(a.unvisited.length)} 个，请责任人尽快走访。`, {
      indent: sizes.body * 2,
    });
    const unvisitedColumns: TableColumn<UnvisitedTarget>[] = [
      { header: '责任人', weight: 1.3, cell: (x) => x.staffName },
      { header: '责任类别', weight: 1.6, cell: (x) => x.rules.map((r) => dutyRuleShortLabels[r]).join('、') },
      { header: '镇（街道）', weight: 1.4, cell: (x) => x.townName },
      { header: '对象类别', weight: 1.6, cell: (x) => visitTargetKindLabels[x.kind] },
      { header: '走访对象', weight: 1.6, cell: (x) => x.name },
    ];
    drawTable(rd, { caption: '表6　未走访的责任对象', columns: unvisitedColumns, rows: a.unvisited });
  }

  rd.heading(`${a.keyVillages.length > 0 ? '七' : '六'}、逾期未整改问题`);
  const townName = new Map(a.byTown.map((x) => [x.townId, x.name]));
  if (a.overdueProblems.length === 0)
    rd.paragraph(`截至${formatDate(a.asOf)}，没有逾期未整改的问题。`, { indent: sizes.body * 2 });
  else {
    rd.paragraph(
      `截至${formatDate(a.asOf)}，超过整改期限仍未整改完成的问题 ${formatInteger(a.overdueProblems.length)} 个，按期限先后列出。`,
      {
        indent: sizes.body * 2,
      },
    );
    const problemColumns: TableColumn<ProblemFact>[] = [
      { header: '镇（街道）', weight: 1.3, cell: (x) => townName.get(x.townId) ?? unknownUnitName },
      { header: '走访对象', weight: 1.3, cell: (x) => x.targetName },
      { header: '类别', weight: 1.1, cell: (x) => problemCategoryLabels[x.category] },
      { header: '问题', weight: 2.8, cell: (x) => maskPersonalNumbers(x.description) },
      { header: '状态', weight: 1, cell: (x) => problemStatusLabels[x.status] },
      { header: '整改期限', weight: 2.1, cell: (x) => (x.deadline ? formatDate(x.deadline) : '—') },
    ];
    drawTable(rd, { caption: '表7　逾期未整改问题', columns: problemColumns, rows: a.overdueProblems });
  }

  rd.heading('说明');
  for (const line of [
    '1. 责任对象按“十条措施”的责任分工确定：一人一条责任对一个对象计一次；覆盖率＝已走访÷应走访。',
    '2. 到村内任一农户走访，视为到过该村；统计期外的走访不计入。',
    '3. 驻村过夜按统计期内完整的自然周（周一至周日）判定，须在所联镇的村驻村过夜；跨统计期的周在含其余天数的报告中判定。',
    '4. 发现问题按走访日期计入统计期；整改率＝其中已整改数÷发现数；逾期指超过整改期限仍未整改完成。',
    '5. 本报告不含身份证号、电话号码等个人信息；请勿外传。',
  ]) {
    rd.paragraph(line, { size: sizes.body - 0.5, color: colors.muted, after: 2 });
  }
  return finishReport(rd, meta.provenance, { hasWorkbook: true });
}

function summary(a: VisitCoverage, meta: ReportMeta, periodText: string): string {
  const t = a.totals;
  const parts = [
    `${periodText}，${meta.scopeLabel}承担走访责任的 ${formatInteger(t.people)} 人应走访责任对象 ${formatInteger(t.required)} 个，` +
      `已走访 ${formatInteger(t.visited)} 个，覆盖率 ${pct(t.coverage)}；共记录走访 ${formatInteger(t.visits)} 次。`,
  ];
  if (t.overnightWeeks > 0)
    parts.push(
      `驻村过夜应达标 ${formatInteger(t.overnightWeeks)} 人周，达标 ${formatInteger(t.overnightWeeksMet)} 人周（${pct(t.overnightCompliance)}）。`,
    );
  if (t.keyVillageMonths > 0)
    parts.push(
      `联系重点村应到村 ${formatInteger(t.keyVillageMonths)} 人月，达标 ${formatInteger(t.keyVillageMonthsMet)} 人月。`,
    );
  parts.push(
    `发现问题 ${formatInteger(t.problemsFound)} 个，已整改 ${formatInteger(t.problemsRectified)} 个，整改率 ${pct(t.rectificationRate)}；` +
      (t.overdue > 0 ? `逾期未整改 ${formatInteger(t.overdue)} 个，需督促整改。` : '无逾期未整改问题。'),
  );
  return parts.join('');
}

/** The report's detail rows as a workbook: towns, rules, people, unvisited targets, stays, overdue problems. */
export async function visitCoverageWorkbook(a: VisitCoverage, generatedAt: Date): Promise<Buffer> {
  const rows = <T>(list: readonly T[], f: (x: T) => Record<string, CellValue>) => list.map(f);
  const townName = new Map(a.byTown.map((x) => [x.townId, x.name]));
  return buildWorkbook(
    [
      {
        name: '各镇',
        columns: [
          { header: '镇（街道）', key: 'name', width: 14 },
          { header: '应走访', key: 'required' },
          { header: '已走访', key: 'visited' },
          { header: '覆盖率', key: 'coverage', numFmt: '0.0%' },
          { header: '发现问题', key: 'problemsFound' },
          { header: '已整改', key: 'problemsRectified' },
          { header: '整改率', key: 'rectificationRate', numFmt: '0.0%' },
          { header: '逾期', key: 'overdue' },
        ],
        rows: rows(a.byTown, (x) => ({ ...x })),
      },
      {
        name: '分责任类别',
        columns: [
          { header: '责任类别', key: 'rule', width: 16 },
          { header: '责任人', key: 'people' },
          { header: '应走访', key: 'required' },
          { header: '已走访', key: 'visited' },
          { header: '覆盖率', key: 'coverage', numFmt: '0.0%' },
        ],
        rows: rows(a.byRule, (x) => ({ ...x, rule: dutyRuleShortLabels[x.rule] })),
      },
      {
        name: '责任人',
        columns: [
          { header: '责任人', key: 'name', width: 12 },
          { header: '责任类别', key: 'rules', width: 24 },
          { header: '应走访', key: 'required' },
          { header: '已走访', key: 'visited' },
          { header: '覆盖率', key: 'coverage', numFmt: '0.0%' },
          { header: '驻村过夜应达标周', key: 'stayWeeks' },
          { header: '驻村过夜达标周', key: 'stayWeeksMet' },
          { header: '重点村应到月', key: 'keyVillageMonths' },
          { header: '重点村达标月', key: 'keyVillageMonthsMet' },
          { header: '走访次数', key: 'visits' },
        ],
        rows: rows(a.byPerson, (x) => ({
          ...x,
          rules: x.rules.map((r) => dutyRuleShortLabels[r]).join('、'),
        })),
      },
      {
        name: '未走访对象',
        columns: [
          { header: '责任人', key: 'staffName', width: 12 },
          { header: '责任类别', key: 'rule', width: 14 },
          { header: '镇（街道）', key: 'townName', width: 12 },
          { header: '对象类别', key: 'kind', width: 16 },
          { header: '走访对象', key: 'name', width: 16 },
          // The household's number, as staff look it up; units are named, their codes are not printed.
          { header: '户编号', key: 'householdId', width: 12 },
        ],
        rows: rows(a.unvisited, ({ rules, ...x }) => ({
          ...x,
          rule: rules.map((r) => dutyRuleShortLabels[r]).join('、'),
          kind: visitTargetKindLabels[x.kind],
          householdId: x.kind === 'household' ? x.id : '',
        })),
      },
      {
        name: '驻村过夜',
        columns: [
          { header: '责任人', key: 'staffName', width: 12 },
          { header: '所联镇', key: 'townName', width: 12 },
          { header: '周一', key: 'weekStart', width: 12 },
          { header: '周日', key: 'weekEnd', width: 12 },
          { header: '过夜次数', key: 'stays' },
          { header: '是否达标', key: 'met' },
        ],
        rows: rows(a.overnight, (x) => ({ ...x, met: x.met ? '达标' : '未达标' })),
      },
      {
        name: '逾期问题',
        columns: [
          { header: '问题编号', key: 'id', width: 40 },
          { header: '镇（街道）', key: 'townName', width: 12 },
          { header: '走访对象', key: 'targetName', width: 14 },
          { header: '类别', key: 'category', width: 10 },
          { header: '问题', key: 'description', width: 40 },
          { header: '发现人', key: 'foundByName', width: 12 },
          { header: '发现日期', key: 'visitDate', width: 12 },
          { header: '状态', key: 'status', width: 10 },
          { header: '整改期限', key: 'deadline', width: 12 },
        ],
        rows: rows(a.overdueProblems, (x) => ({
          ...x,
          townName: townName.get(x.townId) ?? unknownUnitName,
          category: problemCategoryLabels[x.category],
          description: maskPersonalNumbers(x.description),
          status: problemStatusLabels[x.status],
        })),
      },
    ],
    { creator: 'Shouwang', created: generatedAt, lineage: a.lineage },
  );
}
