/**
 * The town's review (by the 7th: 比对分析研判和信息修正) and the county's
 * comparison rounds (by the 8th: 县级比对, suspicious records sent back). Both
 * change a stored income record conditionally on its version, keep the original
 * in the history, and are checked against the record *as stored*.
 *
 * Both are windows, as village entry is (`income.window.ts`): a review after the
 * (moved) town-review deadline and a comparison round after the (moved)
 * county-comparison deadline are refused, unless the county has reopened the
 * period for the unit. A town answering a record the county sent back (an open
 * comparison round) may still correct or explain it after its own deadline: the
 * county sends records back on the 8th, after the town review has closed.
 */
import { assertReach } from '../auth/access.ts';
import type { Principal, Scope } from '../auth/roles.ts';
import { yearConfig, type CountyConfig } from '../config/county-config.ts';
import { diff } from '../records/record.commands.ts';
import {
  DomainError,
  NotFoundError,
  SubmissionReusedError,
  ValidationError,
  VersionConflictError,
} from '../shared/errors.ts';
import { periodParts, previousPeriod } from '../shared/period.ts';
import { netIncome, perCapitaNet } from './income.calc.ts';
import type { IncomeRepository } from './income.port.ts';
import { assertFallCause } from './income.rules.ts';
import { assertComparisonOpen, assertReviewOpen } from './income.window.ts';
import {
  openCountyRound,
  type IncomeCountyFlag,
  type IncomeRecord,
  type IncomeReview,
} from './income.schema.ts';
import { pickValues, type SubmitIncomeResult } from './income.submit.ts';

interface Deps {
  repo: IncomeRepository;
  config: CountyConfig;
  now: Date;
}

/** Finds the stored record behind a request, checks reach and version; replays a repeated submission. */
async function loadForChange(
  req: { submissionId: string; period: string; householdId: string; expectedVersion: number },
  who: Principal,
  scope: Scope,
  repo: IncomeRepository,
): Promise<{ replay: IncomeRecord } | { current: IncomeRecord }> {
  const county = who.countyCode;
  const earlier = await repo.findSubmission(county, req.submissionId);
  if (earlier) {
    assertReach(who, scope, earlier);
    if (earlier.householdId !== req.householdId || earlier.period !== req.period)
      throw new SubmissionReusedError();
    return { replay: earlier };
  }
  const household = await repo.getHousehold(county, req.householdId);
  if (!household) throw new NotFoundError('INCOME.HOUSEHOLD_NOT_FOUND', '未找到该农户');
  const current = await repo.getRecord(county, req.period, household);
  if (!current) throw new NotFoundError('INCOME.RECORD_NOT_FOUND', '该户本月尚未录入收入，无法审核');
  assertReach(who, scope, current);
  if (current.version !== req.expectedVersion)
    throw new VersionConflictError('INCOME.VERSION_CONFLICT', current.version);
  return { current };
}

async function save(
  current: IncomeRecord,
  next: IncomeRecord,
  who: Principal,
  meta: { submissionId: string; at: string; form: string; action: string; reason?: string },
  repo: IncomeRepository,
): Promise<SubmitIncomeResult> {
  const stored = await repo.saveRecord(next, current.version, {
    submissionId: meta.submissionId,
    actorId: who.userId,
    actorName: who.name,
    at: meta.at,
    form: meta.form,
    // `update` as every register's history says; the step says which one (e.g. review:corrected).
    action: 'update',
    step: meta.action,
    ...(meta.reason ? { reason: meta.reason } : {}),
    changes: diff(pickValues(current), pickValues(next)),
  });
  return { record: stored, replayed: stored.updatedAt !== meta.at };
}

/**
 * Town staff accept a record, correct it with a reason (the original stays in
 * the history), mark it suspicious, or explain it. A record the county marked in
 * a comparison round must be corrected or explained, not simply accepted.
 */
