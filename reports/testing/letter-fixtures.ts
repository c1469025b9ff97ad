import type { ReminderLetterInput } from '#reports/letters/reminder-letter.ts';

/** A reminder letter with known text; `items` can be lengthened to force a second page. */
export function reminderLetter(itemCount = 3): ReminderLetterInput {
  const base = [
    { description: '下河村10月收入信息尚有5户未录入', dueBy: '2026-11-15' },
    { description: '南沟村3户收入骤降农户未填写下降原因', dueBy: '2026-11-15' },
    { description: '柳树坪村2户年化人均纯收入低于监测线，尚未开展入户核实', dueBy: '2026-11-20' },
  ];
  const items = Array.from({ length: itemCount }, (_, i) => {
    const b = base[i % base.length] as (typeof base)[number];
    return i < base.length ? b : { ...b, description: `${b.description}（第${i + 1}项）` };
  });
  return {
    docNumber: '守衔提〔2026〕7号',
    issuingOffice: '守望示范县乡村振兴局',
    title: '关于按时完成10月农户收入信息录入和核实工作的提醒函',
    addressee: '青石镇人民政府',
    intro:
      '根据县收入分析研判制度，各村应于每月6日前完成上月农户收入信息录入，各镇应于7日前完成审核。经县监测中心比对，截至11月8日，你镇仍有以下事项未按期完成：',
    items,
    closing:
      '请你镇高度重视，督促相关村按期整改到位，并于整改完成后3个工作日内将整改情况书面报县乡村振兴局。特此函告。',
    issuedOn: new Date('2026-11-08T02:00:00Z'),
  };
}
