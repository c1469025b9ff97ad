/**
 * Verify a report: the auditor picks or drops a PDF; the browser computes its
 * SHA-256 (Web Crypto, the file never leaves the machine) and asks the archive
 * whether that exact file was archived, which report it is and to whom it was sent.
 */
import { useState, type DragEvent } from 'react';
import { reportPeriodText } from '#domain/delivery/report-period.ts';
import type { ResponseOf } from '#domain/system/api.ts';
import { call } from '../../lib/api.ts';
import { when } from './ArchiveShared.tsx';

type Answer = ResponseOf<'verifyArchivedReport'>;

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export default function VerifyReport() {
  const [name, setName] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const check = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError('');
    setAnswer(null);
    setName(file.name);
    try {
      const sha = await sha256Hex(file);
      const res = await call('verifyArchivedReport', { params: { sha256: sha } });
      if (res.ok) setAnswer(res.data);
      else setError(res.error.message);
    } finally {
      setBusy(false);
    }
  };
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void check(e.dataTransfer?.files[0]);
  };

  return (
    <div>
      <div
        className="card"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: over ? '#fef2f2' : '#fff',
          textAlign: 'center',
        }}
      >
        <label htmlFor="v-file">选择或拖入要核验的 PDF 文件</label>
        <input
          id="v-file"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => void check(e.currentTarget.files?.[0])}
        />
        <p className="hint">文件只在本机计算指纹（SHA-256），不会上传。</p>
      </div>
      {busy && <p className="hint">正在核验…</p>}
      {error && (
        <p className="banner err" role="alert">
          {error}
        </p>
      )}
      {answer && (
        <div role="status" aria-label="核验结果">
          {answer.archived ? (
            answer.matches.map(({ report: r, sentTo }) => (
              <div key={r.reportId} className="banner ok">
                <strong>✓ 与存档原件一致</strong>
                <p style={{ margin: '6px 0' }}>
                  {r.title}（{r.kindLabel}，{reportPeriodText(r.kind, r.period)}，{r.scopeLabel}），生成于{' '}
                  {when(r.generatedAt)}。
                </p>
                {sentTo.length ? (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {sentTo.map((d) => (
                      <li key={d.recipient}>
                        {when(d.sentAt)} 发送给 {d.recipientName}（{d.recipient}）
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p style={{ margin: 0 }}>该报告尚未成功发送给任何人。</p>
                )}
              </div>
            ))
          ) : (
            <div className="banner err">
              <strong>✗ 不是系统存档的报告</strong>
              <p style={{ margin: '6px 0 0' }}>
                “{name}”与任何存档报告都不一致：可能不是本系统发送的文件，或文件内容已被改动。
              </p>
            </div>
          )}
          <p className="hint" style={{ wordBreak: 'break-all' }}>
            文件 SHA-256：{answer.sha256}
          </p>
        </div>
      )}
    </div>
  );
}
