/** GET /api/income/{period}/{id}/history: a household's income record for a month and every earlier version. */
import { assertReach } from '#domain/auth/access.ts';
import { NotFoundError, ValidationError } from '#domain/shared/errors.ts';
import { periodSchema } from '#domain/shared/period.ts';
import { httpRoute } from '../platform/http.ts';
import { incomeHistory, incomeRepository } from '../store/income.repository.ts';

export const handler = httpRoute('incomeHistory', undefined, async ({ principal, params }) => {
  const period = periodSchema.safeParse(params.period);
  const id = params.id ?? '';
  if (!period.success || !/^[A-Z0-9-]{1,40}$/.test(id)) {
    throw new ValidationError([{ path: 'id', code: 'invalid', message: '月份或户编号无效' }]);
  }
  const county = principal.countyCode;
  const household = await incomeRepository.getHousehold(county, id);
  const record = household ? await incomeRepository.getRecord(county, period.data, household) : undefined;
  if (!household || !record) throw new NotFoundError('INCOME.RECORD_NOT_FOUND', '未找到该户该月的收入记录');
  assertReach(principal, 'village', record);
  const history = await incomeHistory(county, id, period.data);
  return {
    status: 200,
    body: { record, household: { id: household.id, headName: household.headName }, history },
  };
});
