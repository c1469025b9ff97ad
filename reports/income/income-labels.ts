import { fallCauseLabels, type FallCause } from '#domain/income/income.schema.ts';
import { maskPersonalNumbers } from '#reports/pdf/redact.ts';

/**
 * `因病：住院手术` from a recorded cause, or `未填写`. The note is free text
 * typed in a village, so any ID or phone number in it is masked.
 */
export function fallCauseText(cause: FallCause | undefined): string {
  if (!cause) return '未填写';
  const label = fallCauseLabels[cause.kind];
  const note = cause.note?.trim();
  return note ? `${label}：${maskPersonalNumbers(note)}` : label;
}
