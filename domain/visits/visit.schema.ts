/**
 * Visits and the problems they find (十条措施): what the visit form and the
 * problem ledger submit, and what is stored in the register (kinds `visit` and
 * `problem`). The browser and the function validate with these very schemas;
 * the rules that need today's date or the stored record are plain functions
 * beside them (`visitRuleIssues`, `problemUpdateIssues`) so both sides run them.
 */
import { isoDateSchema, recordIdSchema } from '../org/org.schema.ts';
import type { FieldIssue } from '../shared/errors.ts';
import * as z from '../shared/zod-mini.ts';

export const visitKind = 'visit';
export const problemKind = 'problem';

/** What a visit can be to: a village, a community factory or a household. */
export const visitTargetKinds = ['village', 'factory', 'household'] as const;
export const visitTargetKindSchema = z.enum(visitTargetKinds, { error: '请选择走访对象类别' });
export type VisitTargetKind = z.infer<typeof visitTargetKindSchema>;
export const visitTargetKindLabels: Record<VisitTargetKind, string> = {
  village: '村/社区',
  factory: '社区工厂/帮扶车间',
  household: '农户',
};

/** Kinds of problem found on a visit, after the "一收入两不愁三保障" checklist staff work from. */
export const problemCategories = [
  'income',
  'employment',
  'industry',
  'education',
  'medical',
  'housing',
  'drinking-water',
  'policy',
  'data',
  'other',
] as const;
export const problemCategorySchema = z.enum(problemCategories, { error: '请选择问题类别' });
export type ProblemCategory = z.infer<typeof problemCategorySchema>;
export const problemCategoryLabels: Record<ProblemCategory, string> = {
  income: '收入',
  employment: '就业务工',
  industry: '产业发展',
  education: '义务教育',
  medical: '基本医疗',
  housing: '住房安全',
  'drinking-water': '饮水安全',
  policy: '政策落实',
  data: '信息数据',
  other: '其他',
};

