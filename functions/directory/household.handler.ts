/**
 * GET /api/directory/households/{id}: one household as its page shows it: the
 * household with its version, members with masked ID and phone numbers, income by
 * month, visits, and the history of changes (who, when, why, what).
 */
import { now } from '#functions/platform/clock.ts';
import { assertReach } from '#domain/auth/access.ts';
import { ageOn, sexLabels, sexOf } from '#domain/org/id-number.ts';
import { maskIdNumber, maskPhone } from '#domain/org/mask.ts';
import { NotFoundError, ValidationError } from '#domain/shared/errors.ts';
import { httpRoute } from '../platform/http.ts';
import { recordRepository } from '../store/records.repository.ts';
import { householdRecords } from '../store/directory.versioned.ts';
import {
  getHouseholdItem,
  incomeOf,
  listUnits,
  membersOf,
  toFullHousehold,
  versionOf,
} from '../store/directory.repository.ts';

export const handler = httpRoute('directoryHousehold', undefined, async ({ principal, params }) => {
  const county = principal.countyCode;
  const id = (params.id ?? '').toUpperCase();
  if (!/^[A-Z0-9-]{1,40}$/.test(id))
    throw new ValidationError([{ path: 'id', code: 'invalid', message: '户编号无效' }]);
  const item = await getHouseholdItem(county, id);
  if (!item) throw new NotFoundError('HOUSEHOLD.NOT_FOUND', '未找到该农户');
  const h = toFullHousehold(item);
  assertReach(principal, 'village', { countyCode: county, villageId: h.villageId, townId: h.townId });
  const today = new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const [members, income, history, units, visits] = await Promise.all([
    membersOf(county, id),
    incomeOf(county, id),
    householdRecords.history(county, 'household', id),
    listUnits(county),
    recordRepository.list(county, 'visit', { townId: h.townId }).catch(() => []),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    status: 200,
    body: {
      household: {
        ...h,
        villageName: names.get(h.villageId) ?? h.villageId,
        townName: names.get(h.townId) ?? h.townId,
      },
      version: versionOf(item).version,
      members: members.map((m) => ({
        id: m.id,
        name: m.name,
        relation: m.relation,
        idNumberMasked: maskIdNumber(m.idNumber),
        sex: m.idNumber.length === 18 ? sexLabels[sexOf(m.idNumber)] : null,
        age: m.idNumber.length === 18 ? ageOn(m.idNumber, today) : null,
        phoneMasked: m.phone ? maskPhone(m.phone) : null,
        flags: m.flags ?? [],
      })),
      income: income
        .sort((a, b) => b.period.localeCompare(a.period))
        .map((r) => ({
          period: r.period,
          netIncome: r.netIncome,
          perCapitaNet: r.perCapitaNet,
          status: r.status,
          fallCause: r.fallCause ?? null,
        })),
      // Visit records (register kind `visit`) name their target by kind and id.
      visits: visits
        .filter((v) => {
          const t = (v.data as { target?: { kind?: string; id?: string } }).target;
          return t?.kind === 'household' && t.id === id;
        })
        .map((v) => {
          const d = v.data as { date?: string; findings?: string; visitor?: { name?: string } };
          return {
            id: v.id,
            date: d.date ?? v.createdAt.slice(0, 10),
            by: d.visitor?.name ?? v.updatedByName,
            findings: d.findings ?? '',
          };
        }),
      history: history.map((e) => ({
        version: e.version,
        at: e.change.at,
        by: e.change.actorName,
        form: e.change.form,
        reason: e.change.reason ?? null,
        changes: e.change.changes,
      })),
    },
  };
});
