/**
 * One petition: what was asked, its clock, the handling so far; a form for the
 * next handling step (and the result), then callbacks once it is concluded; and
 * every change in its history.
 */
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyCallback, applyHandling, petitionClock } from '#domain/petitions/petition.rules.ts';
import {
  callbackWayLabels,
  callbackWays,
  handlingModeLabels,
  petitionCallbackSchema,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionFieldLabels,
  petitionHandlingSchema,
  petitionStatusLabels,
  petitionValueLabels,
  type Petition,
  type PetitionCallback,
  type PetitionHandling,
} from '#domain/petitions/petition.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { call } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';
import RecordHistory from '../shell/RecordHistory.tsx';
import {
  BannerView,
  FieldError,
  bodyResolver,
  fieldProps,
  refusalBanner,
  todayShanghai,
  type Banner,
  type Issue,
} from './PetitionFormKit.tsx';

type Stored = StoredRecord<Petition>;

/** Runs a domain rule and turns its refusal into a field issue for the form. */
const issuesOf = (fn: () => unknown): Issue[] => {
  try {
    fn();
    return [];
  } catch (e) {
    return ((e as { issues?: Issue[] }).issues ?? []).map((i) => ({ ...i }));
  }
};

export default function PetitionDetail() {
  const [id, setId] = useState('');
  useEffect(() => setId(new URLSearchParams(window.location.search).get('id') ?? ''), []);
  const [rec, setRec] = useState<Stored | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [banner, setBanner] = useState<Banner>(null);
  const [tick, setTick] = useState(0);
  const load = useCallback(async () => {
    const r = await call('petitionHistory', { params: { id } });
    if (r.ok) setRec(r.data.record);
    else setError(r.error.message);
    setTick((t) => t + 1);
  }, [id]);
  useEffect(() => {
    if (id) void load();
  }, [id, load]);

  if (error) return <div className="banner err">{error}</div>;
  if (!rec) return <p className="hint">正在加载…</p>;
  const d = rec.data;
  const clock = petitionClock(d, todayShanghai());
  return (
    <div>
      <BannerView banner={banner} />
      <div className="card">
        <p style={{ margin: 0 }}>
          <strong>{d.petitionerName}</strong> · {petitionChannelLabels[d.channel]} · {d.receivedDate}
        </p>
        <p style={{ margin: '6px 0' }}>
          {petitionCategoryLabels[d.category]}：{d.content}
        </p>
        <p className="hint" style={{ margin: 0 }}>
          {handlingModeLabels[d.handlingMode]}
          {d.assignedUnit ? ` · 承办：${d.assignedUnit}` : ''} · 期限 {d.dueDate} ·{' '}
          {petitionStatusLabels[d.status]}
          {d.monitoringReview ? ' · 纳入监测研判' : ''}
        </p>
        <p
          data-testid="clock"
          style={{
            margin: '8px 0 0',
            fontWeight: 700,
            color:
              clock.state === 'overdue'
                ? 'var(--err)'
                : clock.state === 'due-soon'
                  ? 'var(--warn)'
                  : 'var(--ok)',
          }}
        >
          {clock.label}
        </p>
      </div>
      {d.handling.length > 0 && (
        <>
          <h2>办理情况</h2>
          <ol style={{ paddingLeft: 20 }}>
            {d.handling.map((h, i) => (
              <li key={i}>
                {h.date} {h.byName}：{h.note}
              </li>
            ))}
          </ol>
        </>
      )}
      {d.result && (
        <p>
          <strong>办理结果：</strong>
          {petitionStatusLabels[d.status]}（{d.result.date}）{d.result.summary}
        </p>
      )}
      {d.callbacks.length > 0 && (
        <>
          <h2>回访记录</h2>
          <ol style={{ paddingLeft: 20 }}>
            {d.callbacks.map((c, i) => (
              <li key={i}>
                {c.date} {callbackWayLabels[c.way]} · {c.caller} · {c.satisfied ? '满意' : '不满意'}
                {c.notes ? ` · ${c.notes}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
      {d.status === 'open' ? (
        <HandlingForm rec={rec} onDone={(b) => (setBanner(b), void load())} />
      ) : (
        <CallbackForm rec={rec} onDone={(b) => (setBanner(b), void load())} />
      )}
      <RecordHistory
        key={tick}
        route="petitionHistory"
        params={{ id }}
        labels={petitionFieldLabels}
        valueLabels={petitionValueLabels}
      />
    </div>
  );
}

interface HandlingValues {
  date: string;
  note: string;
  outcome: string;
  summary: string;
}

function HandlingForm({ rec, onDone }: { rec: Stored; onDone: (b: Banner) => void }) {
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const toBody = (v: HandlingValues) => ({
    submissionId,
    expectedVersion: rec.version,
    date: v.date,
    note: v.note,
    ...(v.outcome ? { result: { outcome: v.outcome, summary: v.summary } } : {}),
  });
  const resolver = bodyResolver<HandlingValues, typeof petitionHandlingSchema>(
    petitionHandlingSchema,
    toBody,
    (b: PetitionHandling) => issuesOf(() => applyHandling(rec.data, b, '', todayShanghai())),
    (p) => (p.startsWith('result.') ? (p === 'result.outcome' ? 'outcome' : 'summary') : p),
  );
  const { register, handleSubmit, setError, reset, formState } = useForm<HandlingValues>({
    resolver,
    defaultValues: { date: todayShanghai(), note: '', outcome: '', summary: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (v) => {
    const res = await submitThroughOutbox({
      id: submissionId,
      route: 'handlePetition',
      params: { id: rec.id },
      body: toBody(v),
      label: `信访件办理 ${v.date}`,
      form: 'petition-handling',
    });
    if (res.state === 'refused') {
      for (const i of res.error.issues ?? [])
        setError((i.path.startsWith('result.') ? 'summary' : i.path) as keyof HandlingValues, {
          type: 'server',
          message: i.message,
        });
      return onDone(refusalBanner(res.status, res.error));
    }
    setSubmissionId(crypto.randomUUID());
    reset({ date: todayShanghai(), note: '', outcome: '', summary: '' });
    onDone(
      res.state === 'saved'
        ? { kind: 'ok', text: v.outcome ? '已办结。' : '已登记办理情况。' }
        : { kind: 'warn', text: '网络不可用：已保存在本机，联网后自动提交。' },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-label="登记办理情况">
      <OutboxPanel form="petition-handling" />
      <h2 style={{ marginTop: 0 }}>登记办理情况</h2>
      <label htmlFor="h-date">办理日期</label>
      <input
        id="h-date"
        type="date"
        max={todayShanghai()}
        {...register('date')}
        {...fieldProps(errors, 'date')}
      />
      <FieldError errors={errors} path="date" />
      <label htmlFor="h-note">办理情况</label>
      <textarea id="h-note" rows={3} {...register('note')} {...fieldProps(errors, 'note')} />
      <FieldError errors={errors} path="note" />
      <label htmlFor="h-outcome">办理结果</label>
      <select id="h-outcome" {...register('outcome')}>
        <option value="">尚未办结</option>
        <option value="resolved">已解决（办结）</option>
        <option value="unresolved">已答复未解决（办结）</option>
      </select>
      <label htmlFor="h-summary">
        结果说明 <span className="hint">办结时必填</span>
      </label>
      <textarea id="h-summary" rows={2} {...register('summary')} {...fieldProps(errors, 'summary')} />
      <FieldError errors={errors} path="summary" />
      <button className="primary" type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在提交…' : '提交办理情况'}
      </button>
    </form>
  );
}

interface CallbackValues {
  date: string;
  way: string;
  caller: string;
  satisfied: string;
  notes: string;
}

function CallbackForm({ rec, onDone }: { rec: Stored; onDone: (b: Banner) => void }) {
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const toBody = (v: CallbackValues) => ({
    submissionId,
    expectedVersion: rec.version,
    date: v.date,
    way: v.way || undefined,
    caller: v.caller,
    satisfied: v.satisfied === '' ? undefined : v.satisfied === 'yes',
    ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
  });
  const resolver = bodyResolver<CallbackValues, typeof petitionCallbackSchema>(
    petitionCallbackSchema,
    toBody,
    (b: PetitionCallback) => {
      const { submissionId: _s, expectedVersion: _v, ...c } = b;
      return issuesOf(() => applyCallback(rec.data, c, todayShanghai()));
    },
  );
  const { register, handleSubmit, setError, reset, formState } = useForm<CallbackValues>({
    resolver,
    defaultValues: { date: todayShanghai(), way: 'phone', caller: '', satisfied: '', notes: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (v) => {
    const res = await submitThroughOutbox({
      id: submissionId,
      route: 'addPetitionCallback',
      params: { id: rec.id },
      body: toBody(v),
      label: `信访回访 ${v.date}`,
      form: 'petition-callback',
    });
    if (res.state === 'refused') {
      for (const i of res.error.issues ?? [])
        setError(i.path as keyof CallbackValues, { type: 'server', message: i.message });
      return onDone(refusalBanner(res.status, res.error));
    }
    setSubmissionId(crypto.randomUUID());
    reset({ date: todayShanghai(), way: 'phone', caller: '', satisfied: '', notes: '' });
    onDone(
      res.state === 'saved'
        ? { kind: 'ok', text: '已登记回访。' }
        : { kind: 'warn', text: '网络不可用：回访已保存在本机，联网后自动提交。' },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-label="登记回访">
      <OutboxPanel form="petition-callback" />
      <h2 style={{ marginTop: 0 }}>登记回访</h2>
      <div className="row2">
        <div>
          <label htmlFor="c-date">回访日期</label>
          <input
            id="c-date"
            type="date"
            max={todayShanghai()}
            {...register('date')}
            {...fieldProps(errors, 'date')}
          />
          <FieldError errors={errors} path="date" />
        </div>
        <div>
          <label htmlFor="c-way">回访方式</label>
          <select id="c-way" {...register('way')} {...fieldProps(errors, 'way')}>
            {callbackWays.map((w) => (
              <option key={w} value={w}>
                {callbackWayLabels[w]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="c-caller">回访人</label>
      <input id="c-caller" {...register('caller')} {...fieldProps(errors, 'caller')} />
      <FieldError errors={errors} path="caller" />
      <label htmlFor="c-satisfied">群众是否满意</label>
      <select id="c-satisfied" {...register('satisfied')} {...fieldProps(errors, 'satisfied')}>
        <option value="">请选择</option>
        <option value="yes">满意</option>
        <option value="no">不满意</option>
      </select>
      <FieldError errors={errors} path="satisfied" />
      <label htmlFor="c-notes">备注</label>
      <textarea id="c-notes" rows={2} {...register('notes')} {...fieldProps(errors, 'notes')} />
      <button className="primary" type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在提交…' : '提交回访'}
      </button>
    </form>
  );
}
