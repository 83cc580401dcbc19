import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  QOF_CONDITIONS,
  QOF_CONDITION_IDS,
  checkPublishedPrevalence,
  matchesPublished,
  parseQofTable,
  qofColumns,
  recomputedPrevalence,
} from '../../../src/lib/health/qof';
import { wilsonInterval } from '../../../src/lib/indicators/intervals';

const DATA = join(__dirname, '..', '..', '..', 'data', 'indicators');
const REAL = [
  { year: '2024-25', file: 'qof_prevalence_practice_stockton_2024_25.csv' },
  { year: '2022-23', file: 'qof_prevalence_practice_stockton_2022_23.csv' },
];
const realText = (file: string) => readFileSync(join(DATA, file), 'utf8');

/** A small synthetic table with the real column layout; `cells` overrides values of the one row. */
function synthetic(cells: Record<string, string> = {}, extraRows: Record<string, string>[] = []): string {
  const cols = ['practice_code', 'practice_name', 'practice_postcode', 'pcn_code', 'pcn_name', 'list_size_total', ...QOF_CONDITION_IDS.flatMap((id) => Object.values(qofColumns(id)))];
  const base: Record<string, string> = { practice_code: 'X1', practice_name: 'Test', practice_postcode: 'ts181hu', pcn_code: 'U1', pcn_name: 'PCN', list_size_total: '1000' };
  for (const id of QOF_CONDITION_IDS) Object.assign(base, { [`${id}_register`]: '50', [`${id}_denominator`]: '800', [`${id}_prevalence_pct`]: '6.25' });
  const rows = [{ ...base, ...cells }, ...extraRows.map((r) => ({ ...base, ...r }))];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n');
}

describe('QOF_CONDITIONS', () => {
  it('lists exactly the six conditions with their register codes and labels', () => {
    expect(QOF_CONDITIONS.map((c) => [c.id, c.register, c.label])).toEqual([
      ['hyp', 'HYP', 'Hypertension'],
      ['chd', 'CHD', 'Coronary heart disease'],
      ['ob', 'OB', 'Obesity (18+)'],
      ['dm', 'DM', 'Diabetes'],
      ['copd', 'COPD', 'COPD'],
      ['dep', 'DEP', 'Depression (18+)'],
    ]);
  });

  it('gives age bases that match the QOF registers (DM 17+, OB and DEP 18+)', () => {
    const base = Object.fromEntries(QOF_CONDITIONS.map((c) => [c.id, c.ageBase]));
    expect(base.dm).toMatch(/17/);
    expect(base.ob).toMatch(/18/);
    expect(base.dep).toMatch(/18/);
    expect(base.hyp).toBe('all ages');
  });

  it('treats higher prevalence as more need, with a case-finding caveat', () => {
    for (const c of QOF_CONDITIONS) {
      expect(c.polarity).toBe('LowIsGood');
      expect(c.caveat).toMatch(/find and record cases/);
    }
  });
});

