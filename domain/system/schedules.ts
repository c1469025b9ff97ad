/**
 * The county's calendar as cron schedules, read by EventBridge Scheduler (CDK) and
 * by croner (local). Fields: minute hour day-of-month month day-of-week, evaluated
 * in Asia/Shanghai. Day-of-week is 0–6 with 0 = Sunday (croner's and Unix cron's
 * numbering); `toEventBridgeCron` translates it to EventBridge's names.
 *
 * Each schedule invokes one job kind with its `variant`; the job function receives
 * only `{ job, scheduleId }` and looks the variant up here, so the calendar is
 * described once.
 */
export const scheduleTimeZone = 'Asia/Shanghai';

/**
 * Every job the calendar names. A kind whose job has not landed yet is still
 * declared, so the calendar is complete; the dispatcher answers it with
 * `JOB.NOT_IMPLEMENTED` until it does.
 */
export const jobKinds = [
  'monthly-income',
  'income-quarterly',
  'reminder-letters',
  'petition-summary',
  'visit-coverage',
  'data-quality',
  'delivery-retry',
] as const;
export type JobKind = (typeof jobKinds)[number];

/** Which run of a job kind a schedule asks for (weekly or monthly coverage, the deadline a letter is about…). */
export const jobVariants = [
  'monthly',
  'weekly',
  'quarterly',
  'town-review',
  'village-entry-overdue',
  'town-review-overdue',
  'items-overdue',
  'sweep',
  'rules',
] as const;
export type JobVariant = (typeof jobVariants)[number];

export interface ScheduleDef {
  id: string;
  job: JobKind;
  variant: JobVariant;
  /** Five-field cron in `scheduleTimeZone`. */
  cron: string;
  description: string;
  /**
   * Set on the schedules bound to a deadline of the income cycle. A deadline moves
   * off weekends and holidays (调休), which no cron can follow, so such a schedule
   * fires every day of a window at its hour and the job runs only on the day the
   * working calendar gives (`runDayOf` in `run-days.ts`), answering
   * `JOB.NOT_DUE_TODAY` on the other days (no report, no email, no archive).
   */
  deadlineBound?: true;
}

/**
 * The days of the calendar: the county's rules (domain.md), kept as data so a
 * county with other deadlines changes numbers, not code. The income deadlines
 * must agree with `CountyConfig.deadlines`.
 */
export interface CalendarConfig {
  /** Villages enter last month's income by this day (6th). */
  villageEntryDay: number;
  /** Towns finish their review by this day (7th). */
  townReviewDay: number;
  /** The county compares and reports on this day (8th). */
  countyAnalysisDay: number;
  /** Town petition reviews, every day with a 4 in it (逢四研事). */
  petitionReviewDays: readonly number[];
  /** Minutes between sweeps that retry failed deliveries. */
  retrySweepMinutes: number;
  /**
   * Days a deadline-bound schedule keeps firing after its configured day, for the
   * deadline moved off a holiday: the Spring Festival with its weekends, plus the
   * day after, is at most twelve, so twenty leaves room for a county's own days off.
   */
  deadlineWindowDays: number;
}

export const defaultCalendar: CalendarConfig = {
  villageEntryDay: 6,
  townReviewDay: 7,
  countyAnalysisDay: 8,
  petitionReviewDays: [4, 14, 24],
  retrySweepMinutes: 15,
  deadlineWindowDays: 20,
};

const quarterMonths = '1,4,7,10';

/**
 * Builds the schedules from the calendar. Deadline checks run just after the
 * deadline day ends (00:30 on the first working day after it), so an entry made
 * late on the deadline day is still on time; reports for people run in the morning.
 * The deadline-bound ones fire daily from their configured day through
 * `deadlineWindowDays` later; the job keeps only its day (see `ScheduleDef.deadlineBound`).
 */
