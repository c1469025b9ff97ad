/**
 * What the petition, opinion and meeting forms share: a resolver that runs the
 * domain schema and rules on the request body, field errors from the schema or
 * the server shown beside their fields, and sending through the offline outbox.
 */
import { shanghaiDate } from '#domain/shared/period.ts';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type * as z from '#domain/shared/zod-mini.ts';
import type { ApiError } from '../../lib/api.ts';

export interface Issue {
  path: string;
  message: string;
  code?: string;
}

/** Today in Asia/Shanghai, as the server judges dates. */
/** Today in Asia/Shanghai, from the one definition in domain/shared/period.ts. */
export const todayShanghai = (): string => shanghaiDate(new Date());

function setPath(errors: Record<string, unknown>, path: string, message: string, type: string) {
  const parts = path.split('.');
  let node = errors;
  parts.slice(0, -1).forEach((p) => {
    node[p] ??= {};
    node = node[p] as Record<string, unknown>;
  });
  node[parts[parts.length - 1]!] ??= { type, message };
}

/**
 * A resolver: the form values become the request body, which must pass the
 * same zod schema and domain rules the function runs. `fieldOf` maps a body
 * path to the form field that shows it.
 */
export function bodyResolver<V extends FieldValues, S extends z.ZodMiniType>(
  schema: S,
  toBody: (v: V) => unknown,
  rules: (body: z.infer<S>) => Issue[] = () => [],
  fieldOf: (path: string) => string = (p) => p,
): Resolver<V> {
  return async (values) => {
    const errors: Record<string, unknown> = {};
    const parsed = schema.safeParse(toBody(values));
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        setPath(errors, fieldOf(i.path.map(String).join('.')), i.message, i.code);
    } else {
      for (const i of rules(parsed.data)) setPath(errors, fieldOf(i.path), i.message, i.code ?? 'rule');
    }
    return Object.keys(errors).length
      ? { values: {}, errors: errors as FieldErrors<V> }
      : { values, errors: {} };
  };
}

/** The message at a dotted path of react-hook-form's error tree. */
export function errorAt(errors: unknown, path: string): string | undefined {
  const node = path
    .split('.')
    .reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], errors);
  return (node as { message?: string } | undefined)?.message;
}

export function fieldProps(errors: unknown, path: string) {
  const e = errorAt(errors, path);
  return {
    'aria-invalid': e ? ('true' as const) : ('false' as const),
    'aria-describedby': e ? `${path}-error` : undefined,
  };
}

export function FieldError({ errors, path }: { errors: unknown; path: string }) {
  const e = errorAt(errors, path);
  return e ? (
    <div className="error" id={`${path}-error`} role="alert">
      {e}
    </div>
  ) : null;
}

export type Banner = { kind: 'ok' | 'err' | 'warn'; text: string } | null;

export function BannerView({ banner }: { banner: Banner }) {
  return banner ? (
    <div className={`banner ${banner.kind}`} role="status">
      {banner.text}
    </div>
  ) : null;
}

/** The banner for a refusal: the server's message and code; a conflict asks to reload. */
export function refusalBanner(status: number, error: ApiError): Banner {
  if (status === 409)
    return {
      kind: 'warn',
      text: `${error.message}（当前版本 ${error.currentVersion ?? '?'}），请刷新页面后再提交。`,
    };
  return { kind: 'err', text: `${error.message}（${error.code}）` };
}
