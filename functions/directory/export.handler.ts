/**
 * GET /api/directory/export?list=units|households|staff|staffing[&village=]: a
 * directory list as XLSX. Households carry no ID numbers; staff phones are masked.
 */
import { roleLabels } from '#domain/auth/roles.ts';
import { maskPhone } from '#domain/org/mask.ts';
import {
  householdCategoryLabels,
  householdFlagLabels,
  monitoredTypeLabels,
  orgUnitKindLabels,
  type Household,
} from '#domain/org/org.schema.ts';
import { staffPositionLabels } from '#domain/org/staff.schema.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { buildWorkbook, type SheetSpec } from '#reports/xlsx/workbook.ts';
import { httpRoute } from '../platform/http.ts';
import { householdsOfVillage, listStaffFull, listUnits } from '../store/directory.repository.ts';
import { staffingView } from './staffing.view.ts';

const lists = ['units', 'households', 'staff', 'staffing'] as const;
type List = (typeof lists)[number];

async function sheetOf(
  list: List,
  county: string,
  village?: string,
): Promise<{ sheet: SheetSpec; filename: string }> {
  const units = await listUnits(county);
  const names = new Map(units.map((u) => [u.id, u.name]));
  switch (list) {
    case 'units':
      return {
        filename: '组织机构',
        sheet: {
          name: '组织机构',
          columns: [
            { header: '编号', key: 'id', width: 12 },
            { header: '名称', key: 'name', width: 20 },
            { header: '类别', key: 'kind', width: 14 },
            { header: '上级', key: 'parent', width: 20 },
            { header: '省级重点帮扶村', key: 'key', width: 14 },
          ],
          rows: units.map((u) => ({
            id: u.id,
            name: u.name,
            kind: orgUnitKindLabels[u.kind],
            parent: u.parentId ? (names.get(u.parentId) ?? u.parentId) : '',
            key: u.keyVillage ? '是' : '',
          })),
        },
      };
    case 'households': {
      const villages = units.filter((u) => u.kind === 'village' && (!village || u.id === village));
      const households: Household[] = [];
      for (let i = 0; i < villages.length; i += 16) {
        const part = await Promise.all(
          villages.slice(i, i + 16).map((v) => householdsOfVillage(county, v.id)),
        );
        households.push(...part.flat());
      }
      households.sort((a, b) => a.id.localeCompare(b.id));
      return {
        filename: '农户名录',
        sheet: {
          name: '农户',
          columns: [
            { header: '户编号', key: 'id', width: 12 },
            { header: '村/社区', key: 'village', width: 14 },
            { header: '户主姓名', key: 'headName', width: 10 },
            { header: '户类别', key: 'category', width: 10 },
            { header: '监测对象类别', key: 'monitoredType', width: 14 },
            { header: '家庭人口', key: 'memberCount', width: 8 },
            { header: '重点人群', key: 'flags', width: 20 },
            { header: '镇/街道', key: 'town', width: 12 },
          ],
          rows: households.map((h) => ({
            id: h.id,
            village: names.get(h.villageId) ?? h.villageId,
            headName: h.headName,
            category: householdCategoryLabels[h.category],
            monitoredType: h.monitoredType ? monitoredTypeLabels[h.monitoredType] : '',
            memberCount: h.memberCount,
            flags: (h.flags ?? []).map((f) => householdFlagLabels[f]).join('、'),
            town: names.get(h.townId) ?? h.townId,
          })),
        },
      };
    }
    case 'staff': {
      const staff = await listStaffFull(county);
      return {
        filename: '工作人员名录',
        sheet: {
          name: '工作人员',
          columns: [
            { header: '人员编号', key: 'id', width: 10 },
            { header: '姓名', key: 'name', width: 10 },
            { header: '系统角色', key: 'role', width: 16 },
            { header: '职务类别', key: 'position', width: 16 },
            { header: '所在单位', key: 'unit', width: 18 },
            { header: '手机号码', key: 'phone', width: 14 },
            { header: '电子邮箱', key: 'email', width: 26 },
            { header: '登录名', key: 'username', width: 16 },
            { header: '状态', key: 'status', width: 8 },
          ],
          rows: staff.map((s) => ({
            id: s.id,
            name: s.name,
            role: roleLabels[s.role],
            position: staffPositionLabels[s.position] ?? s.position,
            unit: names.get(s.unitId) ?? s.unitId,
            phone: s.phone ? maskPhone(s.phone) : '',
            email: s.email,
            username: s.username,
            status: s.active ? '在岗' : '停用',
          })),
        },
      };
    }
    case 'staffing': {
      const view = await staffingView(county);
      return {
        filename: '信息员配备不足单位',
        sheet: {
          name: '信息员配备',
          columns: [
            { header: '单位编号', key: 'unitId', width: 12 },
            { header: '单位', key: 'unitName', width: 20 },
            { header: '类别', key: 'kind', width: 10 },
            { header: '所属镇/街道', key: 'townName', width: 14 },
            { header: '应配', key: 'required', width: 6 },
            { header: '实有', key: 'actual', width: 6 },
            { header: '缺', key: 'missing', width: 6 },
          ],
          rows: view.shortfalls,
        },
      };
    }
  }
}

export const handler = httpRoute('directoryExport', undefined, async ({ principal, query }) => {
  const list = lists.find((l) => l === query.list);
  if (!list) throw new ValidationError([{ path: 'list', code: 'invalid', message: '请选择要导出的名录' }]);
  const village = query.village && /^[A-Z0-9-]{1,40}$/.test(query.village) ? query.village : undefined;
  const { sheet, filename } = await sheetOf(list, principal.countyCode, village);
  const content = await buildWorkbook([sheet], { creator: principal.name });
  return {
    status: 200,
    body: null,
    file: {
      content,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${filename}.xlsx`,
    },
  };
});
