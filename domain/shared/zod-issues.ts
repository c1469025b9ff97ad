import type { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors.ts';

/** Turns zod issues into field issues with Chinese messages (schemas carry them). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    code: issue.code,
    message: issue.message,
  }));
}

/** Parses `input` with `schema`, throwing a ValidationError listing every field issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error));
  return result.data;
}
