/**
 * A hand-made month of petitions and opinion items for two towns, with the
 * figures worked out by hand in `petition.analysis.test.ts` and the report test.
 */
import type { OpinionRow, PetitionAnalysisInput, PetitionRow } from '../petition.analysis.ts';
import type { Callback, Petition } from '../petition.schema.ts';

const cb = (date: string, satisfied: boolean): Callback => ({
  date,
  way: 'phone',
  caller: '李回访',
  satisfied,
});

const base = {
  petitionerName: '王建国',
  petitionerPhone: '13812345678',
  content: '反映家中饮水管道冻裂，要求尽快维修',
  handling: [],
  callbacks: [],
};

function petition(
  id: string,
  townId: string,
  villageId: string,
  p: Partial<Petition> &
    Pick<Petition, 'receivedDate' | 'channel' | 'category' | 'handlingMode' | 'dueDate' | 'status'>,
): PetitionRow {
  return {
    id,
    townId,
    villageId,
    data: { ...base, villageId, monitoringReview: p.category !== 'other', ...p },
  };
}

export const octoberPetitions: PetitionRow[] = [
  petition('P1', 'T01', 'T01V001', {
    receivedDate: '2026-10-03',
    channel: 'hotline',
    category: 'income',
    handlingMode: 'immediate',
    dueDate: '2026-10-04',
    status: 'resolved',
    result: { outcome: 'resolved', date: '2026-10-04', summary: '已落实公益岗位' },
    callbacks: [cb('2026-10-10', true)],
  }),
  petition('P2', 'T01', 'T01V002', {
    receivedDate: '2026-10-05',
    channel: 'window',
    category: 'water',
    handlingMode: 'assigned',
    dueDate: '2026-10-20',
    assignedUnit: '县水利局',
    status: 'resolved',
    result: { outcome: 'resolved', date: '2026-10-25', summary: '管道已修复' },
    callbacks: [cb('2026-10-28', false), cb('2026-11-02', true)],
  }),
  petition('P3', 'T02', 'T02V001', {
    petitionerName: '刘长河',
    petitionerPhone: '13900001111',
    receivedDate: '2026-10-10',
    channel: 'letter',
    category: 'other',
    handlingMode: 'deadline',
    deadline: '2026-10-20',
    dueDate: '2026-10-20',
    assignedUnit: '西川镇政府',
    status: 'open',
  }),
  petition('P4', 'T02', 'T02V001', {
    receivedDate: '2026-10-20',
    channel: 'online',
    category: 'housing',
    handlingMode: 'assigned',
    dueDate: '2026-11-04',
    assignedUnit: '县住建局',
    status: 'unresolved',
    result: { outcome: 'unresolved', date: '2026-10-30', summary: '不符合改造条件，已解释' },
  }),
  petition('P5', 'T01', 'T01V001', {
    petitionerName: '赵大山',
    petitionerPhone: '02912345678',
    receivedDate: '2026-09-25',
    channel: 'hotline',
    category: 'medical',
    handlingMode: 'immediate',
    dueDate: '2026-09-26',
    status: 'open',
  }),
  petition('P6', 'T01', 'T01V001', {
    receivedDate: '2026-10-28',
    channel: 'window',
    category: 'education',
    handlingMode: 'deadline',
    deadline: '2026-11-10',
    dueDate: '2026-11-10',
    assignedUnit: '县教育局',
    status: 'open',
  }),
  petition('P7', 'T02', 'T02V001', {
    receivedDate: '2026-11-02',
    channel: 'window',
    category: 'income',
    handlingMode: 'immediate',
    dueDate: '2026-11-03',
    status: 'open',
  }),
];

const link = 'https://weibo.com/1234567890/AbCdEf';
export const octoberOpinions: OpinionRow[] = [
  {
    id: 'O1',
    townId: 'T01',
    data: {
      discoveredDate: '2026-10-08',
      platform: 'weibo',
      link,
      summary: '网民反映某村道路损毁',
      officialReply: '已安排修复',
      replyDate: '2026-10-09',
      callbacks: [cb('2026-10-12', true), cb('2026-10-15', true)],
    },
  },
  {
    id: 'O2',
    data: {
      discoveredDate: '2026-10-29',
      platform: 'douyin',
      link,
      summary: '短视频反映低保评定不公',
      callbacks: [],
    },
  },
  {
    id: 'O3',
    townId: 'T02',
    data: {
      discoveredDate: '2026-09-20',
      platform: 'message-board',
      link,
      summary: '留言反映自来水停水',
      officialReply: '已恢复供水',
      replyDate: '2026-09-21',
      callbacks: [cb('2026-10-02', true)],
    },
  },
];

export const octoberInput: PetitionAnalysisInput = {
  from: '2026-10-01',
  to: '2026-10-31',
  asOf: '2026-10-31',
  towns: [
    { id: 'T01', name: '东岭镇' },
    { id: 'T02', name: '西川镇' },
  ],
  villageNames: new Map([
    ['T01V001', '柳树村'],
    ['T01V002', '杏花村'],
    ['T02V001', '石门村'],
  ]),
  petitions: octoberPetitions,
  opinions: octoberOpinions,
};
