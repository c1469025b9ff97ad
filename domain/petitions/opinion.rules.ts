/** Rules on public-opinion items: dates in order, a reply dated when given. */
import { ValidationError, type FieldIssue } from '../shared/errors.ts';
import type { Opinion, OpinionUpdate } from './opinion.schema.ts';

export function opinionIssues(o: Omit<Opinion, 'callbacks'>, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (o.discoveredDate > today)
    issues.push({ path: 'discoveredDate', code: 'OPINION.DATE_IN_FUTURE', message: '发现日期不能晚于今天' });
  if (o.officialReply && !o.replyDate)
    issues.push({
      path: 'replyDate',
      code: 'OPINION.REPLY_DATE_REQUIRED',
      message: '已回复的须填写回复日期',
    });
  if (o.replyDate && !o.officialReply)
    issues.push({
      path: 'officialReply',
      code: 'OPINION.REPLY_REQUIRED',
      message: '填写了回复日期，请同时填写官方回复内容',
    });
  if (o.replyDate && (o.replyDate < o.discoveredDate || o.replyDate > today))
    issues.push({
      path: 'replyDate',
      code: 'OPINION.REPLY_DATE_INVALID',
      message: '回复日期应在发现日期与今天之间',
    });
  return issues;
}

function assertOk(issues: FieldIssue[]): void {
  const first = issues[0];
  if (first) throw new ValidationError(issues, first.code, first.message);
}

/** A new item from the form: checked, with no callbacks yet. */
export function newOpinion(o: Omit<Opinion, 'callbacks'>, today: string): Opinion {
  assertOk(opinionIssues(o, today));
  return { ...o, callbacks: [] };
}

/** Investigation and reply as they come in; a callback is appended, never rewritten. */
export function applyOpinionUpdate(current: Opinion, u: OpinionUpdate, today: string): Opinion {
  const { submissionId: _s, expectedVersion: _v, addCallback, ...fields } = u;
  const next: Opinion = { ...current, ...fields };
  const issues = opinionIssues(next, today);
  if (addCallback) {
    if (addCallback.date > today)
      issues.push({
        path: 'addCallback.date',
        code: 'OPINION.DATE_IN_FUTURE',
        message: '回访日期不能晚于今天',
      });
    if (addCallback.date < current.discoveredDate)
      issues.push({
        path: 'addCallback.date',
        code: 'OPINION.CALLBACK_BEFORE_DISCOVERY',
        message: '回访日期不能早于发现日期',
      });
  }
  assertOk(issues);
  return addCallback ? { ...next, callbacks: [...current.callbacks, addCallback] } : next;
}
