/**
 * A logic-rule run (逻辑校验): village by village, the rules of
 * `domain/quality/quality.rules.ts` over the month's records; each finding is
 * stored as an open error record assigned to the household's village. The
 * record id and the submission id both derive from (rule, subject), so a re-run,
 * or a run retried after a crash, stores nothing twice.
 */
import type { Principal } from '#domain/auth/roles.ts';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import { createRecord } from '#domain/records/record.commands.ts';
import { qualityKinds } from '#domain/quality/quality.schema.ts';
import {
  duplicatePersonFindings,
  findingToError,
  runQualityRules,
  type Finding,
  type QualityPerson,
  type RuleId,
} from '#domain/quality/quality.rules.ts';
import { lastDayOfPeriod, previousPeriod, shanghaiDate, type Period } from '#domain/shared/period.ts';
import { mapLimit } from '../jobs/job.types.ts';
import { directoryVersion, getRuleSweepState, putRuleSweepState } from '../store/directory.version.ts';
import { listRecordIds, recordRepository } from '../store/records.repository.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { readVillage } from '../store/quality-source.repository.ts';

export interface RuleRunResult {
  period: Period;
  villages: number;
  findings: number;
  /** Error records this run stored; the rest existed from earlier runs. */
  created: number;
  byRule: Partial<Record<RuleId, number>>;
}

/** The actor the rule run records in each error's history. */
export function ruleRunner(countyCode: string): Principal {
  return {
    userId: 'system-quality-rules',
    name: '逻辑校验（系统）',
    countyCode,
    role: 'monitoring-centre',
    unitId: countyCode,
  };
}

export async function runRuleSweep(input: {
  countyCode: string;
  period: Period;
  now: Date;
  /** Who asked: recorded in the history; the rule runner for the nightly job. */
  who?: Principal;
  /** Only these towns (an on-demand run for one town); default all. */
  townId?: string;
  /**
   * `when-changed` (the nightly run): read the people, household by household,
   * only if the directory changed since the last complete sweep read them; else
   * run the rules on income and households alone. Default `always`.
   */
  people?: 'always' | 'when-changed';
  progress?: (m: string) => void;
}): Promise<RuleRunResult & { peopleRead: boolean }> {
  const county = input.countyCode;
  const wholeCounty = !input.townId;
  // Read before the people, so a change made during the sweep makes the next one read them again.
  const version = await directoryVersion(county);
  const last = wholeCounty ? await getRuleSweepState(county) : undefined;
  const readPeople = input.people !== 'when-changed' || last?.directoryVersion !== version;
  // Findings already registered are not written again (the ids derive from rule and subject).
  const known = new Set(await listRecordIds(county, qualityKinds.error));
  const who = input.who ?? ruleRunner(county);
  const units: OrgUnit[] = await listOrgUnits(county);
  const villages = units.filter(
    (u) => u.kind === 'village' && (!input.townId || u.parentId === input.townId),
  );
  // A finding is dated by the data it is about: the swept month (or today, while that month runs).
  const monthEnd = lastDayOfPeriod(input.period);
  const today = shanghaiDate(input.now);
  const foundOn = today < monthEnd ? today : monthEnd;
  let findings = 0;
  let created = 0;
  const byRule: Partial<Record<RuleId, number>> = {};
  // Duplicates cross village lines: people are gathered (ids, names, ID numbers only) for one county-wide pass.
  const people: QualityPerson[] = [];
  const places = new Map<string, { villageId: string; townId: string }>();
  const store = async (found: readonly Finding[]) => {
    findings += found.length;
    for (const f of found) {
      byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      const e = findingToError(f, foundOn);
      if (known.has(e.id)) continue;
      const { replayed } = await createRecord(
        {
          kind: qualityKinds.error,
          id: e.id,
          data: e.data,
          location: { countyCode: county, ...e.location },
          scope: 'county',
        },
        {
          who,
          repo: recordRepository,
          now: input.now,
          submissionId: `rule-${e.id}`,
          form: 'quality-rule-run',
        },
      ).catch((err: unknown) => {
        // Found by an earlier run under another submission id (e.g. the record was re-made): not a new error.
        if ((err as { code?: string }).code === 'RECORD.VERSION_CONFLICT') return { replayed: true };
        throw err;
      });
      if (!replayed) created += 1;
    }
  };
  await mapLimit(villages, 4, async (v) => {
    const data = await readVillage(county, v, input.period, previousPeriod(input.period), {
      people: readPeople,
    });
    people.push(...data.people);
    for (const h of data.households) places.set(h.id, { villageId: h.villageId, townId: h.townId });
    await store(
      runQualityRules({ ...data, now: input.now, checkPeople: readPeople }).filter((f) => f.ruleId !== 'DUP'),
    );
  });
  if (readPeople) await store(duplicatePersonFindings(people, places));
  // Written only when it changes, so a re-run over an unchanged store writes nothing at all.
  if (readPeople && wholeCounty && last?.directoryVersion !== version)
    await putRuleSweepState(county, { directoryVersion: version, at: input.now.toISOString() });
  input.progress?.(
    `逻辑校验：${villages.length} 个村（社区）${readPeople ? '' : '（名录自上次校验后无变化，未重读家庭成员）'}，发现 ${findings} 条，新建错误记录 ${created} 条`,
  );
  return {
    period: input.period,
    villages: villages.length,
    findings,
    created,
    byRule,
    peopleRead: readPeople,
  };
}
