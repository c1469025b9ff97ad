/** GET /api/directory/units: the org tree (county → towns → villages and factories; departments). */
import { httpRoute } from '../platform/http.ts';
import { listUnits } from '../store/directory.repository.ts';

export const handler = httpRoute('directoryUnits', undefined, async ({ principal }) => {
  const units = await listUnits(principal.countyCode);
  units.sort((a, b) => a.id.localeCompare(b.id));
  return { status: 200, body: { items: units.map(({ synthetic: _s, ...u }) => u) } };
});
