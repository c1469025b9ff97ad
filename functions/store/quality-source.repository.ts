/**
 * What the data-quality rules and report read from the store, read tolerantly:
 * the rules exist to find records that break the schemas, so nothing here
 * parses strictly. Fields are copied one by one; keys never leave.
 */
import type { Household, OrgUnit } from '#domain/org/org.schema.ts';
import type { QualityIncome, QualityPerson } from '#domain/quality/quality.rules.ts';
import type { Period } from '#domain/shared/period.ts';
import { mapLimit } from '../platform/concurrency.ts';
import { keys } from './keys.ts';
import { queryAll } from './dynamo.ts';
import { listVillageHouseholds } from './org.repository.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A village's income records of a month, as stored (components may be missing). */
export async function villageIncomeRaw(
  county: string,
  period: Period,
  villageId: string,
): Promise<QualityIncome[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.incomeOfVillage(county, period, villageId).pk },
  });
  return items.map((i) => {
    const components = (i.components && typeof i.components === 'object' ? i.components : {}) as Record<
      string,
      unknown
    >;
    const memberCount = num(i.memberCount);
    const netIncome = num(i.netIncome);
    const perCapitaNet = num(i.perCapitaNet);
    return {
      householdId: str(i.householdId),
      villageId: str(i.villageId) || villageId,
      townId: str(i.townId),
      period: str(i.period) || period,
      components: {
        wage: components.wage,
        business: components.business,
        property: components.property,
        transfer: components.transfer,
        businessCost: components.businessCost,
      },
      ...(memberCount === undefined ? {} : { memberCount }),
      ...(netIncome === undefined ? {} : { netIncome }),
      ...(perCapitaNet === undefined ? {} : { perCapitaNet }),
      ...(i.fallCause ? { fallCause: i.fallCause } : {}),
    };
  });
}

/**
 * The members of a household from the directory's person items (gsi1 by
 * household). A person item listing several households counts in each.
 */
export async function householdMembers(county: string, householdId: string): Promise<QualityPerson[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.householdMembers(county, householdId).gsi1pk },
  });
  return items.map((i) => ({
    id: str(i.id) || str(i.gsi1sk),
    householdId,
    name: str(i.name),
    idNumber: str(i.idNumber),
  }));
}

/** Everything the rules need about one village for one month. */
export interface VillageQualityData {
  village: OrgUnit;
  households: Household[];
  people: QualityPerson[];
  records: QualityIncome[];
  previous: QualityIncome[];
}

export async function readVillage(
  county: string,
  village: OrgUnit,
  period: Period,
  previousPeriod: Period,
  options: { people?: boolean } = {},
): Promise<VillageQualityData> {
  const [households, records, previous] = await Promise.all([
    listVillageHouseholds(county, village.id),
    villageIncomeRaw(county, period, village.id),
    villageIncomeRaw(county, previousPeriod, village.id),
  ]);
  // Members are indexed by household: one query each, a few at a time, kept in household order.
  const people =
    (options.people ?? true)
      ? (await mapLimit(households, 8, (h) => householdMembers(county, h.id))).flat()
      : [];
  return { village, households, people, records, previous };
}
