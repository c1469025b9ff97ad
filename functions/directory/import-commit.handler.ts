/**
 * POST /api/imports/{id}/commit: writes one batch of the checked rows. The page
 * walks the batches in order and shows progress. With "nothing until fixed",
 * any problem found by the check refuses the whole import before anything is
 * written; with "import valid rows", rows with problems are simply not there.
 */
import { importCommitSchema } from '#domain/directory/import.ts';
import { DomainError, ValidationError } from '#domain/shared/errors.ts';
import { logger } from '../platform/clients.ts';
import { httpRoute } from '../platform/http.ts';
import { disableAccount } from '../store/directory.accounts.ts';
import { getImportMeta, loadBatch, writeRows } from '../store/directory.imports.ts';
import { NotFoundError } from '#domain/shared/errors.ts';
import { importIdOf } from './import.ids.ts';
import { now } from '#functions/platform/clock.ts';

export const handler = httpRoute('importCommit', importCommitSchema, async ({ body, principal, params }) => {
  const importId = importIdOf(params);
  const county = principal.countyCode;
  const meta = await getImportMeta(county, importId);
  if (!meta?.checked) throw new NotFoundError('IMPORT.NOT_CHECKED', '请先上传文件并完成检查');
  if (meta.checked.fatal)
    throw new ValidationError([], 'IMPORT.FATAL', '文件存在整体性问题（如表头错误），请修改后重新上传');
  if (body.mode === 'all-or-nothing' && meta.checked.invalidRows > 0) {
    throw new DomainError(
      'IMPORT.HAS_ERRORS',
      `文件中有 ${meta.checked.invalidRows} 行存在问题，按“全部无误才导入”的选择，本次未导入任何数据`,
      'conflict',
    );
  }
  if (body.batch >= meta.checked.batches) {
    return {
      status: 200,
      body: {
        batch: body.batch,
        batches: meta.checked.batches,
        done: true,
        created: 0,
        updated: 0,
        unchanged: 0,
        conflicts: 0,
      },
    };
  }
  const rows = await loadBatch(county, importId, body.batch);
  const counts = await writeRows(county, meta.kind, rows, {
    importId,
    filename: meta.filename,
    actor: { userId: principal.userId, name: principal.name },
    now: now(),
  });
  // Disabling a member of staff disables their account too (best effort; the list page shows the state).
  let accountsDisabled = 0;
  for (const username of counts.deactivated) {
    try {
      if (await disableAccount(username)) accountsDisabled++;
    } catch (e) {
      logger.warn('account disable after import failed', { username, error: e as Error });
    }
  }
  const { deactivated: _d, ...rest } = counts;
  return {
    status: 200,
    body: {
      batch: body.batch,
      batches: meta.checked.batches,
      done: body.batch + 1 >= meta.checked.batches,
      ...rest,
      accountsDisabled,
    },
  };
});
