/**
 * PUT /api/directory/households/{id}: edits a household with a reason. Runs the
 * shared record update: scope checked on the stored household, conditional on the
 * version the person edited (409 otherwise), history entry with the changed fields.
 */
import { applyHouseholdEdit, householdEditSchema } from '#domain/directory/household-edit.ts';
import type { Household } from '#domain/org/org.schema.ts';
import { updateRecord } from '#domain/records/record.commands.ts';
import { ValidationError } from '#domain/shared/errors.ts';
import { httpRoute } from '../platform/http.ts';
import { householdRecords } from '../store/directory.versioned.ts';
import { now as clockNow } from '#functions/platform/clock.ts';

export const handler = httpRoute(
  'directoryHouseholdUpdate',
  householdEditSchema,
  async ({ body, principal, params }) => {
    const id = (params.id ?? '').toUpperCase();
    if (!/^[A-Z0-9-]{1,40}$/.test(id))
      throw new ValidationError([{ path: 'id', code: 'invalid', message: '户编号无效' }]);
    const now = clockNow();
    const { record, replayed } = await updateRecord<Household>(
      {
        kind: 'household',
        id,
        expectedVersion: body.expectedVersion,
        scope: 'village',
        reason: body.reason,
        apply: (current) =>
          applyHouseholdEdit(
            current.data,
            body,
            new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
          ),
      },
      {
        who: principal,
        repo: householdRecords,
        now,
        submissionId: body.submissionId,
        form: 'directory-household',
      },
    );
    return {
      status: 200,
      body: { household: record.data, version: record.version },
      headers: { 'x-idempotent-replay': String(replayed) },
    };
  },
);
