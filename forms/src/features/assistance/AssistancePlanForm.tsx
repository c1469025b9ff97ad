/**
 * The assistance ledger (帮扶台账): open a household's plan (one per household),
 * or, on an existing plan, add a follow-up with its date and result. Validated
 * with the domain schemas; submitted through the outbox.
 */
import { useEffect, useState } from 'react';
import {
  assistanceCreateSchema,
  assistanceFieldLabels,
  assistanceTriggerLabels,
  assistanceTriggers,
  assistanceUpdateSchema,
  type AssistancePlan,
} from '#domain/income/assistance.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { call, type ApiIssue } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';
import HouseholdPicker from '../shell/HouseholdPicker.tsx';
import RecordHistory from '../shell/RecordHistory.tsx';

export default function AssistancePlanForm() {
  const [params] = useState(
    () => new URLSearchParams(typeof location === 'undefined' ? '' : location.search),
  );
  const planId = params.get('id');
  const [plan, setPlan] = useState<StoredRecord<AssistancePlan> | null>(null);
  const [f, setF] = useState({
    householdId: params.get('household') ?? '',
    trigger: 'income-fall',
    cause: '',
    measures: '',
    responsibleName: '',
    responsiblePhone: '',
    date: '',
    result: '',
  });
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [banner, setBanner] = useState<{ kind: 'ok' | 'err' | 'warn'; text: string } | null>(null);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!planId) return;
    void call('assistancePlanHistory', { params: { id: planId } }).then((r) =>
      r.ok ? setPlan(r.data.record) : setBanner({ kind: 'err', text: r.error.message }),
    );
  }, [planId, reload]);

  // The value is read at the event, not in the updater: the event is done with by then.
  const set =
    (k: keyof typeof f) =>
    ({ currentTarget: { value } }: { currentTarget: { value: string } }) =>
      setF((x) => ({ ...x, [k]: value }));
  const issue = (p: string) => issues.find((i) => i.path === p || i.path.startsWith(`${p}.`))?.message;
  const Err = ({ p }: { p: string }) =>
    issue(p) ? (
      <div className="error" role="alert">
        {issue(p)}
      </div>
    ) : null;

  const submit = async () => {
    const body = plan
      ? { submissionId, expectedVersion: plan.version, followUp: { date: f.date, result: f.result } }
      : {
          submissionId,
          householdId: f.householdId,
          trigger: f.trigger,
          cause: f.cause,
          measures: f.measures
            .split('\n')
            .map((m) => m.trim())
            .filter(Boolean),
          responsibleName: f.responsibleName,
          ...(f.responsiblePhone.trim() ? { responsiblePhone: f.responsiblePhone.trim() } : {}),
        };
    const parsed = (plan ? assistanceUpdateSchema : assistanceCreateSchema).safeParse(body);
    if (!parsed.success) {
      setIssues(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
      );
      return;
    }
    setIssues([]);
    const label = plan
      ? `${plan.data.householdId} 帮扶跟进`
      : `${String((body as { householdId: string }).householdId)} 帮扶计划`;
    const res = await submitThroughOutbox({
      id: submissionId,
      route: plan ? 'updateAssistancePlan' : 'createAssistancePlan',
      ...(plan ? { params: { id: plan.id } } : {}),
      body,
      label,
      form: 'assistance-plan',
    });
    setSubmissionId(crypto.randomUUID());
    if (res.state === 'saved') {
      setBanner({ kind: 'ok', text: `已保存：${label}` });
      if (!plan) location.search = `?id=${res.data.record.id}`;
      else {
        setF((x) => ({ ...x, date: '', result: '' }));
        setReload((n) => n + 1);
      }
    } else if (res.state === 'waiting')
      setBanner({ kind: 'warn', text: `网络不可用：${label}已保存在本机，联网后自动提交。` });
    else {
      setIssues(res.error.issues ?? []);
      setBanner({ kind: 'err', text: `${res.error.message}（${res.error.code}）` });
    }
  };

  return (
    <div>
      <OutboxPanel form="assistance-plan" />
      {banner && (
        <div className={`banner ${banner.kind}`} role="status">
          {banner.text}
        </div>
      )}
      {plan ? (
        <div className="card">
          <strong>
            {plan.data.householdId} · {assistanceTriggerLabels[plan.data.trigger]}
          </strong>
          <div>风险原因：{plan.data.cause}</div>
          <ol>
            {plan.data.measures.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
          <div className="hint">责任人：{plan.data.responsibleName}</div>
          <h2>跟进记录</h2>
          {plan.data.followUps.length === 0 && <p className="hint">尚无跟进记录</p>}
          <ul>
            {plan.data.followUps.map((x, i) => (
              <li key={i}>
                {x.date}：{x.result}
              </li>
            ))}
          </ul>
          <label htmlFor="fu-date">跟进日期</label>
          <input id="fu-date" type="date" value={f.date} onChange={set('date')} />
          <Err p="followUp.date" />
          <label htmlFor="fu-result">跟进结果</label>
          <textarea id="fu-result" rows={2} value={f.result} onChange={set('result')} />
          <Err p="followUp.result" />
        </div>
      ) : (
        <div>
          <label htmlFor="ap-household">农户</label>
          <HouseholdPicker
            id="ap-household"
            value={f.householdId}
            invalid={issue('householdId') !== undefined}
            onChange={(householdId) => setF((x) => ({ ...x, householdId }))}
          />
          <Err p="householdId" />
          <label htmlFor="ap-trigger">纳入原因</label>
          <select id="ap-trigger" value={f.trigger} onChange={set('trigger')}>
            {assistanceTriggers.map((t) => (
              <option key={t} value={t}>
                {assistanceTriggerLabels[t]}
              </option>
            ))}
          </select>
          <label htmlFor="ap-cause">风险原因</label>
          <textarea id="ap-cause" rows={2} value={f.cause} onChange={set('cause')} />
          <Err p="cause" />
          <label htmlFor="ap-measures">
            帮扶措施 <span className="hint">每行一条</span>
          </label>
          <textarea id="ap-measures" rows={3} value={f.measures} onChange={set('measures')} />
          <Err p="measures" />
          <div className="row2">
            <div>
              <label htmlFor="ap-name">责任人</label>
              <input id="ap-name" value={f.responsibleName} onChange={set('responsibleName')} />
              <Err p="responsibleName" />
            </div>
            <div>
              <label htmlFor="ap-phone">责任人手机</label>
              <input
                id="ap-phone"
                type="tel"
                inputMode="numeric"
                value={f.responsiblePhone}
                onChange={set('responsiblePhone')}
              />
              <Err p="responsiblePhone" />
            </div>
          </div>
        </div>
      )}
      <button type="button" className="primary" onClick={() => void submit()}>
        {plan ? '添加跟进' : '建立帮扶计划'}
      </button>
      {plan && (
        <RecordHistory
          key={reload}
          route="assistancePlanHistory"
          params={{ id: plan.id }}
          labels={assistanceFieldLabels}
          valueLabels={assistanceTriggerLabels}
        />
      )}
    </div>
  );
}
