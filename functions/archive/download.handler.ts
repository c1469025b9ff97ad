/**
 * GET /api/archive/reports/{id}/download?file=pdf|xlsx: a presigned link valid for
 * minutes. The download is written to the audit trail first; no entry, no link.
 */
import { downloadLinkSeconds, downloadQuerySchema } from '#domain/delivery/archive.schema.ts';
import { NotFoundError } from '#domain/shared/errors.ts';
import { parseOrThrow } from '#domain/shared/zod-issues.ts';
import { getReport, presignArchivedFile } from '../delivery/archive.ts';
import { recordDownload } from '../store/audit.repository.ts';
import { httpRoute } from '../platform/http.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

export const handler = httpRoute(
  'downloadArchivedReport',
  undefined,
  async ({ principal, params, query, event }) => {
    const { file } = parseOrThrow(downloadQuerySchema, query);
    const report = params.id ? await getReport(principal.countyCode, params.id) : undefined;
    const target = file === 'pdf' ? report?.pdf : report?.xlsx;
    if (!report || !target) throw new NotFoundError('ARCHIVE.NOT_FOUND', '未找到该报告文件');
    const now = clockNow();
    await recordDownload(principal.countyCode, {
      at: now.toISOString(),
      userId: principal.userId,
      userName: principal.name,
      role: principal.role,
      reportId: report.reportId,
      title: report.title,
      file,
      sha256: target.sha256,
      sourceIp: event.requestContext?.http?.sourceIp ?? '',
      via: 'archive',
    });
    const link = await presignArchivedFile(target, downloadLinkSeconds, now);
    return { status: 200, body: { ...link, filename: target.filename, sha256: target.sha256 } };
  },
);
