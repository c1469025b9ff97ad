/** Pieces the archive pages share: the report shape the API returns, labels, and file helpers. */
import { shanghaiDateTime } from '#domain/shared/period.ts';

export interface ReportItem {
  reportId: string;
  kind: string;
  kindLabel: string;
  period: string;
  scope: string;
  scopeLevel: 'county' | 'town';
  scopeLabel: string;
  title: string;
  generatedAt: string;
  inputSha256: string;
  inputRecords: number;
  pages?: number;
  pdf: { filename: string; sha256: string; bytes: number };
  xlsx?: { filename: string; sha256: string; bytes: number };
  deliveryCounts?: Record<DeliveryStatusName, number>;
}

export type DeliveryStatusName = 'sending' | 'sent' | 'failed' | 'abandoned';

export interface DeliveryItem {
  reportId: string;
  period: string;
  recipient: string;
  recipientName: string;
  status: DeliveryStatusName;
  attempts: number;
  updatedAt: string;
  sentAt?: string;
  via?: 'attachment' | 'link';
  lastError?: string;
  nextAttemptAt?: string;
  title?: string;
}

export const statusLabels: Record<DeliveryStatusName, string> = {
  sending: '发送中',
  sent: '已送达',
  failed: '失败待重试',
  abandoned: '失败已停止重试',
};

export const when = (iso: string | undefined) => (iso ? shanghaiDateTime(new Date(iso)) : '—');

export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One line on how delivery went, e.g. `已送达 3 人，失败待重试 1 人`. */
export function countsLabel(c: Record<DeliveryStatusName, number> | undefined): string {
  if (!c) return '';
  const parts = (Object.keys(statusLabels) as DeliveryStatusName[])
    .filter((k) => c[k] > 0)
    .map((k) => `${statusLabels[k]} ${c[k]} 人`);
  return parts.length ? parts.join('，') : '暂无收件人';
}

/** Saves bytes the API returned (base64) as a file. */
export function saveBase64(filename: string, contentType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
