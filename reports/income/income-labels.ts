import type { SuspicionKind, SuspiciousRecord } from '#domain/income/income.analysis.ts';
import { fallCauseLabels, type FallCause } from '#domain/income/income.schema.ts';
import { formatNumber } from '#domain/shared/format.ts';
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

/** What made a record suspicious (县级比对的疑点), as the PDF and the workbook print it. */
export const suspicionKindLabels: Record<SuspicionKind, string> = {
  outlier: '偏离本村常见范围',
  zero: '四项收入均为零',
  jump: '较上月突增',
};

/**
 * A suspicious record's points in Chinese, `；`-separated; an outlier carries the
 * village median when known: `偏离本村常见范围（本村中位数 1,000.00 元）；较上月突增`.
 */
export function suspicionText(h: Pick<SuspiciousRecord, 'kinds' | 'villageMedian'>): string {
  return h.kinds
    .map((k) =>
      k === 'outlier' && h.villageMedian !== undefined
        ? `${suspicionKindLabels[k]}（本村中位数 ${formatNumber(h.villageMedian, 2)} 元）`
        : suspicionKindLabels[k],
    )
    .join('；');
}
