/**
 * 安全设置: the signed-in person adds an authenticator app (TOTP) to their
 * account. The app scans the QR code (or takes the secret typed in), then the
 * person types the code it shows; from then on every sign-in asks for a code.
 */
import { useState } from 'react';
import { renderSVG } from 'uqr';
import {
  AuthError,
  confirmTotpSetup,
  startTotpSetup,
  type TotpSetup as Setup,
} from '../../lib/auth-client.ts';

export default function TotpSetup() {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [state, setState] = useState<{ kind: 'ok' | 'err'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) =>
    setState({ kind: 'err', text: e instanceof AuthError ? e.message : '操作失败，请稍后重试' });

  const start = async () => {
    setState(null);
    setBusy(true);
    try {
      setSetup(await startTotpSetup());
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!/^\d{6}$/.test(code.trim())) return setState({ kind: 'err', text: '请输入身份验证器上的 6 位数字' });
    setBusy(true);
    try {
      await confirmTotpSetup(code);
      setSetup(null);
      setCode('');
      setState({ kind: 'ok', text: '已开启动态验证码：以后每次登录都要输入身份验证器上的 6 位数字。' });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-label="动态验证码">
      <h2 style={{ marginTop: 0 }}>动态验证码（身份验证器）</h2>
      <p className="hint">
        开启后，登录时除密码外还要输入手机身份验证器（如 Microsoft Authenticator、Google Authenticator）上的 6
        位数字， 账号密码即使泄露也无法登录。县级管理员和县衔接办账号应当开启。
      </p>
      {state && (
        <div className={`banner ${state.kind}`} role="status">
          {state.text}
        </div>
      )}
      {!setup ? (
        <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
          开启动态验证码
        </button>
      ) : (
        <div>
          <p>1. 用身份验证器扫描二维码：</p>
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(setup.uri))}`}
            alt="身份验证器二维码"
            width={200}
            height={200}
          />
          <p className="hint">
            无法扫描时，在身份验证器中手动添加，密钥：<code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <label htmlFor="totp-code">2. 输入身份验证器显示的 6 位数字</label>
          <input
            id="totp-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
            验证并开启
          </button>
        </div>
      )}
    </section>
  );
}
