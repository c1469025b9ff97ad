/** GET /api/accounts?q=&unit=: staff with the state of their sign-in account (phones masked). */
import { roleLabels } from '#domain/auth/roles.ts';
import { maskPhone } from '#domain/org/mask.ts';
import { staffPositionLabels } from '#domain/org/staff.schema.ts';
import { httpRoute } from '../platform/http.ts';
import { accountStates } from '../store/directory.accounts.ts';
import { listStaffFull, listUnits } from '../store/directory.repository.ts';

export const handler = httpRoute('accountsList', undefined, async ({ principal, query }) => {
  const county = principal.countyCode;
  const q = (query.q ?? '').trim();
  const unit = (query.unit ?? '').trim().toUpperCase();
  const [staff, states, units] = await Promise.all([
    listStaffFull(county),
    accountStates(),
    listUnits(county),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const matches = staff
    .filter(
      (s) =>
        (!q || s.name.includes(q) || s.username.includes(q.toLowerCase()) || s.id === q.toUpperCase()) &&
        (!unit || s.unitId === unit),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    status: 200,
    body: {
      total: matches.length,
      items: matches.slice(0, 200).map((s) => ({
        id: s.id,
        name: s.name,
        username: s.username,
        roleLabel: roleLabels[s.role],
        positionLabel: staffPositionLabels[s.position] ?? s.position,
        unitName: names.get(s.unitId) ?? s.unitId,
        phoneMasked: s.phone ? maskPhone(s.phone) : null,
        active: s.active,
        account: states.get(s.username) ?? 'none',
      })),
    },
  };
});