export function buildSchedules(cal: CalendarConfig): ScheduleDef[] {
  const window = (first: number) => `${first}-${Math.min(first + cal.deadlineWindowDays, 31)}`;
  return [
    {
      id: 'income-village-entry-deadline',
      job: 'reminder-letters',
      variant: 'village-entry-overdue',
      cron: `30 0 ${window(cal.villageEntryDay + 1)} * *`,
      description: `村级收入录入截止（每月${cal.villageEntryDay}日，遇节假日顺延）后的第一个工作日 00:30：未录入单位清单，向所在镇发提醒函`,
      deadlineBound: true,
    },
    {
      id: 'income-town-review-deadline',
      job: 'reminder-letters',
      variant: 'town-review-overdue',
      cron: `30 0 ${window(cal.townReviewDay + 1)} * *`,
      description: `镇级比对研判截止（每月${cal.townReviewDay}日，遇节假日顺延）后的第一个工作日 00:30：未完成单位清单，向镇发提醒函`,
      deadlineBound: true,
    },
    {
      id: 'monthly-income',
      job: 'monthly-income',
      variant: 'monthly',
      cron: `0 9 ${window(cal.countyAnalysisDay)} * *`,
      description: `镇级比对研判截止后的第一个工作日（不早于县级比对截止日，每月${cal.countyAnalysisDay}日，遇节假日顺延）09:00 月度收入分析研判报告（全县报县级领导，各镇报本镇党政主要领导）`,
      deadlineBound: true,
    },
    {
      id: 'petition-review-digest',
      job: 'petition-summary',
      variant: 'town-review',
      cron: `0 8 ${cal.petitionReviewDays.join(',')} * *`,
      description: `每月${cal.petitionReviewDays.join('、')}日 08:00 信访舆情汇总（供镇逢四研事）`,
    },
    {
      id: 'visit-coverage-weekly',
      job: 'visit-coverage',
      variant: 'weekly',
      cron: '0 8 * * 1',
      description: '每周一 08:00 上周走访排查覆盖情况',
    },
    {
      id: 'visit-coverage-monthly',
      job: 'visit-coverage',
      variant: 'monthly',
      cron: '0 8 1 * *',
      description: '每月1日 08:00 上月走访排查覆盖情况',
    },
    {
      id: 'petition-summary-monthly',
      job: 'petition-summary',
      variant: 'monthly',
      cron: '15 8 1 * *',
      description: '每月1日 08:15 上月信访舆情汇总',
    },
    {
      id: 'data-quality-monthly',
      job: 'data-quality',
      variant: 'monthly',
      cron: '30 8 1 * *',
      description: '每月1日 08:30 上月数据质量通报',
    },
    {
      id: 'petition-summary-quarterly',
      job: 'petition-summary',
      variant: 'quarterly',
      cron: `0 10 1 ${quarterMonths} *`,
      description: '每季度首月1日 10:00 上季度信访舆情汇总',
    },
    {
      // The quarter's last month is complete only after its monthly analysis (the 8th, moved).
      id: 'income-quarterly',
      job: 'income-quarterly',
      variant: 'quarterly',
      cron: `0 10 ${window(cal.countyAnalysisDay + 1)} ${quarterMonths} *`,
      description:
        '每季度首月，上季度末月的月度收入分析研判后的第一个工作日 10:00 上季度收入分析研判材料（供县季度研判会）',
      deadlineBound: true,
    },
    {
      // The logic rules over stored records, every night; findings become error records (no duplicates on re-run).
      id: 'data-quality-rules-nightly',
      job: 'data-quality',
      variant: 'rules',
      cron: '0 2 * * *',
      description: '每日 02:00 数据逻辑规则校验（发现的问题登记为数据错误，重复运行不重复登记）',
    },
    {
      id: 'overdue-reminders-daily',
      job: 'reminder-letters',
      variant: 'items-overdue',
      cron: '0 7 * * *',
      description: '每日 07:00 新逾期的整改问题和信访件提醒函（每单位每日至多一函）',
    },
    {
      id: 'delivery-retry',
      job: 'delivery-retry',
      variant: 'sweep',
      cron: `*/${cal.retrySweepMinutes} * * * *`,
      description: `每${cal.retrySweepMinutes}分钟重试到期的失败投递`,
    },
  ];
}

export const schedules: readonly ScheduleDef[] = buildSchedules(defaultCalendar);

export function scheduleById(id: string): ScheduleDef | undefined {
  return schedules.find((s) => s.id === id);
}

const dowNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Unix day-of-week (0–7, 0 and 7 = Sunday) to EventBridge's name; EventBridge counts 1 = Sunday. */
function eventBridgeDow(field: string): string {
  return field.replace(/\d+/g, (n) => {
    const name = dowNames[Number(n) % 7];
    if (name === undefined) throw new Error(`bad day of week ${n}`);
    return name;
  });
}

/** `*\/n` in a field that counts from 0 (minutes, hours) is `0/n` in EventBridge; from 1 (days, months), `1/n`. */
function eventBridgeStep(field: string, start: number): string {
  return field.replace(/^\*\//, `${start}/`);
}

/**
 * EventBridge Scheduler's six-field cron: `cron(min hour dom month dow year)`. One
 * of dom/dow must be `?`; day-of-week is written by name because EventBridge
 * numbers it 1–7 from Sunday where cron numbers 0–6. A cron restricting both the
 * day of month and the day of week has no EventBridge equivalent and is refused.
 */
export function toEventBridgeCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron must have five fields: ${cron}`);
  const [min, hour, dom, month, dow] = fields as [string, string, string, string, string];
  if (dom !== '*' && dow !== '*')
    throw new Error(`cron restricts both day of month and day of week: ${cron}`);
  const useDow = dow !== '*';
  return `cron(${eventBridgeStep(min, 0)} ${eventBridgeStep(hour, 0)} ${useDow ? '?' : eventBridgeStep(dom, 1)} ${eventBridgeStep(month, 1)} ${useDow ? eventBridgeDow(dow) : '?'} *)`;
}
