/** Small pieces the directory pages share: XLSX download with the session's token. */
import { authFetch } from '../../lib/auth-client.ts';

/** Downloads an export route's XLSX under `name`; returns an error message or null. */
export async function downloadXlsx(path: string, name: string): Promise<string | null> {
  const res = await authFetch(path).catch(() => null);
  if (!res?.ok) return '导出失败，请稍后重试';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.xlsx`;
  a.click();
  URL.revokeObjectURL(url);
  return null;
}
