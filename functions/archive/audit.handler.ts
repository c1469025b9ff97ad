/**
 * GET /api/audit/downloads?from&to[&format=xlsx]: the audit trail of archive
 * downloads (from the archive pages and through emailed links), for auditors to
 * browse, or as a workbook to keep.
 */
import { auditQuerySchema, downloadViaLabels } from '#domain/delivery/archive.schema.ts';
import { roleLabels, roleSchema } from '#domain/auth/roles.ts';
import { shanghaiDateTime } from '#domain/shared/period.ts';
import { parseOrThrow } from '#domain/shared/zod-issues.ts';
import { buildWorkbook } from '#reports/xlsx/workbook.ts';
import { xlsxContentType } from '../delivery/archive.ts';
import { listDownloads } from '../store/audit.repository.ts';
import { httpRoute } from '../platform/http.ts';

const roleLabel = (r: string) => {
  const p = roleSchema.safeParse(r);
  return p.success ? roleLabels[p.data] : r;
};

export const handler = httpRoute('listArchiveDownloads', undefined, async ({ principal, query }) => {
  const q = parseOrThrow(auditQuerySchema, query);
  const entries = await listDownloads(principal.countyCode, {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  });
  if (q.format === 'json') return { status: 200, body: { items: entries } };
  const xlsx = await buildWorkbook(
    [
      {
        name: '报告下载记录',
        columns: [
          { header: '下载时间', key: 'at', width: 18 },
          { header: '下载人', key: 'userName', width: 12 },
          { header: '角色', key: 'role', width: 12 },
          { header: '报告', key: 'title', width: 40 },
          { header: '报告编号', key: 'reportId', width: 32 },
          { header: '文件', key: 'file', width: 6 },
          { header: 'SHA-256', key: 'sha256', width: 66 },
          { header: '来源地址', key: 'sourceIp', width: 16 },
          { header: '下载方式', key: 'via', width: 10 },
          { header: '收件邮箱', key: 'email', width: 26 },
        ],
        rows: entries.map((e) => ({
          ...e,
          at: shanghaiDateTime(new Date(e.at)),
          role: roleLabel(e.role),
          file: e.file.toUpperCase(),
          via: downloadViaLabels[e.via],
          email: e.email ?? '',
        })),
      },
    ],
    { creator: '守望报表系统' },
  );
  const range = `${q.from ?? '开始'}至${q.to ?? '今'}`;
  return {
    status: 200,
    body: {
      filename: `报告下载记录（${range}）.xlsx`,
      contentType: xlsxContentType,
      content: xlsx.toString('base64'),
      count: entries.length,
    },
  };
});
