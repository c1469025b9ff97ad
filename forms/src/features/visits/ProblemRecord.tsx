/**
 * One problem and its rectification (整改): the person updates status,
 * measures, deadline, completion date and evidence on the version they see;
 * closing requires evidence, on this side as on the server.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import type { StoredRecord } from '#domain/records/record.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import {
  isProblemOverdue,
  problemCategoryLabels,
  problemStatuses,
  problemStatusLabels,
  problemUpdateIssues,
  problemUpdateSchema,
  type ProblemData,
  type ProblemStatus,
} from '#domain/visits/visit.schema.ts';
import { call } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';
import RecordHistory from '../shell/RecordHistory.tsx';

/** Label and value side by side: the record reads as a form on a phone. */
const factsStyle = {
  display: 'grid',
  gridTemplateColumns: '5.5em 1fr',
  gap: '6px 8px',
  margin: '12px 0',
} as const;

type Stored = StoredRecord<ProblemData>;

interface FormValues {
  status: ProblemStatus;
  measures: string;
  deadline: string;
  completedOn: string;
  evidence: string;
  reason: string;
}

const labels = {
  status: '整改状态',
  measures: '整改措施',
  deadline: '整改期限',
  completedOn: '完成日期',
  evidence: '整改佐证',
};

export default function ProblemRecord() {
  const [id, setId] = useState<string | null>(null);
  const [record, setRecord] = useState<Stored | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [banner, setBanner] = useState<{ kind: 'ok' | 'err' | 'warn'; text: string } | null>(null);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [historyKey, setHistoryKey] = useState(0);
  const today = useMemo(() => shanghaiDate(new Date()), []);

  const values = (r: Stored): FormValues => ({
    status: r.data.status,
    measures: r.data.measures ?? '',
    deadline: r.data.deadline ?? '',
    completedOn: r.data.completedOn ?? '',
    evidence: r.data.evidence ?? '',
    reason: '',
  });

  const body = (v: FormValues, version: number) => ({ submissionId, expectedVersion: version, ...v });

  const resolver: Resolver<FormValues> = useCallback(
    async (v) => {
      const errors: Record<string, { type: string; message: string }> = {};
      const parsed = problemUpdateSchema.safeParse(body(v, record?.version ?? 1));
      if (!parsed.success) {
        for (const i of parsed.error.issues)
          errors[String(i.path[0] ?? 'status')] ??= { type: i.code, message: i.message };
      } else {
        const issues = problemUpdateIssues(parsed.data, {
          today: shanghaiDate(new Date()),
          ...(record ? { visitDate: record.data.visitDate, currentStatus: record.data.status } : {}),
        });
        for (const i of issues) errors[i.path] ??= { type: i.code, message: i.message };
      }
      return Object.keys(errors).length
        ? { values: {}, errors: errors as FieldErrors<FormValues> }
        : { values: v, errors: {} };
    },
    [record, submissionId],
  );
  const {
    register,
    handleSubmit,
    reset,
    watch,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver });

  const load = useCallback(async (q: string) => {
    const res = await call('problemHistory', { params: { id: q } });
    if (!res.ok) return setError(res.error.message);
    setRecord(res.data.record);
    reset(values(res.data.record));
    setHistoryKey((k) => k + 1);
  }, []);

  useEffect(() => {
    const q = new URLSearchParams(location.search).get('id');
    setId(q);
    if (!q) setError('缺少问题编号');
    else void load(q);
  }, [load]);

  const onSubmit = handleSubmit(async (v) => {
    if (!record || !id) return;
    setBanner(null);
    const res = await submitThroughOutbox({
      id: submissionId,
      route: 'updateProblem',
      params: { id },
      body: body(v, record.version),
      label: `问题整改：${record.data.description.slice(0, 20)}`,
      form: 'problem-rectification',
    });
    setSubmissionId(crypto.randomUUID());
    if (res.state === 'saved') {
      setBanner({
        kind: 'ok',
        text: `已保存：${problemStatusLabels[res.data.record.data.status]}（第 ${res.data.record.version} 版）。`,
      });
      await load(id);
      return;
    }
    if (res.state === 'waiting') {
      setBanner({ kind: 'warn', text: '网络不可用：整改情况已保存在本机，联网后自动提交。' });
      return;
    }
    for (const i of res.error.issues ?? [])
      setFieldError(i.path as keyof FormValues, { type: 'server', message: i.message });
    if (res.status === 409) {
      setBanner({ kind: 'warn', text: `${res.error.message}（已载入最新版本）` });
      await load(id);
      return;
    }
    setBanner({ kind: 'err', text: `${res.error.message}（${res.error.code}）` });
  });

  if (error) return <div className="banner err">{error}</div>;
  if (!record || !id) return <p className="hint">正在加载…</p>;
  const d = record.data;
  const overdue = isProblemOverdue(d, today);
  const status = watch('status');
  const err = (k: keyof FormValues) => errors[k]?.message;
  const field = (k: keyof FormValues) => ({
    id: k,
    'aria-invalid': err(k) ? ('true' as const) : ('false' as const),
    'aria-describedby': err(k) ? `${k}-error` : undefined,
  });
  const FieldError = ({ k }: { k: keyof FormValues }) =>
    err(k) ? (
      <div className="error" id={`${k}-error`} role="alert">
        {err(k)}
      </div>
    ) : null;

  return (
    <>
      <dl className="card" style={factsStyle}>
        <dt style={{ color: 'var(--muted)' }}>问题</dt>
        <dd style={{ margin: 0 }}>{d.description}</dd>
        <dt style={{ color: 'var(--muted)' }}>类别</dt>
        <dd style={{ margin: 0 }}>{problemCategoryLabels[d.category]}</dd>
        <dt style={{ color: 'var(--muted)' }}>走访对象</dt>
        <dd style={{ margin: 0 }}>{d.target.name}</dd>
        <dt style={{ color: 'var(--muted)' }}>发现</dt>
        <dd style={{ margin: 0 }}>
          {d.visitDate} · {d.foundBy.name} ·{' '}
          <a href={`/visits/record/?id=${encodeURIComponent(d.visitId)}`}>查看走访记录</a>
        </dd>
        <dt style={{ color: 'var(--muted)' }}>当前状态</dt>
        <dd style={{ margin: 0, ...(overdue ? { color: 'var(--err)', fontWeight: 700 } : {}) }}>
          {problemStatusLabels[d.status]}
          {overdue ? `（已逾期，期限 ${d.deadline}）` : ''}
        </dd>
      </dl>
      <OutboxPanel form="problem-rectification" />
      {banner && (
        <div className={`banner ${banner.kind}`} role="status">
          {banner.text}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <h2>整改情况</h2>
        <label htmlFor="status">整改状态</label>
        <select {...register('status')} {...field('status')}>
          {problemStatuses.map((s) => (
            <option key={s} value={s}>
              {problemStatusLabels[s]}
            </option>
          ))}
        </select>
        <FieldError k="status" />
        <label htmlFor="measures">整改措施</label>
        <textarea rows={3} {...register('measures')} {...field('measures')} />
        <FieldError k="measures" />
        <label htmlFor="deadline">整改期限</label>
        <input type="date" {...register('deadline')} {...field('deadline')} />
        <FieldError k="deadline" />
        {status === 'rectified' && (
          <>
            <label htmlFor="completedOn">完成日期</label>
            <input type="date" max={today} {...register('completedOn')} {...field('completedOn')} />
            <FieldError k="completedOn" />
            <label htmlFor="evidence">
              整改佐证 <span className="hint">整改完成必填：验收记录、照片编号、见证人等</span>
            </label>
            <textarea rows={3} {...register('evidence')} {...field('evidence')} />
            <FieldError k="evidence" />
          </>
        )}
        <label htmlFor="reason">
          修改说明 <span className="hint">选填</span>
        </label>
        <input {...register('reason')} {...field('reason')} />
        <FieldError k="reason" />
        <button className="primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? '正在提交…' : '保存整改情况'}
        </button>
      </form>
      <RecordHistory key={historyKey} route="problemHistory" params={{ id }} labels={labels} />
    </>
  );
}
