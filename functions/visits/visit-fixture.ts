/**
 * Test data for the visit tests, on top of `loadFixture`: a factory in T01, the
 * posts that give two fixture users duties (the T01 account as town head, the
 * T01V001 officer as a village cadre paired with H0000001). Only for test stacks.
 */
import { batchPut } from '../store/bulk.ts';
import { keys } from '../store/keys.ts';
import { assignmentItem } from '../store/visits.repository.ts';

export async function loadVisitFixture(county: string): Promise<void> {
  await batchPut([
    {
      ...keys.orgUnit(county, 'T01F01'),
      id: 'T01F01',
      kind: 'factory',
      name: '东岭帮扶车间',
      parentId: 'T01',
    },
    // Same accounts as the shared fixture, with the posts that carry visiting duties.
    {
      ...keys.staff(county, 'town-t01'),
      id: 'town-t01',
      username: 'town-t01',
      name: '孙镇干部',
      role: 'town-staff',
      position: 'town-head',
      unitId: 'T01',
      townId: 'T01',
      email: 'town-t01@test.invalid',
      active: true,
    },
    {
      ...keys.staff(county, 'v-t01v001'),
      id: 'v-t01v001',
      username: 'v-t01v001',
      name: '张信息员',
      role: 'village-officer',
      position: 'village-cadre',
      unitId: 'T01V001',
      townId: 'T01',
      email: 'v-t01v001@test.invalid',
      active: true,
    },
    assignmentItem({ countyCode: county, kind: 'household', staffId: 'v-t01v001', targetId: 'H0000001' }),
  ]);
}
