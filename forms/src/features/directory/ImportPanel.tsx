/**
 * Import of households, people or staff from XLSX or CSV: choose the kind and the
 * file, upload in chunks (progress shown), see the check's result row by row, then
 * choose "import valid rows" or "nothing until fixed", and watch the write progress.
 */
import { useState } from 'react';
import type { ImportPreview, ImportWritten } from '#domain/directory/directory.api.ts';
import {
  importChunkBytes,
  importKindLabels,
  importKinds,
  maxImportBytes,
  type ImportKind,
} from '#domain/directory/import.ts';
import { call } from '../../lib/api.ts';

/** What the write adds up over its batches. */
type Written = Pick<ImportWritten, 'created' | 'updated' | 'unchanged' | 'conflicts'>;

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export default function ImportPanel() {
  const [kind, setKind] = useState<ImportKind>('households');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Written | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    if (!file) return setError('请选择文件');
    if (file.size > maxImportBytes)
      return setError(`文件超过 ${maxImportBytes / 1024 / 1024} MB 的上限，请分成几个文件导入`);
    setBusy(true);
    setError(null);
    setPreview(null);
    setResult(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const id = crypto.randomUUID();
    const total = Math.max(1, Math.ceil(bytes.length / importChunkBytes));
    for (let i = 0; i < total; i++) {
      setProgress(`正在上传 ${i + 1}/${total}…`);
      const r = await call('importChunk', {
        params: { id },
        body: {
          kind,
          filename: file.name,
          size: bytes.length,
          total,
          index: i,
          data: toBase64(bytes.subarray(i * importChunkBytes, (i + 1) * importChunkBytes)),
        },
      });
      if (!r.ok) {
        setBusy(false);
        setProgress(null);
        return setError(r.error.issues?.[0]?.message ?? r.error.message);
      }
    }
    setProgress('正在逐行检查…');
    const p = await call('importPreview', { params: { id } });
    setBusy(false);
    setProgress(null);
    if (p.ok) setPreview(p.data);
    else setError(p.error.message);
  };

  const commit = async (mode: 'valid-rows' | 'all-or-nothing') => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    const sum: Written = { created: 0, updated: 0, unchanged: 0, conflicts: 0 };
    for (let b = 0; b < Math.max(1, preview.batches); b++) {
      setProgress(`正在写入 ${Math.min((b + 1) * 500, preview.validRows)}/${preview.validRows} 行…`);
      const r = await call('importCommit', {
        params: { id: preview.importId },
        body: { mode, batch: b },
      });
      if (!r.ok) {
        setBusy(false);
        setProgress(null);
        return setError(r.error.message);
      }
      for (const k of Object.keys(sum) as (keyof Written)[]) sum[k] += r.data[k];
    }
    setBusy(false);
    setProgress(null);
    setResult(sum);
  };

  return (
    <>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <label htmlFor="imp-kind">导入内容</label>
        <select id="imp-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ImportKind)}>
          {importKinds.map((k) => (
            <option key={k} value={k}>
              {importKindLabels[k]}
            </option>
          ))}
        </select>
        <label htmlFor="imp-file">文件（.xlsx 或 .csv，CSV 可为 UTF-8 或 GBK 编码）</label>
        <input
          id="imp-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <p className="hint">
          读取第一个工作表；表头可在前 10 行内。单个文件不超过 {maxImportBytes / 1024 / 1024} MB、10 万行。
        </p>
        <button type="submit" className="primary" disabled={busy || !file}>
          上传并检查
        </button>
      </form>
      {progress && (
        <p className="banner warn" role="status">
          {progress}
        </p>
      )}
      {error && (
        <p className="banner err" role="alert">
          {error}
        </p>
      )}
      {preview && !result && (
        <section className="card" aria-label="检查结果">
          <h2>检查结果：{preview.filename}</h2>
          <div className="figures">
            <div className="figure">
              <div className="v">{preview.validRows}</div>
              <div className="k">可导入行</div>
            </div>
            <div className="figure">
              <div className="v" style={{ color: preview.invalidRows ? 'var(--err)' : undefined }}>
                {preview.invalidRows}
              </div>
              <div className="k">有问题的行（共 {preview.rows} 行）</div>
            </div>
          </div>
          {preview.issueCount > 0 && (
            <>
              <h2>问题清单（{preview.issueCount} 处）</h2>
              <table aria-label="问题清单">
                <thead>
                  <tr>
                    <th>行</th>
                    <th>列</th>
                    <th>问题</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.issues.map((i, n) => (
                    <tr key={n}>
                      <td>{i.row}</td>
                      <td>{i.column}</td>
                      <td>{i.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.issueCount > preview.issues.length && (
                <p className="hint">只列出前 {preview.issues.length} 处问题。</p>
              )}
            </>
          )}
          {preview.sample.length > 0 && (
            <details>
              <summary>预览前 {preview.sample.length} 行可导入的数据</summary>
              <ul className="plain">
                {preview.sample.map((r, n) => (
                  <li key={n} className="hint">
                    {Object.values(r).join(' · ')}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {preview.fatal ? (
            <p className="banner err">文件存在整体性问题，请按上面的提示修改后重新上传。</p>
          ) : (
            <>
              {preview.validRows > 0 && (
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void commit('valid-rows')}
                >
                  {preview.invalidRows
                    ? `只导入无误的 ${preview.validRows} 行`
                    : `导入全部 ${preview.validRows} 行`}
                </button>
              )}
              {preview.invalidRows > 0 && (
                <button
                  type="button"
                  className="secondary"
                  style={{ marginTop: 8, width: '100%' }}
                  disabled={busy}
                  onClick={() => setPreview(null)}
                >
                  暂不导入，修改文件后重新上传
                </button>
              )}
            </>
          )}
        </section>
      )}
      {result && (
        <p className="banner ok" role="status">
          导入完成：新增 {result.created} 条，更新 {result.updated} 条，未变化 {result.unchanged} 条
          {result.conflicts ? `，${result.conflicts} 条在此期间被他人修改，未覆盖` : ''}。
        </p>
      )}
    </>
  );
}
