/** A review meeting record: village weekly, town 逢四研事, department monthly, county quarterly. */
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { LedgerCells } from '#domain/records/record.api.ts';
import { meetingIssues } from '#domain/petitions/meeting.rules.ts';
import {
  meetingCreateSchema,
  meetingLevelLabels,
  meetingLevels,
  type MeetingCreate,
} from '#domain/petitions/meeting.schema.ts';
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
  level: string;
  date: string;
  villageId: string;
  townId: string;
  departmentName: string;
  attendees: string;
  itemsReviewed: string;
  decisions: string;
  linkedPetitionIds: string;
}

const blank = (): Values => ({
  level: 'village-weekly',
  date: todayShanghai(),
  villageId: '',
  townId: '',
  departmentName: '',
  attendees: '',
  itemsReviewed: '',
  decisions: '',
  linkedPetitionIds: '',
});
const list = (s: string) =>
  s
    .split(/[\s,，、;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export default function MeetingForm() {
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [banner, setBanner] = useState<Banner>(null);
  const [places, setPlaces] = useState<PetitionPlaces | null>(null);
  useEffect(() => {
    void call('listPetitionPlaces').then((r) => r.ok && setPlaces(r.data));
  }, []);
  const toBody = (v: Values) => ({
    submissionId,
    level: v.level,
    date: v.date,
    ...(v.level === 'village-weekly' && v.villageId ? { villageId: v.villageId } : {}),
    ...(v.level === 'town-review' && v.townId ? { townId: v.townId } : {}),
    ...(v.level === 'department-monthly' && v.departmentName.trim()
      ? { departmentName: v.departmentName.trim() }
      : {}),
    attendees: list(v.attendees),
    itemsReviewed: v.itemsReviewed,
    decisions: v.decisions,
    linkedPetitionIds: list(v.linkedPetitionIds),
  });
  const resolver = useMemo(
    () =>
      bodyResolver<Values, typeof meetingCreateSchema>(
        meetingCreateSchema,
        toBody,
        (b: MeetingCreate) => {
          const { submissionId: _s, ...m } = b;
          return meetingIssues(m, todayShanghai());
        },
        (p) =>
          p.startsWith('attendees')
            ? 'attendees'
            : p.startsWith('linkedPetitionIds')
              ? 'linkedPetitionIds'
              : p,
      ),
    [submissionId],
  );
  const { register, handleSubmit, reset, setError, setValue, control, formState } = useForm<Values>({
    resolver,
    defaultValues: blank(),
  });
  const { errors, isSubmitting } = formState;
  const level = useWatch({ control, name: 'level' });
  // The petitions to link, picked by who and what (never a copied id): those still being handled.
  const linkedText = useWatch({ control, name: 'linkedPetitionIds' });
  const linked = (linkedText ?? '').split(',').filter(Boolean);
  const [openPetitions, setOpenPetitions] = useState<LedgerCells[] | null>(null);
  useEffect(() => {
    void call('listPetitions', { query: { status: 'open', pageSize: 200 } }).then((res) =>
      setOpenPetitions(res.ok ? res.data.items : []),
    );
  }, []);
  const onSubmit = handleSubmit(async (v) => {
    const label = `${meetingLevelLabels[v.level as keyof typeof meetingLevelLabels]} ${v.date}`;
    const res = await submitThroughOutbox({
      id: submissionId,
      route: 'createMeeting',
      body: toBody(v),
      label,
      form: 'review-meeting',
    });
    if (res.state === 'refused') {
      for (const i of res.error.issues ?? [])
        setError(i.path.split('.')[0] as keyof Values, { type: 'server', message: i.message });
      return setBanner(refusalBanner(res.status, res.error));
    }
    setSubmissionId(crypto.randomUUID());
    reset(blank());
    setBanner(
      res.state === 'saved'
        ? { kind: 'ok', text: `已登记：${label}。` }
        : { kind: 'warn', text: `网络不可用：${label}已保存在本机，联网后自动提交。` },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-label="登记研判会议">
      <OutboxPanel form="review-meeting" />
      <BannerView banner={banner} />
      <label htmlFor="m-level">会议类别</label>
      <select id="m-level" {...register('level')} {...fieldProps(errors, 'level')}>
        {meetingLevels.map((l) => (
          <option key={l} value={l}>
            {meetingLevelLabels[l]}
          </option>
        ))}
      </select>
      <label htmlFor="m-date">
        会议日期 {level === 'town-review' && <span className="hint">逢四研事：每月4日、14日、24日</span>}
      </label>
      <input
        id="m-date"
        type="date"
        max={todayShanghai()}
        {...register('date')}
        {...fieldProps(errors, 'date')}
      />
      <FieldError errors={errors} path="date" />
      {level === 'village-weekly' && (
        <>
          <label htmlFor="m-village">村/社区</label>
          <select id="m-village" {...register('villageId')} {...fieldProps(errors, 'villageId')}>
            <option value="">请选择</option>
            {places?.villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <FieldError errors={errors} path="villageId" />
        </>
      )}
      {level === 'town-review' && (
        <>
          <label htmlFor="m-town">镇/街道</label>
          <select id="m-town" {...register('townId')} {...fieldProps(errors, 'townId')}>
            <option value="">请选择</option>
            {places?.towns.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <FieldError errors={errors} path="townId" />
        </>
      )}
      {level === 'department-monthly' && (
        <>
          <label htmlFor="m-dept">部门名称</label>
          <input id="m-dept" {...register('departmentName')} {...fieldProps(errors, 'departmentName')} />
          <FieldError errors={errors} path="departmentName" />
        </>
      )}
      <label htmlFor="m-attendees">
        参会人员 <span className="hint">姓名之间用逗号或顿号隔开</span>
      </label>
      <input id="m-attendees" {...register('attendees')} {...fieldProps(errors, 'attendees')} />
      <FieldError errors={errors} path="attendees" />
      <label htmlFor="m-items">研判事项</label>
      <textarea
        id="m-items"
        rows={3}
        {...register('itemsReviewed')}
        {...fieldProps(errors, 'itemsReviewed')}
      />
      <FieldError errors={errors} path="itemsReviewed" />
      <label htmlFor="m-decisions">研判意见</label>
      <textarea id="m-decisions" rows={3} {...register('decisions')} {...fieldProps(errors, 'decisions')} />
      <FieldError errors={errors} path="decisions" />
      <fieldset style={{ border: 0, padding: 0 }}>
        <legend>
          关联信访件 <span className="hint">本次研判的办理中信访件，可多选</span>
        </legend>
        {openPetitions === null && <p className="hint">正在加载办理中的信访件…</p>}
        {openPetitions?.length === 0 && <p className="hint">暂无办理中的信访件。</p>}
        {openPetitions?.map((p) => {
          const id = String(p.id);
          return (
            <label key={id}>
              <input
                type="checkbox"
                checked={linked.includes(id)}
                onChange={(e) => {
                  const next = e.currentTarget.checked ? [...linked, id] : linked.filter((x) => x !== id);
                  setValue('linkedPetitionIds', next.join(','));
                }}
              />
              {[p.receivedDate, p.villageName, p.petitioner, p.category]
                .map((v) => String(v ?? ''))
                .join(' · ')}
            </label>
          );
        })}
      </fieldset>
      <FieldError errors={errors} path="linkedPetitionIds" />
      <button className="primary" type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在提交…' : '登记会议'}
      </button>
    </form>
  );
}