export const problemStatuses = ['open', 'rectifying', 'rectified'] as const;
export const problemStatusSchema = z.enum(problemStatuses, { error: '请选择整改状态' });
export type ProblemStatus = z.infer<typeof problemStatusSchema>;
export const problemStatusLabels: Record<ProblemStatus, string> = {
  open: '待整改',
  rectifying: '整改中',
  rectified: '已整改',
};

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` }),
      z.maxLength(max, { error: `${label}不超过 ${max} 字` }),
    );

const optionalText = (label: string, max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max, { error: `${label}不超过 ${max} 字` }))),
    z.transform((v: string | undefined) => (v ? v : undefined)),
  );

const optionalDate = z.pipe(
  z.optional(z.union([z.literal(''), isoDateSchema])),
  z.transform((v: string | undefined) => (v ? v : undefined)),
);

/** The target as the form picks it: kind and id; the function looks up the rest. */
export const visitTargetRefSchema = z.strictObject({
  kind: visitTargetKindSchema,
  id: recordIdSchema,
});
export type VisitTargetRef = z.infer<typeof visitTargetRefSchema>;

/** One problem as the visit form reports it. */
export const foundProblemSchema = z.strictObject({
  category: problemCategorySchema,
  description: text('问题描述', 4, 500),
});
export type FoundProblem = z.infer<typeof foundProblemSchema>;

/** What the visit form submits (走访记录). The visitor is the signed-in person, never a field. */
export const visitEntrySchema = z.strictObject({
  /** Made by the client once per form fill; a retry with the same id never stores twice. */
  submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
  date: isoDateSchema,
  target: visitTargetRefSchema,
  /** 驻村过夜: the visitor stayed the night in the village. */
  overnightStay: z.boolean({ error: '请选择是否驻村过夜' }),
  findings: text('走访情况', 4, 2000),
  problems: z.array(foundProblemSchema).check(z.maxLength(20, { error: '一次走访最多登记 20 个问题' })),
  /**
   * Whose visit this is, when the county coordination office enters a leader's or
   * another duty holder's visit for them (the staff id from the directory); left
   * out for one's own visit.
   */
  visitorStaffId: z.optional(
    // A staff id: seeded ones are codes (S00012), accounts' own are their sign-in names.
    z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: '走访人无效，请从名单中选择' })),
  ),
});
export type VisitEntry = z.infer<typeof visitEntrySchema>;

/** The target as stored: with its name and place, so ledgers and reports need no lookups. */
export const visitTargetSchema = z.extend(visitTargetRefSchema, {
  name: z.string().check(z.maxLength(60)),
  townId: z.string(),
  villageId: z.optional(z.string()),
});
export type VisitTarget = z.infer<typeof visitTargetSchema>;

/** The visitor as stored: the account, and the staff record that carries the duties when known. */
export const visitorSchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  /** The directory's staff id; absent when the account has no staff record. */
  staffId: z.optional(z.string()),
  /** Who entered the visit, when it was entered on the visitor's behalf (县协调办代录). */
  enteredBy: z.optional(z.strictObject({ userId: z.string(), name: z.string() })),
});
export type Visitor = z.infer<typeof visitorSchema>;

/** A stored visit's data (`StoredRecord<VisitData>`). */
export const visitDataSchema = z.extend(
  z.omit(visitEntrySchema, { submissionId: true, target: true, problems: true, visitorStaffId: true }),
  {
    visitor: visitorSchema,
    target: visitTargetSchema,
    /** Ids of the problem records this visit opened, in the order found. */
    problemIds: z.array(z.string()),
  },
);
export type VisitData = z.infer<typeof visitDataSchema>;

/** A stored problem's data (`StoredRecord<ProblemData>`): what was found, and its rectification (整改). */
export const problemDataSchema = z.extend(foundProblemSchema, {
  visitId: z.string(),
  visitDate: isoDateSchema,
  foundBy: visitorSchema,
  target: visitTargetSchema,
  status: problemStatusSchema,
  measures: z.optional(z.string()),
  deadline: z.optional(isoDateSchema),
  completedOn: z.optional(isoDateSchema),
  evidence: z.optional(z.string()),
});
export type ProblemData = z.infer<typeof problemDataSchema>;

/** What the problem ledger's edit form submits (整改): the new state of the rectification. */
export const problemUpdateSchema = z.strictObject({
  submissionId: z.uuid({ error: '提交编号无效，请刷新页面后重填' }),
  /** The version the person edited: a stale one is refused (409). */
  expectedVersion: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
  status: problemStatusSchema,
  measures: optionalText('整改措施', 1000),
  deadline: optionalDate,
  completedOn: optionalDate,
  /** 整改佐证: what proves the problem is solved (documents, photos' file numbers, a witness). */
  evidence: optionalText('整改佐证', 1000),
  reason: optionalText('修改原因', 200),
});
export type ProblemUpdate = z.infer<typeof problemUpdateSchema>;

/** Field rules of a visit that need today's date (Asia/Shanghai, `YYYY-MM-DD`). */
export function visitRuleIssues(entry: Pick<VisitEntry, 'date'>, today: string): FieldIssue[] {
  return entry.date > today
    ? [{ path: 'date', code: 'VISIT.DATE_IN_FUTURE', message: '走访日期不能晚于今天' }]
    : [];
}

/** Which status may follow which: forward only, so a closed problem is not silently reopened. */
const statusOrder: Record<ProblemStatus, number> = { open: 0, rectifying: 1, rectified: 2 };

/**
 * The rectification rules (both sides): to close a problem, the completion date
 * and the evidence are required; a completion date is not in the future nor
 * before the problem was found; a problem in rectification has measures and a
 * deadline; status moves forward only.
 */
export function problemUpdateIssues(
  update: Pick<ProblemUpdate, 'status'> &
    Partial<Pick<ProblemUpdate, 'measures' | 'deadline' | 'completedOn' | 'evidence'>>,
  context: { today: string; visitDate?: string; currentStatus?: ProblemStatus },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message });
  if (context.currentStatus && statusOrder[update.status] < statusOrder[context.currentStatus]) {
    add(
      'status',
      'PROBLEM.STATUS_BACKWARD',
      `该问题已是“${problemStatusLabels[context.currentStatus]}”，不能改回“${problemStatusLabels[update.status]}”`,
    );
  }
  if (update.status !== 'open') {
    if (!update.measures) add('measures', 'PROBLEM.MEASURES_REQUIRED', '请填写整改措施');
    if (!update.deadline) add('deadline', 'PROBLEM.DEADLINE_REQUIRED', '请填写整改期限');
  }
  if (update.deadline && context.visitDate && update.deadline < context.visitDate) {
    add('deadline', 'PROBLEM.DEADLINE_BEFORE_FOUND', '整改期限不能早于发现问题的日期');
  }
  if (update.status === 'rectified') {
    if (!update.evidence || update.evidence.length < 4)
      add('evidence', 'PROBLEM.EVIDENCE_REQUIRED', '整改完成须填写整改佐证（至少 4 个字）');
    if (!update.completedOn) add('completedOn', 'PROBLEM.COMPLETED_ON_REQUIRED', '请填写整改完成日期');
  } else if (update.completedOn) {
    add('completedOn', 'PROBLEM.COMPLETED_ON_NOT_CLOSED', '尚未整改完成，不应填写完成日期');
  }
  if (update.completedOn) {
    if (update.completedOn > context.today)
      add('completedOn', 'PROBLEM.COMPLETED_IN_FUTURE', '整改完成日期不能晚于今天');
    if (context.visitDate && update.completedOn < context.visitDate)
      add('completedOn', 'PROBLEM.COMPLETED_BEFORE_FOUND', '整改完成日期不能早于发现问题的日期');
  }
  return issues;
}

/** Overdue (逾期): not rectified and the deadline has passed (the deadline day itself is still in time). */
export function isProblemOverdue(p: Pick<ProblemData, 'status' | 'deadline'>, today: string): boolean {
  return p.status !== 'rectified' && p.deadline !== undefined && p.deadline < today;
}

/** Record ids derived from the submission id, so a retry makes the same ids. */
export const visitIdOf = (submissionId: string): string => `V-${submissionId}`;
export const problemIdOf = (submissionId: string, index: number): string => `P-${submissionId}-${index + 1}`;
/** The submission id under which one problem of a visit is stored: idempotent on its own. */
export const problemSubmissionIdOf = (submissionId: string, index: number): string =>
  `${submissionId}-p${index + 1}`;
