/**
 * PUT /api/problems/{id}: the rectification of a problem (整改): status,
 * measures, deadline, completion date and evidence, on the version the person
 * edited. The rules (evidence to close, forward-only status) are the form's own.
 */
import { ValidationError } from '#domain/shared/errors.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import { problemKind, problemUpdateIssues, problemUpdateSchema } from '#domain/visits/visit.schema.ts';
import { updateRecordHandler } from '../platform/records-http.ts';

export const handler = updateRecordHandler({
  routeId: 'updateProblem',
  kind: problemKind,
  scope: 'village',
  form: 'problem-rectification',
  schema: problemUpdateSchema,
  apply: (current, body, _p, now) => {
    const issues = problemUpdateIssues(body, {
      today: shanghaiDate(now),
      visitDate: current.data.visitDate,
      currentStatus: current.data.status,
    });
    if (issues.length) throw new ValidationError(issues);
    const { status, measures, deadline, completedOn, evidence } = body;
    const { measures: _m, deadline: _d, completedOn: _c, evidence: _e, ...found } = current.data;
    return {
      ...found,
      status,
      ...(measures ? { measures } : {}),
      ...(deadline ? { deadline } : {}),
      ...(completedOn ? { completedOn } : {}),
      ...(evidence ? { evidence } : {}),
    };
  },
  reason: (body) => body.reason,
});
