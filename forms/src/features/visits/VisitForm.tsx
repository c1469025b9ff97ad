/**
 * The visit record form (走访记录): the signed-in person records a visit to a
 * village, a factory or a household, their duty targets offered first (the
 * coordination office may pick a duty holder and enter the visit for them), with
 * the problems found (each becomes a problem in the ledger). Validated with the
 * very schema and rules the function uses; submitted through the offline outbox.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { dutyRuleShortLabels } from '#domain/duties/duty-rules.ts';
import { staffPositionLabels } from '#domain/org/staff.schema.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import {
  problemCategories,
  problemCategoryLabels,
  visitEntrySchema,
  visitRuleIssues,
  visitTargetKindLabels,
  type VisitEntry,
  type VisitTargetKind,
} from '#domain/visits/visit.schema.ts';
import type { VisitTargetsReply } from '#domain/visits/visit.api.ts';
import type { TargetChoice } from '#domain/visits/visit.targets.ts';
import { call } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';
import StatusBanner, { type BannerState } from '../shell/StatusBanner.tsx';

interface FormValues {
  date: string;
  target: string;
  overnightStay: boolean;
  findings: string;
  problems: { category: string; description: string }[];
}

const targetValue = (c: Pick<TargetChoice, 'kind' | 'id'>) => `${c.kind}:${c.id}`;

function toEntry(v: FormValues, submissionId: string, visitorStaffId: string): VisitEntry {
  const [kind, id] = v.target.split(':');
  return {
    submissionId,
    ...(visitorStaffId ? { visitorStaffId } : {}),
    date: v.date,
    target: { kind: kind as VisitTargetKind, id: id ?? '' },
    overnightStay: v.overnightStay,
    findings: v.findings,
    problems: v.problems.map((p) => ({
      category: p.category as VisitEntry['problems'][number]['category'],
      description: p.description,
    })),
  };
}

/** Form field of a schema or server path: the target is one select here. */
const fieldOf = (path: string) => (path.startsWith('target') ? 'target' : path);

function setPath(errors: Record<string, unknown>, path: string, message: string, type: string) {
  const parts = path.split('.');
  let node = errors;
  parts.slice(0, -1).forEach((p) => {
    node[p] ??= {};
    node = node[p] as Record<string, unknown>;
  });
  node[parts[parts.length - 1]!] ??= { type, message };
}

