/**
 * Petition intake (信访登记), phone-first: channel, petitioner, village and
 * household, category, content, handling mode with deadline and unit. Runs the
 * domain schema and intake rules before sending; the server stays the authority.
 */
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { intakeIssues, dueDateOf } from '#domain/petitions/petition.rules.ts';
import {
  handlingModeLabels,
  handlingModes,
  monitoringCategories,
  petitionCategories,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionChannels,
  petitionIntakeSchema,
  type PetitionCategory,
  type PetitionIntake,
} from '#domain/petitions/petition.schema.ts';
import type { PetitionPlaces } from '#domain/petitions/petition.api.ts';
import { call } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';
import {
  BannerView,
  FieldError,
  bodyResolver,
  fieldProps,
  refusalBanner,
  todayShanghai,
  type Banner,
} from './PetitionFormKit.tsx';

interface Values {
  receivedDate: string;
  channel: string;
  petitionerName: string;
  petitionerPhone: string;
  villageId: string;
  householdId: string;
  category: string;
  content: string;
  handlingMode: string;
  deadline: string;
  assignedUnit: string;
}

const empty = (today: string): Values => ({
  receivedDate: today,
  channel: '',
  petitionerName: '',
  petitionerPhone: '',
  villageId: '',
  householdId: '',
  category: '',
  content: '',
  handlingMode: 'immediate',
  deadline: '',
  assignedUnit: '',
});

function toBody(v: Values, submissionId: string): unknown {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    submissionId,
    receivedDate: v.receivedDate,
    channel: v.channel || undefined,
    petitionerName: v.petitionerName,
    petitionerPhone: v.petitionerPhone,
    villageId: v.villageId || undefined,
    ...(v.householdId ? { householdId: v.householdId } : {}),
    category: v.category || undefined,
    content: v.content,
    handlingMode: v.handlingMode,
    ...(v.handlingMode === 'deadline' && v.deadline ? { deadline: v.deadline } : {}),
    ...(v.handlingMode !== 'immediate' && opt(v.assignedUnit) ? { assignedUnit: opt(v.assignedUnit) } : {}),
  };
}

