import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHealthConditions, buildHealthConditionsDetailed, contextFromDataDir, type HealthConditionsContext, type HealthConditionsDetail } from '../../../scripts/qof';
import { QOF_CONDITION_IDS } from '../../../src/lib/health/qof';
import { parseCsv } from '../../../src/lib/core/csv';

const ROOT = join(__dirname, '..', '..', '..');
const DATA = join(ROOT, 'data');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'qof', 'gp_patients_by_lsoa.synthetic.csv');
const YEARS = ['2022-23', '2024-25'];
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** england.csv read independently of scripts/qof.ts. */
const englandRows = parseCsv(readFileSync(join(DATA, 'indicators', 'england.csv'), 'utf8')).rows;
function engRow(id: string, year: string, area: 'E92000001' | 'E06000004') {
  const rows = englandRows.filter((r) => r.indicator === `qof_${id}_prevalence_pct` && r.area_code.split(' ')[0] === area && r.period.includes(year));
  expect(rows, `${id} ${year} ${area}`).toHaveLength(1);
  return { numerator: Number(rows[0].numerator), denominator: Number(rows[0].denominator), value: Number(rows[0].value) };
}

/** A temporary data folder: the real data linked in, with some files replaced. */
const temps: string[] = [];
function dataDirWith(replace: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qof-build-'));
  temps.push(dir);
  for (const sub of ['assets', 'boundaries']) symlinkSync(join(DATA, sub), join(dir, sub));
  // place.json, presets.json and the rest of data/'s own files.
  for (const f of readdirSync(DATA, { withFileTypes: true })) if (f.isFile()) symlinkSync(join(DATA, f.name), join(dir, f.name));
  mkdirSync(join(dir, 'indicators'));
  for (const f of readdirSync(join(DATA, 'indicators'))) {
    const rel = `indicators/${f}`;
    if (!(rel in replace)) symlinkSync(join(DATA, rel), join(dir, rel));
  }
  for (const [rel, text] of Object.entries(replace)) writeFileSync(join(dir, rel), text);
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

let ctx: HealthConditionsContext;
let real: HealthConditionsDetail;
beforeAll(() => {
  ctx = contextFromDataDir(DATA);
  real = buildHealthConditionsDetailed(ctx);
}, 120_000);

describe('context from data/', () => {
  it('has the 124 Stockton LSOAs with centroids, residents and IMD scores', () => {
    expect(ctx.lsoaCodes).toHaveLength(124);
    expect(sum(ctx.lsoaPopulation)).toBe(196597); // Census 2021 usual residents (PROVENANCE.md)
    ctx.lsoaPwc.forEach(([lon, lat]) => {
      expect(lon).toBeGreaterThan(-1.5);
      expect(lon).toBeLessThan(-1.1);
      expect(lat).toBeGreaterThan(54.4);
      expect(lat).toBeLessThan(54.7);
    });
  });
});

describe('practices', () => {
  it('keeps all 21 practices; 20 are geocoded, A81634 is not mapped', () => {
    const ps = real.output.practices;
    expect(ps).toHaveLength(21);
    expect(ps.filter((p) => p.lon !== null)).toHaveLength(20);
    const arrival = ps.find((p) => p.code === 'A81634')!;
    expect(arrival.postcode).toBeNull();
    expect(arrival.lon).toBeNull();
    expect(arrival.lat).toBeNull();
    expect(arrival.conditions.hyp['2024-25'].register).toBeGreaterThan(0);
    expect(real.output.summary.join('\n')).toMatch(/A81634 .*no postcode in any source/);
  });

  it('geocodes A81001 to the Code-Point centroid of TS18 1HU, in the borough', () => {
    const row = parseCsv(readFileSync(join(DATA, 'assets', 'postcodes_stockton_on_tees.csv'), 'utf8')).rows.find((r) => r.postcode === 'TS18 1HU')!;
    const p = real.output.practices.find((x) => x.code === 'A81001')!;
    expect(p.postcode).toBe('TS18 1HU');
    expect(p.lon).toBe(Number(row.lon));
    expect(p.lat).toBe(Number(row.lat));
    expect(p.inBorough).toBe(true);
    expect(p.listSize).toEqual({ '2022-23': 3996, '2024-25': 3904 });
    expect(p.conditions.hyp['2024-25']).toEqual({ register: 703, denominator: 3904, value: (100 * 703) / 3904 });
  });

  it('has values for both years for every practice and condition', () => {
    for (const p of real.output.practices)
      for (const id of QOF_CONDITION_IDS)
        for (const y of YEARS) {
          const c = p.conditions[id][y];
          expect(c.value).toBeCloseTo((100 * c.register) / c.denominator, 12);
        }
  });
});

describe('comparators', () => {
  it.each(QOF_CONDITION_IDS.flatMap((id) => YEARS.map((y) => [id, y] as const)))(
    '%s %s: the 21-practice aggregate reproduces england.csv E06000004',
    (id, year) => {
      const pub = engRow(id, year, 'E06000004');
      const ps = real.output.practices;
      expect(sum(ps.map((p) => p.conditions[id][year].register))).toBe(pub.numerator);
      expect(sum(ps.map((p) => p.conditions[id][year].denominator))).toBe(pub.denominator);
      expect(real.output.borough[id][year].numerator).toBe(pub.numerator);
      expect(real.output.borough[id][year].denominator).toBe(pub.denominator);
      expect(real.output.borough[id][year].value).toBeCloseTo(pub.value, 3);
    },
  );

  it.each(QOF_CONDITION_IDS.flatMap((id) => YEARS.map((y) => [id, y] as const)))('%s %s: England comparator from england.csv E92000001', (id, year) => {
    const eng = engRow(id, year, 'E92000001');
    const out = real.output.england[id][year];
    expect(out.numerator).toBe(eng.numerator);
    expect(out.denominator).toBe(eng.denominator);
    expect(out.value).toBeCloseTo((100 * eng.numerator) / eng.denominator, 12);
  });

  it('picks the right year (2022-23 and 2024-25 England HYP differ)', () => {
    expect(real.output.england.hyp['2024-25'].numerator).not.toBe(real.output.england.hyp['2022-23'].numerator);
  });
});

describe('gravity model on the real data', () => {
  it('uses the gravity method with a fitted beta inside (0.01, 3) and a finite RMSE', () => {
    const m = real.output.model;
    expect(m.method).toBe('gravity');
    expect(m.beta!).toBeGreaterThan(0.01);
    expect(m.beta!).toBeLessThan(3);
    expect(Number.isFinite(m.rmse!)).toBe(true);
    expect(m.rmse!).toBeGreaterThan(0);
    expect(m.practicesInFit).toBe(20);
    // The note reports the numbers it was built from.
    expect(m.note).toContain(`β = ${Number(m.beta!.toPrecision(3))} per km`);
    expect(m.note).toContain(`${m.rmse!.toFixed(2)} IMD score points`);
    expect(m.note).toMatch(/straight-line/);
    expect(m.note).toMatch(/Age is not added to the model/);
    expect(real.output.summary.join('\n')).toMatch(/gravity model \(origin-constrained\): beta \d\.\d{4} per km, crossing the River Tees costs \d+\.\d\d km/);
  });

  it('the barrier puts the configured wards’ LSOAs and practices on one side (place.json gpModel.barrier)', () => {
    const south = new Set(ctx.place.gpModel!.barrier!.wards);
    expect(south.size).toBe(7);
    // Every configured ward is some LSOA's best-fit ward; the summary counts each side.
    for (const w of south) expect(ctx.lsoaWardCode).toContain(w);
    const n = ctx.lsoaWardCode.filter((w) => south.has(w)).length;
    expect(real.output.summary.join('\n')).toContain(`barrier the River Tees: ${n}/124 LSOAs and 4/20 practices south of the Tees`);
  });

  it('before → after: the barrier and open model fit OHID better and stop Portrack being sent to Elm Tree', () => {
    const v = real.output.model.validation!;
    // Before: the earlier doubly-constrained straight-line model (figures quoted in the issue).
    expect(v.before.crossingKm).toBe(0);
    expect(v.before.checkShare!).toBeCloseTo(0.381, 2);
    expect(v.before.deprived.map((d) => [d.code, Number(d.modelled.toFixed(1)), Number(d.observed.toFixed(1))])).toEqual([
      ['A81608', 38.3, 45.0],
      ['A81629', 35.7, 41.2],
    ]);
    // After: better RMSE against OHID; Elm Tree's patients as deprived as OHID says; almost no one from Portrack crosses.
    expect(v.after.rmse).toBeLessThan(v.before.rmse);
    expect(v.after.crossingKm).toBeGreaterThan(0);
    expect(v.after.checkShare!).toBeLessThan(0.01);
    const elm = v.after.deprived.find((d) => d.code === 'A81608')!;
    expect(Math.abs(elm.modelled - elm.observed)).toBeLessThan(2);
    expect(real.output.model.note).toContain(`${v.before.rmse.toFixed(2)} → ${v.after.rmse.toFixed(2)} IMD points`);
  });

  it.each(QOF_CONDITION_IDS.flatMap((id) => YEARS.map((y) => [id, y] as const)))('%s %s: model error comes from the leave-one-practice-out validation', (id, year) => {
    const e = real.output.model.modelError![id][year];
    const loo = real.output.model.validation!.after.loo[id][year];
    expect(loo.n).toBe(20);
    expect(e.relativeError).toBe(loo.relativeRmse);
    expect(e.relativeError).toBeGreaterThan(0.05);
    expect(e.relativeError).toBeLessThan(0.6);
    expect(e.looRmse).toBe(loo.rmse);
    // Comparable exactly when the model beats predicting each practice by the others' pooled rate.
    expect(e.comparable).toBe(e.looRmse < e.pooledRmse);
  });


  it('fits better than no distance decay at all', () => {
    // With beta = 0 every practice gets the borough's population-weighted mean IMD; the fit must beat that.
    const ref = parseCsv(readFileSync(join(DATA, 'indicators', 'gp_practices_stockton.csv'), 'utf8')).rows;
    const popMean = sum(ctx.lsoaImdScore.map((s, i) => s * ctx.lsoaPopulation[i])) / sum(ctx.lsoaPopulation);
    const obs = ref.map((r) => r.practice_imd2025_score_fingertips).filter((v) => v !== '').map(Number);
    const flatRmse = Math.sqrt(sum(obs.map((o) => (o - popMean) ** 2)) / obs.length);
    expect(real.output.model.rmse!).toBeLessThan(flatRmse / 2);
  });

  it.each(YEARS)('%s: flows keep every LSOA’s residents (origin-constrained: practice totals are the model’s output)', (year) => {
    const g = real.gravity![year];
    expect(g.converged).toBe(true);
    expect(g.flows).toHaveLength(124);
    expect(g.practiceCodes).toHaveLength(20);
    g.flows.forEach((row, i) => expect(Math.abs(sum(row) - ctx.lsoaPopulation[i]) / ctx.lsoaPopulation[i]).toBeLessThan(1e-9));
    expect(sum(g.flows.map(sum))).toBeCloseTo(sum(ctx.lsoaPopulation), 4);
    // Every practice draws some patients.
    g.practiceCodes.forEach((_, j) => expect(sum(g.flows.map((r) => r[j]))).toBeGreaterThan(100));
  });

  it.each(QOF_CONDITION_IDS.flatMap((id) => YEARS.map((y) => [id, y] as const)))(
    '%s %s: apportioned LSOA registers add up to the mapped practices’ register (A81634 excluded)',
    (id, year) => {
      const ps = real.output.practices;
      const inModel = new Set(real.output.model.practicesInModel[year]);
      const mappedReg = sum(ps.filter((p) => inModel.has(p.code)).map((p) => p.conditions[id][year].register));
      const mappedDen = sum(ps.filter((p) => inModel.has(p.code)).map((p) => p.conditions[id][year].denominator));
      const a = real.apportioned[id][year];
      expect(sum(a.register)).toBeCloseTo(mappedReg, 6);
      expect(sum(a.denominator)).toBeCloseTo(mappedDen, 6);
      // Rounded output (3 d.p.): within 124 × 0.0005.
      expect(Math.abs(sum(real.output.lsoa[id][year].register) - mappedReg)).toBeLessThan(0.062);
      // The unmapped practice is genuinely missing from the LSOA total, but not from the borough total.
      const arrival = ps.find((p) => p.code === 'A81634')!.conditions[id][year].register;
      expect(real.output.borough[id][year].numerator - mappedReg).toBe(arrival);
    },
  );

  it.each(QOF_CONDITION_IDS.flatMap((id) => YEARS.map((y) => [id, y] as const)))(
    '%s %s: every LSOA rate lies between the lowest and highest mapped practice rates',
    (id, year) => {
      const inModel = new Set(real.output.model.practicesInModel[year]);
      const rates = real.output.practices.filter((p) => inModel.has(p.code)).map((p) => p.conditions[id][year].value);
      const { register, denominator } = real.output.lsoa[id][year];
      expect(register).toHaveLength(124);
      register.forEach((r, i) => {
        expect(denominator[i]).toBeGreaterThan(0);
        const v = (100 * r) / denominator[i];
        expect(v).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-3);
        expect(v).toBeLessThanOrEqual(Math.max(...rates) + 1e-3);
      });
    },
  );

  it.each(YEARS)('%s: the bundle flows are the model flows per LSOA, by practice index, largest first', (year) => {
    const g = real.gravity![year];
    const flows = real.output.flows[year];
    expect(flows).toHaveLength(124);
    flows.forEach((row, i) => {
      for (let k = 1; k < row.length; k++) expect(row[k - 1][1]).toBeGreaterThanOrEqual(row[k][1]);
      // Dropped entries are each under half a patient; rounding to 1 d.p. moves each by at most 0.05.
      expect(Math.abs(sum(row.map((e) => e[1])) - sum(g.flows[i]))).toBeLessThan(0.5 * g.practiceCodes.length + 0.05 * row.length);
      for (const [j, x] of row) {
        const col = g.practiceCodes.indexOf(real.output.practices[j].code);
        expect(col).toBeGreaterThanOrEqual(0);
        expect(Math.abs(x - g.flows[i][col])).toBeLessThanOrEqual(0.05 + 1e-9);
      }
    });
  });

  it('the model is deterministic: a second build gives the same β and LSOA values', () => {
    const out = buildHealthConditions(ctx);
    expect(out.model.beta).toBe(real.output.model.beta);
    expect(out.lsoa.hyp['2024-25']).toEqual(real.output.lsoa.hyp['2024-25']);
    expect(out.years).toEqual(YEARS);
  }, 120_000);
});