describe('parseQofTable on the real files', () => {
  it.each(REAL)('$year: 21 practices, no errors, no duplicates', ({ year, file }) => {
    const t = parseQofTable(realText(file), year);
    expect(t.errors).toEqual([]);
    expect(t.practices).toHaveLength(21);
    expect(new Set(t.practices.map((p) => p.code)).size).toBe(21);
  });

  it('reads A81001 The Densham Surgery 2024-25 (HYP 703 / 3904 = 18.007%)', () => {
    const p = parseQofTable(realText(REAL[0].file), '2024-25').practices.find((x) => x.code === 'A81001')!;
    expect(p.name).toBe('The Densham Surgery');
    expect(p.postcode).toBe('TS18 1HU');
    expect(p.pcnCode).toBe('U89141');
    expect(p.listSize).toBe(3904);
    expect(p.conditions.hyp).toEqual({ register: 703, denominator: 3904, publishedPct: 18.007 });
    expect(p.conditions.dm).toEqual({ register: 321, denominator: 3172, publishedPct: 10.12 });
  });

  it('keeps A81634 with a blank postcode in 2024-25', () => {
    const p = parseQofTable(realText(REAL[0].file), '2024-25').practices.find((x) => x.code === 'A81634')!;
    expect(p.postcode).toBe('');
  });

  it.each(REAL)('$year: recomputed prevalence matches the published % for every practice and condition', ({ year, file }) => {
    const t = parseQofTable(realText(file), year);
    let checked = 0;
    for (const p of t.practices) {
      for (const id of QOF_CONDITION_IDS) {
        const c = p.conditions[id];
        const r = recomputedPrevalence(c.register, c.denominator)!;
        // Published to 3 decimal places (trailing zeros dropped).
        expect(Math.abs(r - c.publishedPct), `${p.code} ${id}`).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(matchesPublished(c.register, c.denominator, c.publishedPct)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(21 * 6);
    expect(checkPublishedPrevalence(t)).toEqual([]);
  });
});

describe('recomputedPrevalence and matchesPublished', () => {
  it('is 100 × register / denominator', () => {
    expect(recomputedPrevalence(703, 3904)).toBeCloseTo(18.00717213, 8);
    expect(recomputedPrevalence(375, 3125)).toBe(12);
    expect(recomputedPrevalence(0, 10)).toBe(0);
  });

  it.each([
    [1, 0, 'zero denominator'],
    [5, 4, 'register above denominator'],
    [-1, 4, 'negative register'],
    [NaN, 4, 'not a number'],
  ])('returns null for (%s, %s): %s', (n, d) => expect(recomputedPrevalence(n, d)).toBeNull());

  it('accepts the published rounding and rejects one unit off in the 3rd decimal', () => {
    // 321 / 3172 = 10.11980..% published as 10.12
    expect(matchesPublished(321, 3172, 10.12)).toBe(true);
    expect(matchesPublished(321, 3172, 10.121)).toBe(false);
    expect(matchesPublished(703, 3904, 18.006)).toBe(false);
    expect(matchesPublished(703, 3904, 18.01, 2)).toBe(true);
  });

  it('checkPublishedPrevalence names the practice and condition that disagree', () => {
    const t = parseQofTable(synthetic({ chd_prevalence_pct: '6.3' }), '2024-25');
    expect(t.errors).toEqual([]);
    expect(checkPublishedPrevalence(t)).toEqual([expect.stringMatching(/X1 chd: published 6.3%/)]);
  });
});

describe('parseQofTable validation (returned, not thrown)', () => {
  it('accepts a clean synthetic table', () => {
    const t = parseQofTable(synthetic(), '2024-25');
    expect(t.errors).toEqual([]);
    expect(t.practices[0].postcode).toBe('TS18 1HU');
  });

  it('reports missing columns', () => {
    const text = synthetic().replace('dep_denominator', 'dep_denom');
    const t = parseQofTable(text, '2024-25');
    expect(t.practices).toEqual([]);
    expect(t.errors.join()).toMatch(/missing columns dep_denominator/);
  });

  it('reports non-numeric values and leaves the row out', () => {
    const t = parseQofTable(synthetic({ hyp_register: 'abc' }), '2024-25');
    expect(t.practices).toEqual([]);
    expect(t.errors).toEqual([expect.stringMatching(/non-numeric hyp_register "abc"/)]);
  });

  it('reports a register larger than its denominator', () => {
    const t = parseQofTable(synthetic({ copd_register: '801', copd_prevalence_pct: '100' }), '2024-25');
    expect(t.errors.join()).toMatch(/copd_register 801 exceeds copd_denominator 800/);
  });

  it('reports duplicate practices', () => {
    const t = parseQofTable(synthetic({}, [{ practice_name: 'Again' }]), '2024-25');
    expect(t.practices).toHaveLength(1);
    expect(t.errors).toEqual([expect.stringMatching(/duplicate practice X1/)]);
  });

  it('reports blank and non-integer counts', () => {
    expect(parseQofTable(synthetic({ ob_denominator: '' }), 'y').errors.join()).toMatch(/blank ob_denominator/);
    expect(parseQofTable(synthetic({ dm_register: '2.5' }), 'y').errors.join()).toMatch(/dm_register must be a non-negative whole number/);
  });
});

describe('Wilson interval for a real practice', () => {
  it('A81001 The Densham Surgery, hypertension 2024-25 (703 / 3904)', () => {
    const p = parseQofTable(realText(REAL[0].file), '2024-25').practices.find((x) => x.code === 'A81001')!;
    const { register: n, denominator: d } = p.conditions.hyp;
    expect([n, d]).toEqual([703, 3904]);
    // By hand, with src/lib/ci.ts's formula (z = 1.959963984540054):
    //   p  = 703 / 3904                    = 0.180071721
    //   z² = 3.841458821
    //   a  = 2·703 + z²                    = 1409.841458821
    //   b  = z·√(z² + 4·703·(1 − p))       = 1.95996·√(3.84146 + 2305.63832) = 94.190081571
    //   c  = 2·(3904 + z²)                 = 7815.682917641
    //   lower = (a − b) / c = 1315.651377 / 7815.682918 = 0.168334794
    //   upper = (a + b) / c = 1504.031540 / 7815.682918 = 0.192437635
    const ci = wilsonInterval(n, d)!;
    expect(ci.lower).toBeCloseTo(0.168334794, 8);
    expect(ci.upper).toBeCloseTo(0.192437635, 8);
    // The published 18.007% lies inside its own interval.
    expect(ci.lower * 100).toBeLessThan(p.conditions.hyp.publishedPct);
    expect(ci.upper * 100).toBeGreaterThan(p.conditions.hyp.publishedPct);
  });
});
