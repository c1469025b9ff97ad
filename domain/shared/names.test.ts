/**
 * Where an analysis does not know a name (a unit, person or household missing
 * from the directory), reports print a Chinese placeholder, never the id.
 */
import { describe, expect, it } from 'vitest';
import { demoCountyConfig } from '../config/county-config.ts';
import { analyseMonthlyIncome } from '../income/income.analysis.ts';
import { coverageInput } from '../visits/visit-coverage.fixture.ts';
import { analyseVisitCoverage } from '../visits/visit.coverage.ts';
import { unknownHouseholdName, unknownPersonName, unknownUnitName } from './names.ts';

describe('names missing from the directory', () => {
  it('read as （未知单位） in the income analysis, not as T09 or T09V001', () => {
    const a = analyseMonthlyIncome({
      period: '2026-10',
      config: demoCountyConfig,
      units: [],
      households: [
        {
          id: 'H1',
          villageId: 'T09V001',
          townId: 'T09',
          headName: '王建国',
          category: 'alleviated',
          memberCount: 2,
        },
      ],
      records: [],
      previousRecords: [],
    });
    expect(a.villages).toEqual([
      expect.objectContaining({ villageName: unknownUnitName, townName: unknownUnitName }),
    ]);
    expect(JSON.stringify(a.villages)).not.toMatch(/"(village|town)Name":"T09/);
  });

  it('read as placeholders in the visit coverage, not as the staff, unit or household id', () => {
    const input = coverageInput();
    const names = { staff: new Map(), units: new Map(), households: new Map() };
    const a = analyseVisitCoverage({ ...input, names });
    expect(a.unvisited.length).toBeGreaterThan(0);
    for (const t of a.unvisited) {
      expect(t.staffName).toBe(unknownPersonName);
      expect(t.name).toBe(t.kind === 'household' ? unknownHouseholdName : unknownUnitName);
    }
    for (const p of a.byPerson) expect(p.name).toBe(unknownPersonName);
  });
});