export async function reviewIncome(
  req: IncomeReview,
  who: Principal,
  deps: Deps,
): Promise<SubmitIncomeResult> {
  const loaded = await loadForChange(req, who, 'town', deps.repo);
  if ('replay' in loaded) return { record: loaded.replay, replayed: true };
  const { current } = loaded;
  const open = openCountyRound(current);
  if (!open)
    assertReviewOpen(
      current.period,
      current,
      deps.now,
      deps.config,
      await deps.repo.listEntryWindows(who.countyCode, current.period),
    );
  if (open && req.action === 'accept') {
    throw new ValidationError(
      [
        {
          path: 'action',
          code: 'county_round_open',
          message: `县级第 ${open.round} 轮比对标记为疑似，请更正数值或填写情况说明`,
        },
      ],
      'INCOME.COUNTY_FLAG_OPEN',
    );
  }
  if (req.action !== 'correct' && (req.components || req.memberCount !== undefined)) {
    throw new ValidationError([
      { path: 'components', code: 'not_correcting', message: '只有选择“更正”时才能修改数值' },
    ]);
  }
  const at = deps.now.toISOString();
  const reason = req.reason?.trim();
  let values: Pick<IncomeRecord, 'memberCount' | 'components' | 'netIncome' | 'perCapitaNet'> & {
    fallCause?: IncomeRecord['fallCause'];
  } = current;
  if (req.action === 'correct') {
    const components = req.components ?? current.components;
    const memberCount = req.memberCount ?? current.memberCount;
    const fallCause = req.fallCause ?? current.fallCause;
    const household = await deps.repo.getHousehold(who.countyCode, current.householdId);
    const previous = household
      ? await deps.repo.getRecord(who.countyCode, previousPeriod(current.period), household)
      : undefined;
    assertFallCause(
      {
        submissionId: req.submissionId,
        period: current.period,
        householdId: current.householdId,
        memberCount,
        components,
        expectedVersion: req.expectedVersion,
        ...(fallCause ? { fallCause } : {}),
      },
      previous?.netIncome,
      yearConfig(deps.config, periodParts(current.period).year),
    );
    values = {
      memberCount,
      components,
      netIncome: netIncome(components),
      perCapitaNet: perCapitaNet(components, memberCount),
      ...(fallCause ? { fallCause } : {}),
    };
  }
  const action = (
    { accept: 'accepted', correct: 'corrected', flag: 'flagged', explain: 'explained' } as const
  )[req.action];
  const rounds = current.countyRounds?.map((r) =>
    r === open && (action === 'corrected' || action === 'explained')
      ? { ...r, response: { action, note: reason ?? '', at, byName: who.name } }
      : r,
  );
  const { fallCause: _drop, ...base } = current;
  void _drop;
  const next: IncomeRecord = {
    ...base,
    ...values,
    status: action === 'flagged' ? 'flagged' : 'reviewed',
    version: current.version + 1,
    lastSubmissionId: req.submissionId,
    updatedBy: who.userId,
    updatedAt: at,
    sourceForm: 'income-review',
    review: { action, at, by: who.userId, byName: who.name, ...(reason ? { reason } : {}) },
    ...(rounds ? { countyRounds: rounds } : {}),
  };
  return save(
    current,
    next,
    who,
    {
      submissionId: req.submissionId,
      at,
      form: 'income-review',
      action: `review:${action}`,
      ...(reason ? { reason } : {}),
    },
    deps.repo,
  );
}

/**
 * The monitoring centre marks a record suspicious in a numbered comparison round
 * (每轮比对): the record goes back to the town as 疑似 with the note; each round is
 * kept on the record and in its history.
 */
export async function flagIncomeByCounty(
  req: IncomeCountyFlag,
  who: Principal,
  deps: Deps,
): Promise<SubmitIncomeResult> {
  const loaded = await loadForChange(req, who, 'county', deps.repo);
  if ('replay' in loaded) return { record: loaded.replay, replayed: true };
  const { current } = loaded;
  assertComparisonOpen(
    current.period,
    current,
    deps.now,
    deps.config,
    await deps.repo.listEntryWindows(who.countyCode, current.period),
  );
  const rounds = current.countyRounds ?? [];
  if (rounds.some((r) => r.round >= req.round)) {
    throw new DomainError(
      'INCOME.ROUND_EXISTS',
      `该记录已有第 ${Math.max(...rounds.map((r) => r.round))} 轮比对记录，请使用更大的轮次`,
      'conflict',
      [{ path: 'round', code: 'round_exists', message: '该轮次已标记过此记录' }],
    );
  }
  const at = deps.now.toISOString();
  const next: IncomeRecord = {
    ...current,
    status: 'flagged',
    version: current.version + 1,
    lastSubmissionId: req.submissionId,
    updatedBy: who.userId,
    updatedAt: at,
    sourceForm: 'income-county-compare',
    countyRounds: [...rounds, { round: req.round, note: req.note, at, byName: who.name }],
  };
  return save(
    current,
    next,
    who,
    {
      submissionId: req.submissionId,
      at,
      form: 'income-county-compare',
      action: `county-round:${req.round}`,
      reason: req.note,
    },
    deps.repo,
  );
}
