import type { Role } from '#domain/auth/roles.ts';
import { routeById, type RouteId } from '#domain/system/routes.ts';

/**
 * The workbench menu. Each entry names the route its page needs, so the menu
 * shows a person only what their role may do, read from the same route table
 * the server enforces (the server stays the authority).
 */
export interface MenuItem {
  href: string;
  title: string;
  hint: string;
  route: RouteId;
}

export const menu: { group: string; items: MenuItem[] }[] = [
  {
    group: '收入分析研判',
    items: [
      {
        href: '/income/entry/',
        title: '月度收入录入',
        hint: '每月6日前录入上月脱贫户、监测户收入',
        route: 'submitIncome',
      },
      {
        href: '/income/review/',
        title: '镇级审核研判',
        hint: '每月7日前审核、更正本镇收入信息，答复县级疑似',
        route: 'reviewIncome',
      },
      {
        href: '/income/compare/',
        title: '县级比对',
        hint: '县信息监测中心逐轮标记疑似信息、退回镇核实',
        route: 'flagIncomeByCounty',
      },
      {
        href: '/income/ledger/',
        title: '收入台账',
        hint: '按月查看、筛选、导出收入记录和修改记录',
        route: 'incomeLedger',
      },
      {
        href: '/assistance/',
        title: '帮扶台账',
        hint: '收入下降和重点人群农户的一户一策及跟进',
        route: 'listAssistancePlans',
      },
      {
        href: '/income/windows/',
        title: '录入期限',
        hint: '为单位重新开放已截止的月份（县级）',
        route: 'reopenIncomeEntry',
      },
    ],
  },
  {
    group: '走访排查（十条措施）',
    items: [
      {
        href: '/visits/new/',
        title: '走访记录',
        hint: '记录走访村、社区工厂和农户的情况，登记发现的问题',
        route: 'createVisit',
      },
      { href: '/visits/', title: '走访台账', hint: '查看、筛选和导出走访记录', route: 'listVisits' },
      {
        href: '/visits/coverage/',
        title: '走访覆盖情况',
        hint: '本人、本镇或全县的责任对象覆盖率和未走访名单',
        route: 'visitCoverage',
      },
      {
        href: '/visits/problems/',
        title: '问题台账',
        hint: '跟踪问题整改，逾期问题以红色标出',
        route: 'listProblems',
      },
    ],
  },
  {
    group: '信访舆情',
    items: [
      {
        href: '/petitions/new/',
        title: '信访登记',
        hint: '窗口来访、热线、来信、网上信访，即办、交办、限期办',
        route: 'createPetition',
      },
      {
        href: '/petitions/',
        title: '信访排查台账',
        hint: '办理时限、办理结果和回访；逾期标红',
        route: 'listPetitions',
      },
      {
        href: '/petitions/register/',
        title: '矛盾纠纷摸底排查登记表',
        hint: '按登记表格式查看和导出',
        route: 'listDisputeRegister',
      },
      {
        href: '/petitions/monthly/',
        title: '信访舆情月报表',
        hint: '各镇受理、办结、逾期和回访情况',
        route: 'petitionMonthlyReport',
      },
      {
        href: '/petitions/opinions/',
        title: '网络舆情',
        hint: '登记、核查、官方回复',
        route: 'listOpinions',
      },
      {
        href: '/petitions/meetings/',
        title: '信访研判会议',
        hint: '村周例会、镇逢四研事、部门月度、县季度研判',
        route: 'listMeetings',
      },
    ],
  },
  {
    group: '数据质量',
    items: [
      {
        href: '/quality/errors/',
        title: '错误信息登记',
        hint: '登记比对、暗访、抽查发现的错误，修正后关闭',
        route: 'listDataErrors',
      },
      {
        href: '/quality/spot-checks/',
        title: '抽查记录',
        hint: '暗访、电话抽查、问卷调查的结果',
        route: 'listSpotChecks',
      },
      {
        href: '/quality/officers/',
        title: '信息员名册',
        hint: '各单位信息员配备是否达标，增减信息员',
        route: 'listInfoOfficers',
      },
      {
        href: '/quality/meetings/',
        title: '数据质量联席会议',
        hint: '会议议题和议定事项',
        route: 'listQualityMeetings',
      },
    ],
  },
  {
    group: '名录与账号',
    items: [
      {
        href: '/directory/',
        title: '县级名录',
        hint: '组织机构、查找农户、家庭成员和收入，修改农户信息',
        route: 'directoryHouseholds',
      },
      {
        href: '/directory/staffing/',
        title: '信息员配备',
        hint: '信息员配备不足的单位（县直单位、镇、社区各 2 名，行政村 1 名）',
        route: 'directoryStaffing',
      },
      {
        href: '/admin/import/',
        title: '导入名录',
        hint: '从 Excel 或 CSV 导入农户、家庭成员和工作人员',
        route: 'importPreview',
      },
      {
        href: '/admin/accounts/',
        title: '登录账号管理',
        hint: '为工作人员开通、停用登录账号',
        route: 'accountsList',
      },
    ],
  },
  {
    group: '报告存档',
    items: [
      { href: '/archive/', title: '报告存档', hint: '查找、下载已发送的报告', route: 'searchArchive' },
      {
        href: '/archive/verify/',
        title: '报告核验',
        hint: '核对手中的 PDF 是否为系统存档原件',
        route: 'verifyArchivedReport',
      },
      {
        href: '/archive/deliveries/',
        title: '报告投递状态',
        hint: '各报告送达每位收件人的情况',
        route: 'listDeliveries',
      },
    ],
  },
];

/** The menu as `role` sees it: only entries whose route admits the role; empty groups dropped. */
export function menuFor(role: Role): { group: string; items: MenuItem[] }[] {
  return menu
    .map((g) => ({
      group: g.group,
      items: g.items.filter((i) => (routeById(i.route).roles as readonly Role[]).includes(role)),
    }))
    .filter((g) => g.items.length > 0);
}
