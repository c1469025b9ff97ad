/**
 * The county's calendar as cron schedules, read by EventBridge Scheduler (CDK) and
 * by croner (local). Fields: minute hour day-of-month month day-of-week, evaluated
 * in Asia/Shanghai.
 */
export const scheduleTimeZone = 'Asia/Shanghai';

export const jobKinds = ['monthly-income'] as const;
export type JobKind = (typeof jobKinds)[number];

export interface ScheduleDef {
  id: string;
  job: JobKind;
  /** Five-field cron in `scheduleTimeZone`. */
  cron: string;
  description: string;
}

export const schedules = [
  {
    id: 'monthly-income-8th',
    job: 'monthly-income',
    cron: '0 9 8 * *',
    description: '每月8日 09:00 县级月度收入分析研判报告',
  },
] as const satisfies readonly ScheduleDef[];

/** EventBridge Scheduler's six-field cron: `cron(min hour dom month dow year)`; one of dom/dow must be `?`. */
export function toEventBridgeCron(cron: string): string {
  const [min, hour, dom, month, dow] = cron.split(/\s+/);
  const useDow = dom === '*' && dow !== '*';
  return `cron(${min} ${hour} ${useDow ? '?' : dom} ${month} ${useDow ? dow : '?'} *)`;
}
