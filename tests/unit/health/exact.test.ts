import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { IndicatorBundle, IndicatorRecord, PracticeRecord } from '../../../src/lib/core/types';
import {
  EXACT_LABEL,
  MODELLED_LABEL,
  exactQofIndicators,
  extractDateWords,
  looksLikePatientsByLsoa,
  methodInForce,
  parsePatientsByLsoa,
  withExactQof,
  type PatientsByLsoa,
  type PatientsRow,
} from '../../../src/lib/health/exact';
import { jenksBreaks, quantileBreaks } from '../../../src/lib/indicators/classify';
import type { ParsedTable } from '../../../src/lib/userdata/types';
import { loadBundle, record } from '../../fixtures/bundle';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'userdata', 'synthetic-patients-by-lsoa.csv');

/** A CSV as the app's parser hands it over (papaparse here; the app's own parser is tested elsewhere). */
function table(text: string, fileName = 'test.csv'): ParsedTable {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [columns, ...rows] = res.data;
  return { fileName, columns, rows: rows.map((r) => columns.map((_, i) => r[i] ?? '')), delimiter: ',', notes: [] };
}

function parsed(text: string): PatientsByLsoa {
  const res = parsePatientsByLsoa(table(text));
  if ('error' in res) throw new Error(res.error);
  return res;
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n');
const NHS_HEADER = ['PUBLICATION', 'EXTRACT_DATE', 'PRACTICE_CODE', 'PRACTICE_NAME', 'LSOA_CODE', 'SEX', 'NUMBER_OF_PATIENTS'];

describe('recognising and reading the NHS patients-by-LSOA file', () => {
  it('recognises the NHS layout and header variants, and not other files', () => {
    expect(looksLikePatientsByLsoa(NHS_HEADER)).toBe(true);
    expect(looksLikePatientsByLsoa(['practice_code', 'lsoa_2021_code', 'number_of_patients'])).toBe(true);
    expect(looksLikePatientsByLsoa(['Practice Code', 'LSOA 2011 Code', 'Number of Patients'])).toBe(true);
    expect(looksLikePatientsByLsoa(['\uFEFFPRACTICE_CODE', 'LSOA_CODE_2021', 'NUMBER_OF_PATIENTS'])).toBe(true);
    // Not the NHS file: an LSOA indicator file, a hubs file, a practice list without LSOAs.
    expect(looksLikePatientsByLsoa(['lsoa21cd', 'value', 'count', 'denominator'])).toBe(false);
    expect(looksLikePatientsByLsoa(['name', 'organisation', 'kind', 'postcode', 'latitude', 'longitude'])).toBe(false);
    expect(looksLikePatientsByLsoa(['PRACTICE_CODE', 'PRACTICE_NAME', 'NUMBER_OF_PATIENTS'])).toBe(false);
    const hubs = readFileSync(join(__dirname, '..', '..', 'fixtures', 'hubs-champions-sample.csv'), 'utf8');
    const res = parsePatientsByLsoa(table(hubs));
    expect('error' in res && res.error).toMatch(/not NHS England's patients registered at a GP practice by LSOA file: it has no PRACTICE_CODE, no LSOA_CODE .*, no NUMBER_OF_PATIENTS column/);
  });

  it('reads header variants in any case (2021 and 2011 LSOA codes)', () => {
    const a = parsed(csv([['practice_code', 'Lsoa_2021_Code', 'Number of patients'], ['a81001', 'e01012187', '12']]));
    expect(a.rows).toEqual([{ practice: 'A81001', lsoa: 'E01012187', patients: 12 }]);
    expect(a.extractDate).toBeNull();
    expect(a.warnings).toEqual([]);
    const b = parsed(csv([['PRACTICE_CODE', 'LSOA_2011_CODE', 'NUMBER_OF_PATIENTS', 'PUBLICATION'], ['A81001', 'E01012187', '7', 'GP_PRAC_PAT_LIST']]));
    expect(b.rows).toEqual([{ practice: 'A81001', lsoa: 'E01012187', patients: 7 }]);
    expect(b.extractDate).toBe('GP_PRAC_PAT_LIST');
    expect(b.warnings.join(' ')).toMatch(/2011 codes/);
  });

  it('uses the ALL rows when SEX is present, and adds up the sexes when there is no ALL row', () => {
    const withAll = parsed(
      csv([NHS_HEADER, ...['MALE', 'FEMALE', 'ALL'].map((s, k) => ['GP', '01OCT2025', 'A81001', 'X', 'E01012187', s, [40, 60, 100][k]])]),
    );
    expect(withAll.rows).toEqual([{ practice: 'A81001', lsoa: 'E01012187', patients: 100 }]);
    expect(withAll.warnings).toEqual([]);
    const noAll = parsed(csv([NHS_HEADER, ['GP', '01OCT2025', 'A81001', 'X', 'E01012187', 'MALE', 40], ['GP', '01OCT2025', 'A81001', 'X', 'E01012187', 'FEMALE', 60]]));
    expect(noAll.rows).toEqual([{ practice: 'A81001', lsoa: 'E01012187', patients: 100 }]);
    expect(noAll.warnings.join(' ')).toMatch(/no ALL rows, so the rows for each sex were added up/);
    // No SEX column: rows for the same practice and LSOA are added up.
    const noSex = parsed(csv([['PRACTICE_CODE', 'LSOA_CODE', 'NUMBER_OF_PATIENTS'], ['A81001', 'E01012187', 5], ['A81001', 'E01012187', 6]]));
    expect(noSex.rows).toEqual([{ practice: 'A81001', lsoa: 'E01012187', patients: 11 }]);
    expect(noSex.warnings.join(' ')).toMatch(/1 row repeats a practice, LSOA and sex .*row 3\)/);
  });

  it('reads thousands separators, counts suppressed and bad cells with their row numbers, and never throws', () => {
    const res = parsed(
      csv([
        ['PRACTICE_CODE', 'LSOA_CODE', 'NUMBER_OF_PATIENTS'],
        ['A81001', 'E01012187', '"1,234"'],
        ['A81001', 'E01012188', '*'],
        ['A81001', 'E01012189', 'lots'],
        ['A81001', 'E01012190', '-3'],
        ['', 'E01012191', '4'],
      ]),
    );
    expect(res.rows).toEqual([{ practice: 'A81001', lsoa: 'E01012187', patients: 1234 }]);
    const w = res.warnings.join(' ');
    expect(w).toMatch(/2 rows where the number of patients is not a number ignored \(rows 4, 5\)/);
    expect(w).toMatch(/1 row with a suppressed number of patients/);
    expect(w).toMatch(/1 row with no practice or LSOA code ignored \(row 6\)/);
    const empty = parsePatientsByLsoa(table(csv([['PRACTICE_CODE', 'LSOA_CODE', 'NUMBER_OF_PATIENTS'], ['A81001', 'E01012187', '*']])));
    expect('error' in empty && empty.error).toMatch(/no rows/);
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 20 }), (rows) => {
        const res = parsePatientsByLsoa({ fileName: 'x', columns: ['PRACTICE_CODE', 'LSOA_CODE', 'NUMBER_OF_PATIENTS'], rows, delimiter: ',', notes: [] });
        if (!('error' in res)) for (const r of res.rows) expect(r.patients).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('puts extract dates in words', () => {
    expect(extractDateWords('01OCT2025')).toBe('1 October 2025');
    expect(extractDateWords('2025-10-01')).toBe('1 October 2025');
    expect(extractDateWords('01/10/2025')).toBe('1 October 2025');
    expect(extractDateWords('October 2025')).toBe('October 2025');
    expect(extractDateWords('  ')).toBeNull();
  });

  it('reads the synthetic fixture: ALL rows only, its extract date', () => {
    const res = parsed(readFileSync(FIXTURE, 'utf8'));
    const lines = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/).length - 1;
    expect(res.rows.length).toBe(lines / 3);
    expect(res.extractDate).toBe('1 October 2025');
    expect(res.warnings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** A four-LSOA place with numbers small enough to work out by hand. */
function tinyBundle({ wardParts = false } = {}): IndicatorBundle {
  const areas = (codes: string[]) => ({ codes, names: codes.map((c) => `${c} name`), aliases: codes.map(() => ''), residents: codes.map(() => 1000), bbox: [], label: [] });
  const practice = (code: string, register: number, denominator: number): PracticeRecord => ({
    code,
    name: `Practice ${code}`,
    postcode: null,
    pcnCode: 'U1',
    pcnName: 'PCN',
    lon: null,
    lat: null,
    inBorough: true,
    listSize: { '2024-25': denominator },
    conditions: { hyp: { '2024-25': { register, denominator, value: (100 * register) / denominator } } },
  });
  const modelled: IndicatorRecord = record({
    id: 'qof_hyp',
    label: 'Hypertension',
    kind: 'proportion',
    compare: 'interval',
    source: 'NHS England Quality and Outcomes Framework (recorded prevalence by GP practice); small-area values modelled here',
    method: 'Recorded prevalence: patients on the HYP register as a share of the practice list all ages. Modelled estimate, not a published figure. Gravity model…',
    modelled: true,
    geographyMethod: { lsoa: 'LSOA: modelled estimate', msoa: 'MSOA: modelled estimate', ward: 'Ward: modelled estimate' },
    derived: { lsoa: true, msoa: true, ward: true },
    england: { value: 14, numerator: 14, denominator: 100, statistic: 'England' },
    borough: { value: 11, numerator: 230, denominator: 2400, statistic: 'borough' },
    qof: { condition: 'hyp', year: '2024-25' },
    data: Object.fromEntries(['lsoa', 'msoa', 'ward'].map((g) => [g, { values: [], breaks: { quantile: [], jenks: [] } }])),
  });
  return {
    builtAt: 'test',
    place: {} as IndicatorBundle['place'],
    areas: { lsoa: areas(['L1', 'L2', 'L3', 'L4']), msoa: areas(['M1', 'M2']), ward: areas(['W1', 'W2']) },
    lsoaLinks: {
      msoa: [0, 0, 1, 1],
      ward: [0, 1, 0, 1],
      pwc: [],
      ...(wardParts ? { wardParts: [[[0, 1], [1, 0.5], [2, 1]], [[1, 0.5], [3, 1]]] as [number, number][][] } : {}),
    },
    themes: [],
    indicators: [record({ id: 'imd_score' }), modelled],
    presets: [],
    practices: [practice('P1', 100, 1000), practice('P2', 60, 500), practice('P3', 20, 500), practice('P4', 40, 400), practice('P5', 30, 300)],
    qof: { years: ['2024-25'], method: 'gravity', note: 'gravity' },
    boroughIndicators: [],
  };
}

/**
 * P1: all its patients in L1. P2 and P3: each half in L3, half in L4. P4: 300 in L2, 100 outside the
 * borough (so 3/4 of its register stays). P5: not in the file. Q9: not a borough practice.
 */
const TINY_ROWS: PatientsRow[] = [
  { practice: 'P1', lsoa: 'L1', patients: 800 },
  { practice: 'P2', lsoa: 'L3', patients: 250 },
  { practice: 'P2', lsoa: 'L4', patients: 250 },
  { practice: 'P3', lsoa: 'L3', patients: 40 },
  { practice: 'P3', lsoa: 'L4', patients: 40 },
  { practice: 'P4', lsoa: 'L2', patients: 300 },
  { practice: 'P4', lsoa: 'E01999999', patients: 100 },
  { practice: 'Q9', lsoa: 'L2', patients: 5000 },
];

function exact(bundle: IndicatorBundle, rows: PatientsRow[], file = 'patients.csv', date: string | null = '1 October 2025') {
  const res = exactQofIndicators(bundle, rows, file, date);
  if (res.error) throw new Error(res.error);
  return res;
}

describe('exact apportionment, worked by hand', () => {
  const res = exact(tinyBundle(), TINY_ROWS);
  const ind = res.indicators[0];
  const lsoa = ind.data.lsoa!;

  it('puts all of a practice’s register where all its patients live', () => {
    expect(lsoa.numerators![0]).toBeCloseTo(100, 12);
    expect(lsoa.denominators![0]).toBeCloseTo(1000, 12);
    expect(lsoa.values[0]).toBeCloseTo(10, 12);
  });

  it('splits two practices 50/50 as worked by hand', () => {
    // L3 and L4: (60/2 + 20/2) / (500/2 + 500/2) = 40 / 500 = 8%.
    for (const i of [2, 3]) {
      expect(lsoa.numerators![i]).toBeCloseTo(40, 12);
      expect(lsoa.denominators![i]).toBeCloseTo(500, 12);
      expect(lsoa.values[i]).toBeCloseTo(8, 12);
    }
  });

  it('lets patients living outside the borough take their share with them', () => {
    // P4: 300 of 400 patients in L2, so 3/4 of 40 and of 400.
    expect(lsoa.numerators![1]).toBeCloseTo(30, 12);
    expect(lsoa.denominators![1]).toBeCloseTo(300, 12);
    expect(res.inBoroughShare).toEqual({ P1: 1, P2: 1, P3: 1, P4: 0.75 });
    // Q9 (not a borough practice) adds nothing, though it has 5000 patients in L2.
    expect(res.practicesIgnored).toBe(1);
  });

  it('pools MSOAs and best-fit wards from counts, and recomputes the breaks', () => {
    const msoa = ind.data.msoa!;
    expect(msoa.numerators![0]).toBeCloseTo(130, 12);
    expect(msoa.values[0]).toBeCloseTo((130 / 1300) * 100, 12);
    expect(msoa.values[1]).toBeCloseTo(8, 12);
    const ward = ind.data.ward!;
    expect(ward.values[0]).toBeCloseTo((140 / 1500) * 100, 12);
    expect(ward.values[1]).toBeCloseTo((70 / 800) * 100, 12);
    expect(ind.geographyMethod.ward).toMatch(/whole in the ward holding most of it/);
    for (const g of ['lsoa', 'msoa', 'ward'] as const)
      expect(ind.data[g]!.breaks).toEqual({ quantile: quantileBreaks(ind.data[g]!.values), jenks: jenksBreaks(ind.data[g]!.values) });
  });

  it('splits wards by area overlap when the bundle has ward parts', () => {
    const ward = exact(tinyBundle({ wardParts: true }), TINY_ROWS).indicators[0].data.ward!;
    expect(ward.numerators![0]).toBeCloseTo(155, 12);
    expect(ward.values[0]).toBeCloseTo((155 / 1650) * 100, 12);
    expect(ward.values[1]).toBeCloseTo((55 / 650) * 100, 12);
  });

  it('keeps the indicator’s identity and comparators, and says the method in force', () => {
    const before = tinyBundle().indicators[1];
    expect(res.indicators.map((i) => i.id)).toEqual(['qof_hyp']);
    expect(ind).toMatchObject({ id: before.id, label: before.label, qof: before.qof, england: before.england, borough: before.borough, modelled: false });
    expect(ind.method).toMatch(/^Recorded prevalence: patients on the HYP register as a share of the practice list all ages\. From registered patients by LSOA/);
    expect(ind.method).toMatch(/where each practice's patients live \(NHS England, Patients Registered at a GP Practice by LSOA, extract 1 October 2025; your file patients\.csv\)/);
    expect(ind.method).toMatch(/assumes prevalence is the same for all of a practice's patients/);
    expect(ind.method).not.toMatch(/Modelled estimate|gravity/i);
    expect(ind.source).toMatch(/your file patients\.csv/);
    expect(ind.source).not.toMatch(/modelled/);
    for (const g of ['lsoa', 'msoa', 'ward'] as const) expect(ind.geographyMethod[g]).toContain(EXACT_LABEL);
    expect(methodInForce(before)).toEqual({ method: 'modelled', label: MODELLED_LABEL });
    expect(methodInForce(ind)).toEqual({ method: 'exact', label: EXACT_LABEL });
    expect(methodInForce(tinyBundle().indicators[0])).toBeNull();
  });

  it('names the practices missing from the file and says the values exclude them', () => {
    expect(res.practicesMissing).toEqual(['P5']);
    expect(res.warnings.join(' ')).toMatch(/no rows for 1 borough practice: Practice P5 \(P5\)\. The LSOA, MSOA and ward values exclude that practice/);
    expect(ind.method).toMatch(/The values exclude Practice P5 \(P5\)/);
    expect(res.warnings.join(' ')).toMatch(/1 practice in the file is not among the borough's 5 practices and was ignored/);
  });

  it('refuses a file with none of the borough’s practices, or none of their patients in the borough', () => {
    const none = exactQofIndicators(tinyBundle(), [{ practice: 'Q9', lsoa: 'L1', patients: 3 }], 'x.csv');
    expect(none.error).toMatch(/no rows for any of the borough's 5 GP practices/);
    expect(none.indicators).toEqual([]);
    const outside = exactQofIndicators(tinyBundle(), [{ practice: 'P1', lsoa: 'E01999999', patients: 3 }], 'x.csv');
    expect(outside.error).toMatch(/live in the borough's 4 LSOAs/);
  });

  it('replaces the bundle’s QOF indicators without touching the bundle given', () => {
    const bundle = tinyBundle();
    const next = withExactQof(bundle, res);
    expect(next.indicators.map((i) => i.id)).toEqual(['imd_score', 'qof_hyp']);
    expect(next.indicators[1].modelled).toBe(false);
    expect(next.indicators[0]).toBe(bundle.indicators[0]);
    expect(next.qof.method).toBe('registrations');
    expect(bundle.indicators[1].modelled).toBe(true);
  });

  it('carries the file’s patients as the flows, so the practices serving an area are counted', () => {
    const next = withExactQof(tinyBundle(), res);
    // Per LSOA: [practice index, patients], largest first; outside LSOAs and other practices left out.
    expect(next.qof.flows).toEqual({
      '2024-25': [
        [[0, 800]],
        [[3, 300]],
        [
          [1, 250],
          [2, 40],
        ],
        [
          [1, 250],
          [2, 40],
        ],
      ],
    });
  });
});

describe('exact apportionment with the real bundle and the synthetic fixture', () => {
  const bundle = loadBundle();
  const file = parsed(readFileSync(FIXTURE, 'utf8'));
  const res = exact(bundle, file.rows, 'synthetic-patients-by-lsoa.csv', file.extractDate);
  const ps = bundle.practices;
  const qofInds = bundle.indicators.filter((i) => i.qof);

  it('recomputes every QOF indicator, in the bundle’s order', () => {
    expect(res.indicators.map((i) => i.id)).toEqual(qofInds.map((i) => i.id));
    expect(res.indicators.length).toBe(12);
    for (const ind of res.indicators) expect(ind.method).toMatch(/extract 1 October 2025; your file synthetic-patients-by-lsoa\.csv/);
  });

  it('puts the whole register of a practice with all its patients in one LSOA there', () => {
    for (const ind of res.indicators) {
      const c = ps[0].conditions[ind.qof!.condition][ind.qof!.year];
      expect(ind.data.lsoa!.numerators![0]).toBeCloseTo(c.register, 9);
      expect(ind.data.lsoa!.denominators![0]).toBeCloseTo(c.denominator, 9);
    }
  });

  it('splits two practices 50/50 as worked from their registers', () => {
    for (const ind of res.indicators) {
      const [a, b] = [ps[1], ps[2]].map((p) => p.conditions[ind.qof!.condition][ind.qof!.year]);
      for (const i of [1, 2]) {
        expect(ind.data.lsoa!.numerators![i]).toBeCloseTo((a.register + b.register) / 2, 9);
        expect(ind.data.lsoa!.values[i]).toBeCloseTo(((a.register + b.register) / (a.denominator + b.denominator)) * 100, 9);
      }
    }
  });

  it('conserves totals: LSOA numerators add up to each practice’s register × its in-borough share', () => {
    const codes = new Set(bundle.areas.lsoa.codes);
    for (const ind of res.indicators) {
      let expected = 0;
      for (const p of ps) {
        const mine = file.rows.filter((r) => r.practice === p.code);
        const all = mine.reduce((s, r) => s + r.patients, 0);
        const inside = mine.filter((r) => codes.has(r.lsoa)).reduce((s, r) => s + r.patients, 0);
        if (all === 0) continue;
        expect(res.inBoroughShare[p.code]).toBeCloseTo(inside / all, 12);
        expected += p.conditions[ind.qof!.condition][ind.qof!.year].register * (inside / all);
      }
      const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
      expect(sum(ind.data.lsoa!.numerators!)).toBeCloseTo(expected, 6);
      expect(sum(ind.data.msoa!.numerators!)).toBeCloseTo(expected, 6);
      expect(sum(ind.data.ward!.numerators!)).toBeCloseTo(expected, 6);
    }
    // The fixture's first three practices live wholly in the borough; the others partly outside it.
    expect([0, 1, 2].map((j) => res.inBoroughShare[ps[j].code])).toEqual([1, 1, 1]);
    expect(Math.min(...Object.values(res.inBoroughShare))).toBeLessThan(1);
  });

  it('warns about the missing practice by name, and ignores the practice from elsewhere', () => {
    const last = ps[ps.length - 1];
    expect(res.practicesMissing).toEqual([last.code]);
    expect(res.warnings.join(' ')).toContain(`${last.name} (${last.code}). The LSOA, MSOA and ward values exclude that practice`);
    expect(res.indicators[0].method).toContain(`The values exclude ${last.name} (${last.code})`);
    expect(res.practicesIgnored).toBe(1);
  });

  it('is not modelled any more, and says so', () => {
    for (const ind of res.indicators) {
      expect(ind.modelled).toBe(false);
      expect(methodInForce(ind)?.method).toBe('exact');
    }
    for (const ind of qofInds) expect(methodInForce(ind)?.method).toBe('modelled');
  });
});

describe('property: totals are conserved for any patient distribution', () => {
  const bundle = loadBundle();
  const codes = bundle.areas.lsoa.codes;
  const ind = bundle.indicators.find((i) => i.id === 'qof_hyp')!;
  const outside = ['E01011949', 'E01011950', 'E01011951'];
  const cell = fc.record({
    practice: fc.integer({ min: 0, max: bundle.practices.length }),
    lsoa: fc.integer({ min: 0, max: codes.length + outside.length - 1 }),
    patients: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1e4, noNaN: true })),
  });

  it('Σ LSOA numerators = Σ practice register × in-borough share (within 1e-6)', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 200 }), (cells) => {
        const rows: PatientsRow[] = cells.map((c) => ({
          practice: c.practice < bundle.practices.length ? bundle.practices[c.practice].code : 'Y99999',
          lsoa: c.lsoa < codes.length ? codes[c.lsoa] : outside[c.lsoa - codes.length],
          patients: c.patients,
        }));
        const res = exactQofIndicators({ ...bundle, indicators: [ind] }, rows, 'random.csv');
        if (res.error) return; // nobody from the borough's practices in the borough
        let expected = 0;
        for (const p of bundle.practices) {
          const all = rows.filter((r) => r.practice === p.code).reduce((s, r) => s + r.patients, 0);
          const inside = rows.filter((r) => r.practice === p.code && codes.includes(r.lsoa)).reduce((s, r) => s + r.patients, 0);
          if (all > 0) expected += p.conditions.hyp['2024-25'].register * (inside / all);
        }
        const got = res.indicators[0].data.lsoa!.numerators!.reduce<number>((s, x) => s + (x ?? 0), 0);
        expect(Math.abs(got - expected)).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });
});
