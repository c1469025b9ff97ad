import * as z from './zod-mini.ts';
import { ValidationError, type FieldIssue } from './errors.ts';

/** Turns zod issues into field issues with Chinese messages (schemas carry them). */
export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    code: issue.code,
    message: issue.message,
  }));
}

/**
 * Parses `input` with `schema` (a domain schema, or a classic one composed on the
 * server), throwing a ValidationError listing every field issue.
 */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}
