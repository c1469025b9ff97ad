/**
 * The sign-in form, then (for a new account) the forced password change, or (for
 * an account with an authenticator app) the six-digit code. Phone first: one
 * column, large inputs, the right keyboards and autofill hints.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { newPasswordSchema, passwordPolicyText } from '#domain/auth/user-pool.ts';
import * as z from '#domain/shared/zod-mini.ts';
import {
  answerMfa,
  AuthError,
  completeNewPassword,
  safeNext,
  signIn,
  type MfaChallenge,
  type NewPasswordChallenge,
} from '../../lib/auth-client.ts';

const signInSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, { error: '请输入用户名' })),
  password: z.string().check(z.minLength(1, { error: '请输入密码' })),
});
type SignInValues = z.infer<typeof signInSchema>;

const newPasswordFormSchema = z
  .object({
    newPassword: newPasswordSchema,
    confirmPassword: z.string().check(z.minLength(1, { error: '请再次输入新密码' })),
  })
  .check(
    z.refine((v) => v.newPassword === v.confirmPassword, {
      path: ['confirmPassword'],
      error: '两次输入的新密码不一致',
    }),
  );
type NewPasswordValues = z.infer<typeof newPasswordFormSchema>;

function goNext(): void {
  location.assign(safeNext(new URLSearchParams(location.search).get('next')));
}

function messageOf(e: unknown): string {
  return e instanceof AuthError ? e.message : '登录失败，请稍后重试';
}

export default function LoginForm() {
  const [challenge, setChallenge] = useState<NewPasswordChallenge | MfaChallenge | null>(null);
  if (challenge?.kind === 'new-password-required')
    return <NewPasswordStep challenge={challenge} onRestart={() => setChallenge(null)} />;
  if (challenge?.kind === 'mfa-required')
    return <MfaStep challenge={challenge} onRestart={() => setChallenge(null)} />;
  return <SignInStep onChallenge={setChallenge} />;
}

const mfaCodeSchema = z.object({
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/, { error: '请输入身份验证器上的 6 位数字' })),
});

/** The second step for an account with an authenticator app: its current six-digit code. */
function MfaStep({ challenge, onRestart }: { challenge: MfaChallenge; onRestart: () => void }) {
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<{ code: string }>({ resolver: zodResolver(mfaCodeSchema) });
  const onSubmit = handleSubmit(async ({ code }) => {
    setFormError(null);
    try {
      await answerMfa(challenge, code);
      goNext();
    } catch (e) {
      // cognito-local and Cognito end the session after a wrong code: sign in again.
      if (e instanceof AuthError && e.code === 'AUTH.EXPIREDCODE') return onRestart();
      setFormError(messageOf(e));
    }
  });
  return (
    <form className="login-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>输入动态验证码</h2>
      <p className="hint">
        打开手机上的身份验证器（如 Microsoft Authenticator），输入“守望”显示的 6 位数字。
      </p>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-code`}>动态验证码</label>
        <input
          id={`${id}-code`}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          aria-invalid={errors.code ? true : undefined}
          {...register('code')}
        />
        {errors.code && (
          <p className="field-error" role="alert">
            {errors.code.message}
          </p>
        )}
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在验证…' : '验证并登录'}
      </button>
      <button type="button" className="secondary" onClick={onRestart}>
        返回重新登录
      </button>
    </form>
  );
}

function SignInStep({ onChallenge }: { onChallenge: (c: NewPasswordChallenge | MfaChallenge) => void }) {
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setFormError(null);
    try {
      const result = await signIn(username, password);
      if (result.kind === 'signed-in') goNext();
      else onChallenge(result);
    } catch (e) {
      setFormError(messageOf(e));
    }
  });

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>请使用县级管理员开设的账号登录</h2>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-username`}>用户名</label>
        <input
          id={`${id}-username`}
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? `${id}-username-error` : undefined}
          {...register('username')}
        />
        {errors.username && (
          <p id={`${id}-username-error`} className="field-error" role="alert">
            {errors.username.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>密码</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? `${id}-password-error` : undefined}
          {...register('password')}
        />
        {errors.password && (
          <p id={`${id}-password-error`} className="field-error" role="alert">
            {errors.password.message}
          </p>
        )}
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在登录…' : '登录'}
      </button>
      <p className="hint">忘记密码请联系县级管理员重置。</p>
    </form>
  );
}

function NewPasswordStep({
  challenge,
  onRestart,
}: {
  challenge: NewPasswordChallenge;
  onRestart: () => void;
}) {
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<NewPasswordValues>({ resolver: zodResolver(newPasswordFormSchema) });

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    setFormError(null);
    try {
      await completeNewPassword(challenge, newPassword);
      goNext();
    } catch (e) {
      // An expired challenge cannot be answered again: start over from the password.
      if (
        e instanceof AuthError &&
        (e.code === 'AUTH.CODEMISMATCH' ||
          e.code === 'AUTH.EXPIREDCODE' ||
          e.code === 'AUTH.WRONG_CREDENTIALS')
      ) {
        onRestart();
        return;
      }
      setFormError(messageOf(e));
    }
  });

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>首次登录：设置新密码</h2>
      <p id={`${id}-policy`} className="hint">
        为保护农户信息安全，首次登录须将临时密码改为只有您知道的新密码。{passwordPolicyText}
      </p>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-new`}>新密码</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.newPassword ? true : undefined}
          aria-describedby={`${id}-policy${errors.newPassword ? ` ${id}-new-error` : ''}`}
          {...register('newPassword')}
        />
        {errors.newPassword && (
          <p id={`${id}-new-error`} className="field-error" role="alert">
            {errors.newPassword.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>确认新密码</label>
        <input
          id={`${id}-confirm`}
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.confirmPassword ? true : undefined}
          aria-describedby={errors.confirmPassword ? `${id}-confirm-error` : undefined}
          {...register('confirmPassword')}
        />
        {errors.confirmPassword && (
          <p id={`${id}-confirm-error`} className="field-error" role="alert">
            {errors.confirmPassword.message}
          </p>
        )}
      </div>
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在保存…' : '保存新密码并登录'}
      </button>
    </form>
  );
}
