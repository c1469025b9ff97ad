/**
 * One form for the data-quality registers: fields described as data, validated
 * with the register's own zod schema (the one the function uses), submitted
 * through the offline outbox, server errors shown beside their fields.
 */
import { useCallback, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import type { qualityRoutes } from '#domain/quality/quality.routes.ts';
import type * as z from '#domain/shared/zod-mini.ts';
import type { RecordRouteId } from '#domain/system/api.ts';
import type { PathParams, WriteRouteId } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';

export interface QualityField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'number' | 'select';
  options?: readonly { value: string; label: string }[];
  hint?: string;
  /** Shown only when this returns true for the current values. */
  when?: (v: Record<string, string>) => boolean;
}

/** The data-quality routes a form stores through: each answers the record it stored. */
export type QualityWriteRouteId = Extract<(typeof qualityRoutes)[number]['id'], WriteRouteId & RecordRouteId>;

export interface QualityFormProps<Id extends QualityWriteRouteId> {
  form: string;
  /** The route the form submits to, e.g. `createDataError`. */
  route: Id;
  /** Its path parameters, e.g. the record's id for `closeDataError`. */
  params?: PathParams<Id>;
  /** Validates the body exactly as the function will. */
  schema: z.ZodMiniType;
  fields: readonly QualityField[];
  initial: Record<string, string>;
  /** Values (all strings from the inputs) to the request body; empty fields left out. */
  toBody: (v: Record<string, string>) => Record<string, unknown>;
  label: (v: Record<string, string>) => string;
  submitText?: string;
  /** After a save: e.g. go to the ledger. */
  onSaved?: (record: { id: string }) => void;
}

/** Drops empty strings, so optional fields stay absent. */
export function compact(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined));
}

export default function QualityForm<Id extends QualityWriteRouteId>(props: QualityFormProps<Id>) {
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [banner, setBanner] = useState<{ kind: 'ok' | 'err' | 'warn'; text: string } | null>(null);
  const resolver: Resolver<Record<string, string>> = useCallback(
    async (values) => {
      const parsed = props.schema.safeParse({ ...props.toBody(values), submissionId });
      if (parsed.success) return { values, errors: {} };
      const errors: Record<string, { type: string; message: string }> = {};
      for (const i of parsed.error.issues) {
        const key = String(i.path[0] ?? 'form');
        errors[key] ??= { type: i.code, message: i.message };
      }
      return { values: {}, errors: errors as FieldErrors<Record<string, string>> };
    },
    [props, submissionId],
  );
  const { register, handleSubmit, reset, setError, watch, formState } = useForm<Record<string, string>>({
    resolver,
    defaultValues: props.initial,
  });
  const values = watch();

  const onSubmit = handleSubmit(async (v) => {
    setBanner(null);
    const res = await submitThroughOutbox({
      id: submissionId,
      route: props.route,
      ...(props.params ? { params: props.params } : {}),
      body: { ...props.toBody(v), submissionId },
      label: props.label(v),
      form: props.form,
    });
    if (res.state === 'refused') {
      for (const i of res.error.issues ?? [])
        setError(i.path.split('.')[0] ?? 'form', { type: 'server', message: i.message });
      setBanner({ kind: 'err', text: `${res.error.message}（${res.error.code}）` });
      return;
    }
    setBanner(
      res.state === 'saved'
        ? { kind: 'ok', text: `已保存：${props.label(v)}` }
        : { kind: 'warn', text: `网络不可用：${props.label(v)}已保存在本机，联网后自动提交。` },
    );
    setSubmissionId(crypto.randomUUID());
    reset(props.initial);
    if (res.state === 'saved') props.onSaved?.(res.data.record);
  });

  const err = (name: string) => (formState.errors[name] as { message?: string } | undefined)?.message;
  return (
    <form onSubmit={onSubmit} noValidate>
      <OutboxPanel form={props.form} />
      {banner && (
        <div className={`banner ${banner.kind}`} role="status">
          {banner.text}
        </div>
      )}
      {props.fields
        .filter((f) => !f.when || f.when(values))
        .map((f) => {
          const a = {
            id: f.name,
            'aria-invalid': err(f.name) ? ('true' as const) : ('false' as const),
            'aria-describedby': err(f.name) ? `${f.name}-error` : undefined,
            ...register(f.name),
          };
          return (
            <div key={f.name}>
              <label htmlFor={f.name}>
                {f.label} {f.hint && <span className="hint">{f.hint}</span>}
              </label>
              {f.kind === 'select' ? (
                <select {...a}>
                  <option value="">请选择</option>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea rows={3} {...a} />
              ) : (
                <input
                  type={f.kind === 'number' ? 'number' : f.kind === 'date' ? 'date' : 'text'}
                  inputMode={f.kind === 'number' ? 'numeric' : undefined}
                  {...a}
                />
              )}
              {err(f.name) && (
                <div className="error" id={`${f.name}-error`} role="alert">
                  {err(f.name)}
                </div>
              )}
            </div>
          );
        })}
      <button className="primary" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? '正在提交…' : (props.submitText ?? '提交')}
      </button>
    </form>
  );
}
