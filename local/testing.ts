/**
 * Test support: an embedded stack on free ports with data in memory, a small
 * fixture county, and sign-in through the Cognito stand-in. Used by handler and
 * end-to-end tests; never by production code.
 */
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '#domain/auth/roles.ts';
import { demoCountyConfig } from '#domain/config/county-config.ts';
import type { Household, OrgUnit } from '#domain/org/org.schema.ts';
import { ENTRY_WINDOW_KIND } from '#domain/income/income.window.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { reportingPeriodAt } from '#domain/shared/period.ts';
import { batchPut } from '#functions/store/bulk.ts';
import { recordItem } from '#functions/store/records.repository.ts';
import { householdItem, orgUnitItem, staffItem } from '#functions/store/directory.writer.ts';
import { freePortBase, portsFrom } from './ports.ts';
import { ensureUsers } from './cognito.ts';
import { startStack, type Stack, type StackOptions } from './stack.ts';
import { now } from '#functions/platform/clock.ts';

export const testPassword = 'Test#Pass2026';
export const county = demoCountyConfig.countyCode;

export async function startTestStack(opts: Partial<StackOptions> = {}): Promise<Stack> {
  const ports = portsFrom(await freePortBase());
  return startStack({ ports, seed: false, ...opts });
}

/** Two towns, three villages, a handful of households. */
export const fixtureUnits: OrgUnit[] = [
  { id: county, kind: 'county', name: '守望示范县' },
  { id: 'T01', kind: 'town', name: '东岭镇', parentId: county },
  { id: 'T02', kind: 'town', name: '西川镇', parentId: county },
  { id: 'T01V001', kind: 'village', name: '柳树村', parentId: 'T01' },
  { id: 'T01V002', kind: 'village', name: '杏花村', parentId: 'T01' },
  { id: 'T02V001', kind: 'village', name: '石门村', parentId: 'T02' },
];

export const fixtureHouseholds: Household[] = [
  {
    id: 'H0000001',
    villageId: 'T01V001',
    townId: 'T01',
    headName: '王建国',
    category: 'alleviated',
    memberCount: 4,
  },
  {
    id: 'H0000002',
    villageId: 'T01V001',
    townId: 'T01',
    headName: '李秀英',
    category: 'monitored',
    memberCount: 2,
  },
  {
    id: 'H0000003',
    villageId: 'T01V001',
    townId: 'T01',
    headName: '赵大山',
    category: 'ordinary',
    memberCount: 3,
  },
  {
    id: 'H0000004',
    villageId: 'T01V002',
    townId: 'T01',
    headName: '陈玉兰',
    category: 'alleviated',
    memberCount: 5,
  },
  {
    id: 'H0000006',
    villageId: 'T01V001',
    townId: 'T01',
    headName: '孙桂芳',
    category: 'alleviated',
    memberCount: 5,
  },
  {
    id: 'H0000005',
    villageId: 'T02V001',
    townId: 'T02',
    headName: '刘长河',
    category: 'alleviated',
    memberCount: 3,
  },
];

export interface FixtureUser {
  username: string;
  name: string;
  role: Role;
  unitId: string;
  townId?: string;
  email: string;
}

export const fixtureUsers: FixtureUser[] = [
  {
    username: 'v-t01v001',
    name: '张信息员',
    role: 'village-officer',
    unitId: 'T01V001',
    townId: 'T01',
    email: 'v-t01v001@test.invalid',
  },
  {
    username: 'v-t02v001',
    name: '周信息员',
    role: 'village-officer',
    unitId: 'T02V001',
    townId: 'T02',
    email: 'v-t02v001@test.invalid',
  },
  {
    username: 'town-t01',
    name: '孙镇干部',
    role: 'town-staff',
    unitId: 'T01',
    townId: 'T01',
    email: 'town-t01@test.invalid',
  },
  { username: 'leader', name: '吴县长', role: 'leader', unitId: county, email: 'leader@test.invalid' },
  {
    username: 'office',
    name: '郑主任',
    role: 'coordination-office',
    unitId: county,
    email: 'office@test.invalid',
  },
  { username: 'auditor', name: '钱督查', role: 'auditor', unitId: county, email: 'auditor@test.invalid' },
];

/** income cycle: reopenings of the current reporting month for T01 and T02 (register kind `entry-window`). */
export function fixtureEntryWindows(now: Date): StoredRecord[] {
  const period = reportingPeriodAt(now);
  const at = now.toISOString();
  return ['T01', 'T02'].map((townId) => ({
    kind: ENTRY_WINDOW_KIND,
    id: `EW-FIXTURE-${townId}-${period}`,
    countyCode: county,
    townId,
    ownerId: 'fixture',
    data: { period, unitId: townId, until: '2099-12-31', reason: '测试夹具：本月录入保持开放' },
    version: 1,
    createdAt: at,
    createdBy: 'fixture',
    updatedAt: at,
    updatedBy: 'fixture',
    updatedByName: '测试夹具',
    lastSubmissionId: `fixture-${townId}-${period}`,
    sourceForm: 'fixture',
  }));
}

/** Loads the fixture directory and its accounts. */
export async function loadFixture(stack: Stack): Promise<void> {
  await batchPut(fixtureUnits.map((u) => orgUnitItem(county, u)));
  await batchPut(fixtureHouseholds.map((h) => householdItem(county, h)));
  await batchPut(fixtureUsers.map((u) => staffItem(county, { id: u.username, active: true, ...u })));
  // income cycle: the county has reopened the current reporting month's entry for both fixture towns,
  // so browser tests of the entry form work on any day of the month, not only up to the 6th.
  await batchPut(fixtureEntryWindows(now()).map(recordItem));
  if (stack.standins.cognito) {
    await ensureUsers(
      stack.standins.cognito,
      fixtureUsers.map((u) => ({ ...u, countyCode: county, password: testPassword })),
    );
  }
}

/** Signs in through the Cognito stand-in and returns the ID token. */
export async function signIn(stack: Stack, username: string, password = testPassword): Promise<string> {
  const c = stack.standins.cognito;
  if (!c) throw new Error('the stack has no Cognito stand-in');
  const out = await c.client.send(
    new InitiateAuthCommand({
      ClientId: c.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  const token = out.AuthenticationResult?.IdToken;
  if (!token)
    throw new Error(`sign-in of ${username} returned no ID token (challenge ${out.ChallengeName ?? 'none'})`);
  return token;
}
