import type {
  FlaggedHousehold,
  MonthlyIncomeAnalysis,
  VillageCompleteness,
} from '#domain/income/income.analysis.ts';
import type { ReportMeta } from '#reports/pdf/types.ts';

/**
 * Hand-made analyses for report tests. The figures are chosen so the expected
 * text is known: 80 households due, 70 entered (87.5%), 60 on time (75.0%).
 */
export const smallAnalysis: MonthlyIncomeAnalysis = {
  period: '2026-10',
  threshold: 7500,
  totals: { due: 80, entered: 70, onTime: 60, rate: 0.875, belowThreshold: 2, falls: 2 },
  villages: [
    village('T01', '青石镇', 'V01', '上河村', 30, 30, 28),
    village('T01', '青石镇', 'V02', '下河村', 20, 15, 12),
    village('T02', '柳湾镇', 'V03', '柳树坪村', 18, 16, 12),
    village('T02', '柳湾镇', 'V04', '南沟村', 12, 9, 8),
  ],
  belowThreshold: [
    flagged({
      householdId: 'HH-0001',
      headName: '王秀兰',
      villageName: '下河村',
      townName: '青石镇',
      perCapitaAnnual: 5400,
      netIncome: 1350,
    }),
    flagged({
      householdId: 'HH-0002',
      headName: '李建国',
      villageName: '南沟村',
      townName: '柳湾镇',
      perCapitaAnnual: 7200,
      netIncome: 2400,
    }),
  ],
  falls: [
    flagged({
      householdId: 'HH-0003',
      headName: '张德顺',
      villageName: '上河村',
      townName: '青石镇',
      perCapitaAnnual: 9600,
      netIncome: 2400,
      previousNet: 6000,
      fallShare: 0.6,
      cause: { kind: 'illness', note: '户主住院手术，联系电话13912345678' },
    }),
    flagged({
      householdId: 'HH-0004',
      headName: '赵春梅',
      villageName: '柳树坪村',
      townName: '柳湾镇',
      perCapitaAnnual: 12000,
      netIncome: 3000,
      previousNet: 4500,
      fallShare: 1 / 3,
      cause: { kind: 'lost-work' },
    }),
  ],
};

/** Nothing flagged: the sections must say so in a sentence. */
export const quietAnalysis: MonthlyIncomeAnalysis = {
  ...smallAnalysis,
  totals: { ...smallAnalysis.totals, belowThreshold: 0, falls: 0 },
  belowThreshold: [],
  falls: [],
};

/** 600 villages in 20 towns: a table over many pages and a chart per town. */
export function bigAnalysis(villageCount = 600): MonthlyIncomeAnalysis {
  const villages: VillageCompleteness[] = [];
  for (let i = 0; i < villageCount; i++) {
    const t = i % 20;
    const due = 40 + (i % 17);
    const entered = due - (i % 7);
    villages.push(
      village(
        `T${String(t + 1).padStart(2, '0')}`,
        `第${t + 1}镇`,
        `V${String(i + 1).padStart(4, '0')}`,
        `示范${i + 1}村`,
        due,
        entered,
        entered - (i % 3),
      ),
    );
  }
  const due = villages.reduce((s, v) => s + v.due, 0);
  const entered = villages.reduce((s, v) => s + v.entered, 0);
  const onTime = villages.reduce((s, v) => s + v.onTime, 0);
  const below = Array.from({ length: 45 }, (_, i) =>
    flagged({
      householdId: `HH-B${i}`,
      headName: `低收入户${i + 1}`,
      villageName: `示范${i + 1}村`,
      townName: `第${(i % 20) + 1}镇`,
      perCapitaAnnual: 3000 + i * 90,
      netIncome: 800 + i * 20,
    }),
  );
  return {
    period: '2026-10',
    threshold: 7500,
    totals: { due, entered, onTime, rate: entered / due, belowThreshold: below.length, falls: 0 },
    villages,
    belowThreshold: below,
    falls: [],
  };
}

/** Meta with a fixed clock and digest, so text assertions are stable. */
export const testMeta: ReportMeta = {
  countyName: '守望示范县',
  issuingOffice: '守望示范县乡村振兴局',
  scopeLabel: '全县',
  generatedAt: new Date('2026-11-08T01:30:00Z'),
  provenance: {
    queriedAt: new Date('2026-11-08T01:25:00Z'),
    recordCount: 1234,
    inputSha256: '3f8a1c0d9e7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877',
  },
};

function village(
  townId: string,
  townName: string,
  villageId: string,
  villageName: string,
  due: number,
  entered: number,
  onTime: number,
): VillageCompleteness {
  return {
    townId,
    townName,
    villageId,
    villageName,
    due,
    entered,
    onTime,
    rate: due === 0 ? 0 : entered / due,
  };
}

function flagged(h: FlaggedHousehold): FlaggedHousehold {
  return h;
}
