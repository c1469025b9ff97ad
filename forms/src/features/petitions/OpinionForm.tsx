/** A public-opinion item (网络舆情): platform, link, summary, and what was found and answered. */
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { opinionIssues } from '#domain/petitions/opinion.rules.ts';
import {
  opinionCreateSchema,
  opinionPlatformLabels,
  opinionPlatforms,
  type OpinionCreate,
} from '#domain/petitions/opinion.schema.ts';
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
  discoveredDate: string;
  platform: string;
  link: string;
  summary: string;
  villageId: string;
  investigation: string;
  officialReply: string;
  replyDate: string;
}

const blank = (): Values => ({
  discoveredDate: todayShanghai(),
  platform: '',
  link: '',
  summary: '',
  villageId: '',
  investigation: '',
  officialReply: '',
  replyDate: '',
});

export default function OpinionForm() {
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [banner, setBanner] = useState<Banner>(null);
  const [villages, setVillages] = useState<PetitionPlaces['villages']>([]);
  const [towns, setTowns] = useState<PetitionPlaces['towns']>([]);
  useEffect(() => {
    void call('listPetitionPlaces').then((r) => {
      if (r.ok) {
        setVillages(r.data.villages);
        setTowns(r.data.towns);
      }
    });
  }, []);
  const toBody = (v: Values) => {
    const opt = (k: keyof Values) => (v[k].trim() ? { [k]: v[k].trim() } : {});
    const town = v.villageId.startsWith('TOWN:')
      ? { townId: v.villageId.slice(5) }
      : v.villageId
        ? { villageId: v.villageId }
        : {};
    return {
      submissionId,
      discoveredDate: v.discoveredDate,
      platform: v.platform || undefined,
      link: v.link.trim(),
      summary: v.summary,
      ...town,
      ...opt('investigation'),
      ...opt('officialReply'),
      ...opt('replyDate'),
    };
  };
  const resolver = useMemo(
    () =>
      bodyResolver<Values, typeof opinionCreateSchema>(opinionCreateSchema, toBody, (b: OpinionCreate) => {
        const { submissionId: _s, ...o } = b;
        return opinionIssues(o, todayShanghai());
      }),
    [submissionId],
  );
  const { register, handleSubmit, reset, setError, formState } = useForm<Values>({
    resolver,
    defaultValues: blank(),
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (v) => {
    const label = `网络舆情 ${v.discoveredDate}`;
    const res = await submitThroughOutbox({
      id: submissionId,
      route: 'createOpinion',
      body: toBody(v),
      label,
      form: 'opinion-item',
    });
    if (res.state === 'refused') {
      for (const i of res.error.issues ?? [])
        setError(i.path as keyof Values, { type: 'server', message: i.message });
      return setBanner(refusalBanner(res.status, res.error));
    }
    setSubmissionId(crypto.randomUUID());
    reset(blank());
    setBanner(
      res.state === 'saved'
        ? { kind: 'ok', text: '已登记网络舆情，请立即核查并在官方平台回复。' }
        : { kind: 'warn', text: `网络不可用：${label}已保存在本机，联网后自动提交。` },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-label="登记网络舆情">
      <OutboxPanel form="opinion-item" />
      <BannerView banner={banner} />
      <div className="row2">
        <div>
          <label htmlFor="o-date">发现日期</label>
          <input
            id="o-date"
            type="date"
            max={todayShanghai()}
            {...register('discoveredDate')}
            {...fieldProps(errors, 'discoveredDate')}
          />
          <FieldError errors={errors} path="discoveredDate" />
        </div>
        <div>
          <label htmlFor="o-platform">平台</label>
          <select id="o-platform" {...register('platform')} {...fieldProps(errors, 'platform')}>
            <option value="">请选择</option>
            {opinionPlatforms.map((p) => (
              <option key={p} value={p}>
                {opinionPlatformLabels[p]}
              </option>
            ))}
          </select>
          <FieldError errors={errors} path="platform" />
        </div>
      </div>
      <label htmlFor="o-link">链接</label>
      <input
        id="o-link"
        type="url"
        inputMode="url"
        placeholder="https://"
        {...register('link')}
        {...fieldProps(errors, 'link')}
      />
      <FieldError errors={errors} path="link" />
      <label htmlFor="o-summary">舆情摘要</label>
      <textarea id="o-summary" rows={3} {...register('summary')} {...fieldProps(errors, 'summary')} />
      <FieldError errors={errors} path="summary" />
      <label htmlFor="o-place">涉及地方</label>
      <select id="o-place" {...register('villageId')}>
        <option value="">不涉及具体镇村</option>
        {towns.map((t) => (
          <optgroup key={t.id} label={t.name}>
            <option value={`TOWN:${t.id}`}>{t.name}（全镇）</option>
            {villages
              .filter((v) => v.townId === t.id)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor="o-investigation">核查情况</label>
      <textarea
        id="o-investigation"
        rows={2}
        {...register('investigation')}
        {...fieldProps(errors, 'investigation')}
      />
      <FieldError errors={errors} path="investigation" />
      <label htmlFor="o-reply">官方回复</label>
      <textarea
        id="o-reply"
        rows={2}
        {...register('officialReply')}
        {...fieldProps(errors, 'officialReply')}
      />
      <FieldError errors={errors} path="officialReply" />
      <label htmlFor="o-replyDate">回复日期</label>
      <input
        id="o-replyDate"
        type="date"
        max={todayShanghai()}
        {...register('replyDate')}
        {...fieldProps(errors, 'replyDate')}
      />
      <FieldError errors={errors} path="replyDate" />
      <button className="primary" type="submit" disabled={isSubmitting}>
        {isSubmitting ? '正在提交…' : '登记舆情'}
      </button>
    </form>
  );
}