export default function PetitionIntakeForm() {
  const today = useMemo(todayShanghai, []);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [places, setPlaces] = useState<PetitionPlaces | null>(null);
  const [households, setHouseholds] = useState<PetitionPlaces['households']>([]);
  const [banner, setBanner] = useState<Banner>(null);
  const resolver = useMemo(
    () =>
      bodyResolver<Values, typeof petitionIntakeSchema>(
        petitionIntakeSchema,
        (v) => toBody(v, submissionId),
        (b: PetitionIntake) => intakeIssues(b, todayShanghai()),
      ),
    [submissionId],
  );
  const { register, handleSubmit, control, reset, setError, setValue, formState } = useForm<Values>({
    resolver,
    defaultValues: empty(today),
  });
  const { errors, isSubmitting } = formState;
  const mode = useWatch({ control, name: 'handlingMode' });
  const category = useWatch({ control, name: 'category' });
  const villageId = useWatch({ control, name: 'villageId' });
  const receivedDate = useWatch({ control, name: 'receivedDate' });
  const deadline = useWatch({ control, name: 'deadline' });

  useEffect(() => {
    void call('listPetitionPlaces').then((r) => {
      if (!r.ok) return setBanner({ kind: 'err', text: r.error.message });
      setPlaces(r.data);
    });
  }, []);
  // A village officer takes petitions for their own village only: choose it for them (once its option is drawn).
  useEffect(() => {
    if (places?.villages.length === 1) setValue('villageId', places.villages[0]!.id);
  }, [places, setValue]);
  useEffect(() => {
    setHouseholds([]);
    setValue('householdId', '');
    if (!villageId) return;
    void call('listPetitionPlaces', { query: { village: villageId } }).then(
      (r) => r.ok && setHouseholds(r.data.households),
    );
  }, [villageId, setValue]);

  const due = (() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedDate)) return null;
    if (mode === 'deadline') return deadline || null;
    return dueDateOf({ handlingMode: mode as 'immediate' | 'assigned', receivedDate });
  })();

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const body = toBody(values, submissionId) as PetitionIntake;
    const label = `${values.petitionerName} ${values.receivedDate} 信访登记`;
    const res = await submitThroughOutbox({
      id: submissionId,
      route: 'createPetition',
      body,
      label,
      form: 'petition-intake',
    });
    const next = () => {
      setSubmissionId(crypto.randomUUID());
      reset({ ...empty(today), villageId: places?.villages.length === 1 ? places.villages[0]!.id : '' });
    };
    if (res.state === 'saved') {
      setBanner({
        kind: 'ok',
        text: `已登记：${values.petitionerName}，办理期限 ${res.data.record.data.dueDate}。可在信访台账中查看办理时限。`,
      });
      next();
    } else if (res.state === 'waiting') {
      setBanner({ kind: 'warn', text: `网络不可用：${label}已保存在本机，联网后自动提交。` });
      next();
    } else {
      for (const i of res.error.issues ?? [])
        setError(i.path as keyof Values, { type: 'server', message: i.message });
      setBanner(refusalBanner(res.status, res.error));
    }
  });

  const townName = (id: string) => places?.towns.find((t) => t.id === id)?.name ?? '';
  return (
    <form onSubmit={onSubmit} noValidate>
      <OutboxPanel form="petition-intake" />
      <BannerView banner={banner} />
      <div className="row2">
        <div>
          <label htmlFor="receivedDate">受理日期</label>
          <input
            id="receivedDate"
            type="date"
            max={today}
            {...register('receivedDate')}
            {...fieldProps(errors, 'receivedDate')}
          />
          <FieldError errors={errors} path="receivedDate" />
        </div>
        <div>
          <label htmlFor="channel">来访渠道</label>
          <select id="channel" {...register('channel')} {...fieldProps(errors, 'channel')}>
            <option value="">请选择</option>
            {petitionChannels.map((c) => (
              <option key={c} value={c}>
                {petitionChannelLabels[c]}
              </option>
            ))}
          </select>
          <FieldError errors={errors} path="channel" />
        </div>
      </div>
      <h2>信访人</h2>
      <label htmlFor="petitionerName">姓名</label>
      <input
        id="petitionerName"
        autoComplete="off"
        {...register('petitionerName')}
        {...fieldProps(errors, 'petitionerName')}
      />
      <FieldError errors={errors} path="petitionerName" />
      <label htmlFor="petitionerPhone">联系电话</label>
      <input
        id="petitionerPhone"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        {...register('petitionerPhone')}
        {...fieldProps(errors, 'petitionerPhone')}
      />
      <FieldError errors={errors} path="petitionerPhone" />
      <label htmlFor="villageId">所在村/社区</label>
      <select id="villageId" {...register('villageId')} {...fieldProps(errors, 'villageId')}>
        <option value="">{places ? '请选择村/社区' : '正在加载…'}</option>
        {places?.villages.map((v) => (
          <option key={v.id} value={v.id}>
            {townName(v.townId)} {v.name}
          </option>
        ))}
      </select>
      <FieldError errors={errors} path="villageId" />
      <label htmlFor="householdId">
        所属农户 <span className="hint">已建档农户请选择，其他群众可不选</span>
      </label>
      <select id="householdId" {...register('householdId')} {...fieldProps(errors, 'householdId')}>
        <option value="">不选（非建档农户）</option>
        {households.map((h) => (
          <option key={h.id} value={h.id}>
            {h.headName} · {h.id}
          </option>
        ))}
      </select>
      <FieldError errors={errors} path="householdId" />
      <h2>诉求</h2>
      <label htmlFor="category">诉求类别</label>
      <select id="category" {...register('category')} {...fieldProps(errors, 'category')}>
        <option value="">请选择</option>
        {petitionCategories.map((c) => (
          <option key={c} value={c}>
            {petitionCategoryLabels[c]}
          </option>
        ))}
      </select>
      <FieldError errors={errors} path="category" />
      {monitoringCategories.has(category as PetitionCategory) && (
        <div className="banner warn">
          涉及“一收入两不愁三保障”或饮水安全：须立即处置，该户将列入监测研判名单。
        </div>
      )}
      <label htmlFor="content">诉求内容</label>
      <textarea id="content" rows={4} {...register('content')} {...fieldProps(errors, 'content')} />
      <FieldError errors={errors} path="content" />
      <h2>办理</h2>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="sr-only">办理方式</legend>
        <div style={{ display: 'flex', gap: 8 }} role="radiogroup" aria-label="办理方式">
          {handlingModes.map((m) => (
            <label
              key={m}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 6,
                fontWeight: 600,
                border: '1px solid var(--line)',
                borderRadius: 8,
                padding: '10px 12px',
                background: '#fff',
                flex: 1,
                margin: 0,
              }}
            >
              <input type="radio" value={m} style={{ width: 'auto' }} {...register('handlingMode')} />
              {handlingModeLabels[m]}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'deadline' && (
        <>
          <label htmlFor="deadline">办理期限</label>
          <input
            id="deadline"
            type="date"
            min={today}
            {...register('deadline')}
            {...fieldProps(errors, 'deadline')}
          />
          <FieldError errors={errors} path="deadline" />
        </>
      )}
      {mode !== 'immediate' && (
        <>
          <label htmlFor="assignedUnit">承办单位</label>
          <input
            id="assignedUnit"
            placeholder="如：县水利局、某某镇政府"
            {...register('assignedUnit')}
            {...fieldProps(errors, 'assignedUnit')}
          />
          <FieldError errors={errors} path="assignedUnit" />
        </>
      )}
      {due && <p className="hint">办理期限：{due}（即办为受理次日，交办为受理之日起 15 日）</p>}
      <button className="primary" type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在提交…' : '登记'}
      </button>
    </form>
  );
}
