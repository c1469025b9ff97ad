/**
 * The target picker of the visit form: what the person is responsible for first
 * (their duty targets under the ten measures, from the duty rules over the
 * directory), then everything else they may record a visit to.
 */
import { dutyRules, type DutyRule, type PersonDuties } from '../duties/duty-rules.ts';
import { householdCategoryLabels, type Household, type OrgUnit } from '../org/org.schema.ts';
import type { VisitTargetKind } from './visit.schema.ts';

export interface TargetChoice {
  kind: VisitTargetKind;
  id: string;
  name: string;
  townId: string;
  villageId?: string;
  /** Where it is and what it is, e.g. `柳树村 · 监测户`. */
  detail: string;
  /** The duty rules that make it the person's target; empty for other targets. */
  rules: DutyRule[];
}

export interface TargetChoices {
  mine: TargetChoice[];
  others: TargetChoice[];
}

const kindOrder: Record<VisitTargetKind, number> = { village: 0, factory: 1, household: 2 };

/**
 * Duty targets first (ordered by rule, then kind, then id), then the villages,
 * factories and households in `units`/`households` the caller may reach, minus
 * those already listed. `reachable` is the caller's scope check.
 */
export function targetChoices(input: {
  duties: PersonDuties | undefined;
  units: readonly OrgUnit[];
  /** The households the duties name (and, unless `otherHouseholds` is false, the others to offer). */
  households: readonly Household[];
  reachable: (loc: { townId: string; villageId?: string }) => boolean;
  /** False to offer no household beyond the duties (a county-level caller's list would be the county's). */
  otherHouseholds?: boolean;
}): TargetChoices {
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const householdById = new Map(input.households.map((h) => [h.id, h]));
  const unitName = (id: string | undefined) => (id ? (unitById.get(id)?.name ?? id) : '');
  const describe = (kind: VisitTargetKind, id: string): Omit<TargetChoice, 'rules'> | undefined => {
    if (kind === 'household') {
      const h = householdById.get(id);
      if (!h) return undefined;
      return {
        kind,
        id,
        name: h.headName,
        townId: h.townId,
        villageId: h.villageId,
        detail: `${unitName(h.villageId)} · ${householdCategoryLabels[h.category]} · ${h.id}`,
      };
    }
    const u = unitById.get(id);
    if (!u || u.kind !== kind || !u.parentId) return undefined;
    return {
      kind,
      id,
      name: u.name,
      townId: u.parentId,
      ...(kind === 'village' ? { villageId: u.id } : {}),
      detail: `${unitName(u.parentId)}${u.keyVillage ? ' · 省级重点帮扶村' : ''}`,
    };
  };

  const mine = new Map<string, TargetChoice>();
  for (const t of input.duties?.targets ?? []) {
    const key = `${t.kind}:${t.id}`;
    const known = mine.get(key);
    if (known) {
      if (!known.rules.includes(t.rule)) known.rules.push(t.rule);
      continue;
    }
    const d = describe(t.kind, t.id);
    if (d) mine.set(key, { ...d, rules: [t.rule] });
  }
  const ruleRank = (c: TargetChoice) => Math.min(...c.rules.map((r) => dutyRules.indexOf(r)));
  const byPlace = (a: TargetChoice, b: TargetChoice) =>
    kindOrder[a.kind] - kindOrder[b.kind] || a.townId.localeCompare(b.townId) || a.id.localeCompare(b.id);

  const others: TargetChoice[] = [];
  const candidates: [VisitTargetKind, string][] = [
    ...input.units
      .filter((u) => u.kind === 'village' || u.kind === 'factory')
      .map((u) => [u.kind as VisitTargetKind, u.id] as [VisitTargetKind, string]),
    ...(input.otherHouseholds === false ? [] : input.households).map(
      (h) => ['household', h.id] as [VisitTargetKind, string],
    ),
  ];
  for (const [kind, id] of candidates) {
    if (mine.has(`${kind}:${id}`)) continue;
    const d = describe(kind, id);
    if (d && input.reachable(d)) others.push({ ...d, rules: [] });
  }
  return {
    mine: [...mine.values()].sort((a, b) => ruleRank(a) - ruleRank(b) || byPlace(a, b)),
    others: others.sort(byPlace),
  };
}