describe('registrations path (synthetic fixture)', () => {
  it('uses apportionByRegistrations when indicators/gp_patients_by_lsoa.csv exists', () => {
    const dir = dataDirWith({});
    copyFileSync(FIXTURE, join(dir, 'indicators', 'gp_patients_by_lsoa.csv'));
    const d = buildHealthConditionsDetailed({ ...ctx, dataDir: dir });
    const out = d.output;
    expect(out.model.method).toBe('registrations');
    expect(out.model.beta).toBeUndefined();
    expect(d.gravity).toBeUndefined();
    expect(out.model.note).toMatch(/House of Commons Library/);
    // Fixture: A81001 600 in E01012187, 300 in E01012188, 100 outside (MALE/FEMALE rows ignored);
    // A81634 50 in E01012188. Others have no rows and are not apportioned.
    expect(out.model.practicesInModel['2024-25'].sort()).toEqual(['A81001', 'A81634']);
    const i87 = ctx.lsoaCodes.indexOf('E01012187');
    const i88 = ctx.lsoaCodes.indexOf('E01012188');
    const a1 = out.practices.find((p) => p.code === 'A81001')!.conditions.hyp['2024-25'];
    const a34 = out.practices.find((p) => p.code === 'A81634')!.conditions.hyp['2024-25'];
    const hyp = d.apportioned.hyp['2024-25'];
    expect(hyp.register[i87]).toBeCloseTo(0.6 * a1.register, 9);
    expect(hyp.register[i88]).toBeCloseTo(0.3 * a1.register + a34.register, 9);
    expect(hyp.denominator[i87]).toBeCloseTo(0.6 * a1.denominator, 9);
    // Borough total = Σ practice register × in-area share (0.9 for A81001, 1 for A81634, 0 otherwise).
    expect(sum(hyp.register)).toBeCloseTo(0.9 * a1.register + a34.register, 9);
    const codes = out.practices.map((p) => p.code);
    expect(hyp.inAreaShare[codes.indexOf('A81001')]).toBeCloseTo(0.9, 12);
    expect(out.summary.join('\n')).toMatch(/registrations: no rows for A81002/);
    // The bundle's flows are the counted patients, per LSOA, largest first.
    const j1 = codes.indexOf('A81001');
    const j34 = codes.indexOf('A81634');
    expect(out.flows['2024-25'][i87]).toEqual([[j1, 600]]);
    expect(out.flows['2024-25'][i88]).toEqual([[j1, 300], [j34, 50]]);
  });

  it('fails loudly on a malformed registrations file', () => {
    const dir = dataDirWith({ 'indicators/gp_patients_by_lsoa.csv': 'PRACTICE_CODE,NUMBER_OF_PATIENTS\nA81001,5\n' });
    expect(() => buildHealthConditions({ ...ctx, dataDir: dir })).toThrow(/gp_patients_by_lsoa\.csv: .*LSOA_CODE/);
  });
});