export default function VisitForm() {
  const [choices, setChoices] = useState<VisitTargetsReply | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [banner, setBanner] = useState<BannerState | null>(null);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  // Whose visit it is: '' for one's own; a duty holder's staff id when the office enters it for them.
  const [visitorStaffId, setVisitorStaffId] = useState('');
  const today = useMemo(() => shanghaiDate(new Date()), []);
  const blank: FormValues = { date: today, target: '', overnightStay: false, findings: '', problems: [] };

  const resolver: Resolver<FormValues> = useCallback(
    async (values) => {
      const entry = toEntry(values, submissionId, visitorStaffId);
      const errors: Record<string, unknown> = {};
      const parsed = visitEntrySchema.safeParse(entry);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          setPath(errors, fieldOf(issue.path.map(String).join('.')), issue.message, issue.code);
      }
      for (const issue of visitRuleIssues(entry, shanghaiDate(new Date())))
        setPath(errors, issue.path, issue.message, issue.code);
      if (!values.target) setPath(errors, 'target', '请选择走访对象', 'required');
      return Object.keys(errors).length
        ? { values: {}, errors: errors as FieldErrors<FormValues> }
        : { values, errors: {} };
    },
    [submissionId, visitorStaffId],
  );

  const {
    register,
    handleSubmit,
    control,
    reset,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver, defaultValues: blank });
  const problems = useFieldArray({ control, name: 'problems' });

  useEffect(() => {
    let live = true;
    setChoices((c) => (c && visitorStaffId ? { ...c, mine: [], others: [] } : c));
    void call('listVisitTargets', { query: { for: visitorStaffId || undefined } }).then((res) => {
      if (!live) return;
      if (res.ok) setChoices(res.data);
      else setLoadError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [visitorStaffId]);
  const holders = choices?.dutyHolders;
  const visitorName = holders?.find((h) => h.id === visitorStaffId)?.name;

  const all = [...(choices?.mine ?? []), ...(choices?.others ?? [])];
  const nameOf = (value: string) => all.find((c) => targetValue(c) === value)?.name ?? value;

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const entry = toEntry(values, submissionId, visitorStaffId);
    const label = `${entry.date} ${visitorName ? `${visitorName}（代录）` : ''}走访${nameOf(values.target)}`;
    const res = await submitThroughOutbox({
      id: entry.submissionId,
      route: 'createVisit',
      body: entry,
      label,
      form: 'visit-entry',
    });
    const next = () => {
      setSubmissionId(crypto.randomUUID());
      reset(blank);
    };
    if (res.state === 'saved') {
      const n = res.data.problems.length;
      setBanner({
        kind: 'ok',
        text: `已保存：${label}${n ? `，登记问题 ${n} 个，已列入问题台账` : ''}。`,
        href: `/visits/record/?id=${encodeURIComponent(res.data.record.id)}`,
      });
      next();
      return;
    }
    if (res.state === 'waiting') {
      setBanner({
        kind: 'warn',
        text: `网络不可用：${label}已保存在本机，联网后自动提交。`,
        pendingId: entry.submissionId,
      });
      next();
      return;
    }
    for (const issue of res.error.issues ?? [])
      setError(fieldOf(issue.path) as keyof FormValues, { type: 'server', message: issue.message });
    setBanner({ kind: 'err', text: `${res.error.message}（${res.error.code}）` });
  });

  const err = (path: string): string | undefined => {
    const node = path
      .split('.')
      .reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], errors);
    return (node as { message?: string } | undefined)?.message;
  };
  const fieldProps = (path: string) => ({
    'aria-invalid': err(path) ? ('true' as const) : ('false' as const),
    'aria-describedby': err(path) ? `${path}-error` : undefined,
  });
  const FieldError = ({ path }: { path: string }) =>
    err(path) ? (
      <div className="error" id={`${path}-error`} role="alert">
        {err(path)}
      </div>
    ) : null;

  const option = (c: TargetChoice) => (
    <option key={targetValue(c)} value={targetValue(c)}>
      {c.name}（{visitTargetKindLabels[c.kind]}）· {c.detail}
      {c.rules.length ? ` · ${c.rules.map((r) => dutyRuleShortLabels[r]).join('、')}` : ''}
    </option>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <OutboxPanel form="visit-entry" />
      <StatusBanner banner={banner} />

      {holders && (
        <>
          <label htmlFor="visitor">
            走访人 <span className="hint">县协调办可代领导等责任人录入，计入其本人走访</span>
          </label>
          <select
            id="visitor"
            value={visitorStaffId}
            onChange={(e) => {
              setVisitorStaffId(e.currentTarget.value);
              // The targets change with the person: keep the date, choose the target again.
              reset({ ...blank, date: getValues('date') });
            }}
          >
            <option value="">本人</option>
            {holders.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
                {h.position ? `（${staffPositionLabels[h.position]}）` : ''}
              </option>
            ))}
          </select>
        </>
      )}

      <label htmlFor="date">走访日期</label>
      <input id="date" type="date" max={today} {...register('date')} {...fieldProps('date')} />
      <FieldError path="date" />

      <label htmlFor="target">
        走访对象{' '}
        <span className="hint">{visitorName ? `只列出${visitorName}的责任对象` : '先列出您的责任对象'}</span>
      </label>
      {loadError && <div className="banner err">{loadError}</div>}
      <select id="target" {...register('target')} {...fieldProps('target')} disabled={!choices}>
        <option value="">{choices ? '请选择走访对象' : '正在加载…'}</option>
        {choices && choices.mine.length > 0 && (
          <optgroup label={`${visitorName ? `${visitorName}的` : '我的'}责任对象（${choices.mine.length}）`}>
            {choices.mine.map(option)}
          </optgroup>
        )}
        {choices && choices.others.length > 0 && (
          <optgroup label="其他对象">{choices.others.map(option)}</optgroup>
        )}
      </select>
      <FieldError path="target" />

      <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <input type="checkbox" style={{ width: 'auto' }} {...register('overnightStay')} />
        驻村过夜（在村住宿一晚）
      </label>

      <label htmlFor="findings">走访情况</label>
      <textarea
        id="findings"
        rows={4}
        placeholder="了解到的家庭、生产、收入、政策落实等情况"
        {...register('findings')}
        {...fieldProps('findings')}
      />
      <FieldError path="findings" />

      <h2>发现的问题</h2>
      {problems.fields.length === 0 && (
        <p className="hint">未发现问题可不填；发现问题请逐个添加，每个问题将列入问题台账跟踪整改。</p>
      )}
      {problems.fields.map((f, i) => (
        <fieldset key={f.id} className="card" style={{ border: '1px solid var(--line)' }}>
          <legend>问题 {i + 1}</legend>
          <label htmlFor={`problems.${i}.category`}>问题类别</label>
          <select
            id={`problems.${i}.category`}
            {...register(`problems.${i}.category`)}
            {...fieldProps(`problems.${i}.category`)}
          >
            <option value="">请选择</option>
            {problemCategories.map((c) => (
              <option key={c} value={c}>
                {problemCategoryLabels[c]}
              </option>
            ))}
          </select>
          <FieldError path={`problems.${i}.category`} />
          <label htmlFor={`problems.${i}.description`}>问题描述</label>
          <textarea
            id={`problems.${i}.description`}
            rows={2}
            {...register(`problems.${i}.description`)}
            {...fieldProps(`problems.${i}.description`)}
          />
          <FieldError path={`problems.${i}.description`} />
          <button
            type="button"
            className="secondary"
            style={{ marginTop: 8 }}
            onClick={() => problems.remove(i)}
          >
            删除问题 {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => problems.append({ category: '', description: '' })}
      >
        ＋ 添加问题
      </button>

      <button className="primary" type="submit" disabled={isSubmitting || !choices}>
        {isSubmitting ? '正在提交…' : '提交走访记录'}
      </button>
    </form>
  );
}
