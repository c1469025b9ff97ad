/**
 * Pieces the archive pages share: labels and file helpers. The shapes the archive
 * routes answer are declared beside the routes, in `domain/delivery/archive.api.ts`.
 */
import type { DeliveryStatusName } from '#domain/delivery/archive.api.ts';
import { shanghaiDateTime } from '#domain/shared/period.ts';
import { saveFile } from '../../lib/api.ts';

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
  saveFile(new Blob([bytes], { type: contentType }), filename);
}