describe('validation failures throw clear errors', () => {
  const qof2425 = 'indicators/qof_prevalence_practice_stockton_2024_25.csv';

  it('when a practice aggregate no longer reproduces england.csv', () => {
    const text = readFileSync(join(DATA, 'indicators', 'england.csv'), 'utf8');
    const lines = text.split('\n');
    const k = lines.findIndex((l) => l.startsWith('qof_chd_prevalence_pct,E06000004') && l.includes('2024-25'));
    expect(k).toBeGreaterThan(0);
    // 7739 / 213883 -> 7740 / 213883 (value kept consistent to 3 d.p.: 3.619)
    lines[k] = lines[k].replace(',3.618,', ',3.619,').replace(',7739,213883,', ',7740,213883,');
    const dir = dataDirWith({ 'indicators/england.csv': lines.join('\n') });
    // The comparators come from the validated inputs, so the context is rebuilt from the edited directory.
    expect(() => buildHealthConditions(contextFromDataDir(dir))).toThrow(/CHD 2024-25 totals 7739\/213883 do not reproduce .*7740\/213883/);
    }, 60_000); // reads and validates a whole data folder

  it('when a published percentage does not match register / denominator', () => {
    const text = readFileSync(join(DATA, qof2425), 'utf8').replace(',703,3904,18.007,', ',703,3904,18.107,');
    const dir = dataDirWith({ [qof2425]: text });
    expect(() => buildHealthConditions({ ...ctx, dataDir: dir })).toThrow(/A81001 hyp: published 18.107%/);
  });

  it('when a QOF file has a register above its denominator', () => {
    const text = readFileSync(join(DATA, qof2425), 'utf8').replace(',703,3904,18.007,', ',3905,3904,100,');
    const dir = dataDirWith({ [qof2425]: text });
    expect(() => buildHealthConditions({ ...ctx, dataDir: dir })).toThrow(/hyp_register 3905 exceeds hyp_denominator 3904/);
  });

  it('when the context arrays do not line up', () => {
    expect(() => buildHealthConditions({ ...ctx, lsoaPopulation: ctx.lsoaPopulation.slice(1) })).toThrow(/lsoaPopulation has 123 entries for 124 LSOAs/);
  });
});
