/** GET /api/directory/staffing: units below the required number of information officers. */
import { httpRoute } from '../platform/http.ts';
import { staffingView } from './staffing.view.ts';

export const handler = httpRoute('directoryStaffing', undefined, async ({ principal }) => ({
  status: 200,
  body: await staffingView(principal.countyCode),
}));
