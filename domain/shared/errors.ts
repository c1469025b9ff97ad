/**
 * Domain errors carry a stable English code (e.g. `INCOME.VERSION_CONFLICT`) and a
 * Chinese message for the person at the form. The HTTP error middleware maps the
 * `kind` to a status; the domain itself knows nothing of HTTP.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  /** Existed once and no longer may be used (an expired download link). */
  | 'gone'
  | 'conflict'
  | 'too-large';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `components.wage`. */
  path: string;
  /** Stable English code, e.g. `too_small`. */
  code: string;
  /** Chinese message shown beside the field. */
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind,
    readonly issues: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(
    issues: FieldIssue[],
    code = 'VALIDATION.FAILED',
    message = '提交的内容有误，请按提示修改后再提交',
  ) {
    super(code, message, 'validation', issues);
  }
}

export class VersionConflictError extends DomainError {
  constructor(code: string, currentVersion: number) {
    super(code, '该记录已被他人更新，请刷新后在最新版本上修改', 'conflict', [], { currentVersion });
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'not-found');
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'AUTH.FORBIDDEN', message = '您无权对该单位的数据进行此操作') {
    super(code, message, 'forbidden');
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'AUTH.UNAUTHENTICATED', message = '请先登录') {
    super(code, message, 'unauthenticated');
  }
}

/**
 * A submission id already used for another record (another household, month or
 * register): the first result must not be passed off as this one's, and nothing
 * of this one was stored. Forms make a fresh id for every new entry, so this means
 * a client bug or a tampered request.
 */
export class SubmissionReusedError extends DomainError {
  constructor() {
    super(
      'SUBMISSION.REUSED',
      '该提交编号已用于另一条记录，本次内容未保存。请刷新页面后重新填写提交。',
      'conflict',
    );
  }
}

/**
 * The county has not configured what a rule needs (e.g. the year's monitoring
 * threshold): nothing can be judged, so nothing is stored, and the message says
 * who can fix it.
 */
export class ConfigMissingError extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, 'conflict', [], details);
  }
}
