import { describe, expect, it } from 'vitest';
import { counted, distinctRecords, lineageText } from './lineage.ts';

describe('lineage', () => {
  const a = { kind: 'income', id: '2026-10/H2', version: 2 };
  const b = { kind: 'income', id: '2026-10/H1', version: 1 };
  const h = { kind: 'household', id: 'H1', version: 3 };

  it('writes one canonical line per figure and record, records sorted, figures in report order', () => {
    const text = lineageText([
      counted('income.entered', '已录入', [a, b]),
      counted('income.due', '应录入', [h]),
    ]);
    expect(text).toBe(
      [
        'income.entered\t=\t2',
        'income.entered\tincome\t2026-10/H1\t1',
        'income.entered\tincome\t2026-10/H2\t2',
        'income.due\t=\t1',
        'income.due\thousehold\tH1\t3',
        '',
      ].join('\n'),
    );
    // The same records in another order give the same text.
    expect(
      lineageText([counted('income.entered', '已录入', [b, a]), counted('income.due', '应录入', [h])]),
    ).toBe(text);
    // Another version of one record gives another text.
    expect(lineageText([counted('income.entered', '已录入', [b, { ...a, version: 3 }])])).not.toBe(
      lineageText([counted('income.entered', '已录入', [b, a])]),
    );
  });

  it('lists each record once however many figures counted it', () => {
    expect(distinctRecords([counted('x', 'x', [a, b]), counted('y', 'y', [a, h])])).toHaveLength(3);
  });
});
