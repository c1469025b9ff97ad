/**
 * The one mapper of households and org units, on the embedded store: every field
 * reports read (key-group flags, category history, a community's settlement)
 * survives the read, and no key attribute leaks out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredOfficers } from '#domain/org/staffing.ts';
import type { Stack } from '#local/stack.ts';
import { county, startTestStack } from '#local/testing.ts';
import { batchPut } from './bulk.ts';
import { householdItem, orgUnitItem } from './directory.writer.ts';
import { getHousehold, listOrgUnits, listVillageHouseholds } from './org.repository.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack({ only: ['dynamo'] });
  await batchPut([
    orgUnitItem(county, { id: 'T01', kind: 'town', name: '东岭镇', parentId: county }),
    orgUnitItem(county, {
      id: 'T01V009',
      kind: 'village',
      name: '新城社区',
      parentId: 'T01',
      settlement: 'community',
    }),
    householdItem(county, {
      id: 'H0000901',
      villageId: 'T01V009',
      townId: 'T01',
      headName: '孙大年',
      category: 'monitored',
      monitoredType: 'edge',
      memberCount: 3,
      flags: ['dibao', 'serious-illness'],
      statusHistory: [
        { date: '2020-05-01', to: 'alleviated', reason: '脱贫退出' },
        {
          date: '2026-10-20',
          from: 'alleviated',
          to: 'monitored',
          monitoredType: 'edge',
          reason: '因病返贫风险',
        },
      ],
    }),
  ]);
});
afterAll(async () => stack?.stop());

describe('directory reads for reports', () => {
  it('keeps a community’s settlement, so staffing asks it for two officers', async () => {
    const units = await listOrgUnits(county);
    const community = units.find((u) => u.id === 'T01V009');
    expect(community).toMatchObject({ settlement: 'community' });
    expect(requiredOfficers(community!)).toBe(2);
    expect(community).not.toHaveProperty('pk');
  });

  it('keeps key-group flags and the category history of a household, with its version', async () => {
    const [h] = await listVillageHouseholds(county, 'T01V009');
    expect(h).toMatchObject({
      flags: ['dibao', 'serious-illness'],
      monitoredType: 'edge',
      version: 1,
    });
    expect(h?.statusHistory).toHaveLength(2);
    expect(h).not.toHaveProperty('gsi1pk');
    expect(await getHousehold(county, 'H0000901')).toEqual(h);
  });
});
