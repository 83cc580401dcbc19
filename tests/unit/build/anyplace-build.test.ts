/**
 * Any place: the data build runs unchanged on a second, SYNTHETIC place (tests/fixtures/place-synthetic),
 * with its optional files left out; and the code names no place (place specifics live in data/).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IndicatorBundle } from '../../../src/lib/core/types';
import { build } from '../../../scripts/build/index';
import { BuildError } from '../../../scripts/build/io';
import { OUTPUT_FILES, outputsPresent } from '../../../scripts/build/write';
import { generateSyntheticPlace, population, LSOA_COUNT, WARD_NAMES, PRACTICE_NAMES, SYNTHETIC_CODE, SYNTHETIC_NAME } from '../../fixtures/place-synthetic/generate';

const ROOT = resolve(__dirname, '..', '..', '..');
const BUILT_AT = '2001-02-03T04:05:06.000Z';
let tmp: string;
let dataDir: string;
let outDir: string;
let summary: string[];
let bundle: IndicatorBundle;
const out = (f: string) => JSON.parse(readFileSync(join(outDir, f), 'utf8'));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'anyplace-build-'));
  dataDir = join(tmp, 'data-synthetic');
  outDir = join(tmp, 'out');
  generateSyntheticPlace(dataDir);
  // A 2011 lookups file left from an earlier build of another place must not survive.
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'lookups-2011.json'), '{}');
  ({ summary } = build({ dataDir, outDir, builtAt: BUILT_AT }));
  bundle = out('indicators.json') as IndicatorBundle;
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('data build on the synthetic place', () => {
  it('every generated file name says synthetic', () => {
    const files = generateSyntheticPlace(join(tmp, 'again'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) if (f !== 'place.json') expect(f).toMatch(/synthetic/);
    // Deterministic: the same files, byte for byte, on a second run.
    for (const f of files) expect(readFileSync(join(tmp, 'again', f), 'utf8'), f).toBe(readFileSync(join(dataDir, f), 'utf8'));
  });

  it('writes every required file, and no 2011 lookups (removing a stale copy)', () => {
    for (const f of OUTPUT_FILES) expect(existsSync(join(outDir, f)), f).toBe(f !== 'lookups-2011.json');
    expect(outputsPresent(outDir)).toBe(true);
  });

  it('has the expected counts: 12 LSOAs, 3 wards, 2 MSOAs, 48 postcodes, 3 practices, 9 assets, 1 preset', () => {
    const cases: [string, number, number][] = [
      ['LSOAs', bundle.areas.lsoa.codes.length, LSOA_COUNT],
      ['wards', bundle.areas.ward.codes.length, WARD_NAMES.length],
      ['MSOAs', bundle.areas.msoa.codes.length, 2],
      ['postcodes', Object.keys(out('postcodes.json')).length, 48],
      ['practices', bundle.practices.length, PRACTICE_NAMES.length],
      ['assets', out('assets.json').length, 9],
      ['presets', bundle.presets.length, 1],
      ['LSOA features', out('geo-lsoa.json').features.length, LSOA_COUNT],
      ['context districts (without the place itself)', out('geo-context.json').features.length, 1],
    ];
    for (const [what, got, want] of cases) expect(got, what).toBe(want);
    expect(bundle.place.name).toBe(SYNTHETIC_NAME);
    expect(bundle.place.code).toBe(SYNTHETIC_CODE);
    expect(bundle.areas.lsoa.codes.every((c) => /^X01\d{6}$/.test(c))).toBe(true);
    expect(bundle.presets[0].lsoas).toHaveLength(6);
  });

  it('has the same indicator families as the registry, QOF one year, no earlier-year links', () => {
    const ids = bundle.indicators.map((d) => d.id);
    for (const id of ['imd_score', 'imd_decile', 'income_score', 'disability', 'usual_residents', 'qof_hyp', 'qof_dep', 'access_gp_distance', 'access_food_bank_count_1km']) expect(ids).toContain(id);
    expect(bundle.qof.years).toEqual(['2024-25']);
    expect(bundle.qof.method).toBe('gravity');
    expect(bundle.indicators.some((d) => d.previousId)).toBe(false);
    // The model's note names this place's QOF year only.
    expect(bundle.qof.note).toContain('Quality and Outcomes Framework 2024-25 (practice prevalence)');
    expect(bundle.qof.note).not.toContain('2022-23');
  });

  it('residents add up, and wards are estimated by area overlap (the ward edges cut LSOAs)', () => {
    const total = population.reduce((a, b) => a + b, 0);
    for (const geo of ['lsoa', 'msoa', 'ward'] as const) expect(bundle.areas[geo].residents.reduce((a, b) => a + b, 0), geo).toBeCloseTo(total, -1);
    // West ward: the first column of LSOAs whole, a third of the second column.
    const col = (c: number) => [0, 1, 2].map((r) => population[r * 4 + c]).reduce((a, b) => a + b, 0);
    expect(bundle.areas.ward.residents[0]).toBe(Math.round(col(0) + col(1) / 3));
    expect(bundle.lsoaLinks.wardParts?.[0]).toHaveLength(6);
  });

  it('says in its summary what this place does not have', () => {
    expect(summary).toContain('lookups-2011: none (place.json names no 2011 lookups, "files.legacy"); lookups-2011.json not written, so files of 2011 codes are not recognised');
    expect(summary).toContain('areas: 12 LSOAs, 3 wards, 2 MSOAs; residents ' + population.reduce((a, b) => a + b, 0));
    expect(summary.some((l) => l.startsWith('postcodes of the surrounding area: none'))).toBe(true);
    expect(summary.some((l) => l.includes('gravity model 2024-25: 12 LSOAs × 3 practices'))).toBe(true);
  });
});

describe('data build on the synthetic place: configuration is checked', () => {
  const edited = (edit: (place: Record<string, unknown>) => void) => {
    const dir = join(tmp, `edited-${Math.random().toString(36).slice(2)}`);
    generateSyntheticPlace(dir);
    const place = JSON.parse(readFileSync(join(dir, 'place.json'), 'utf8')) as Record<string, unknown>;
    edit(place);
    writeFileSync(join(dir, 'place.json'), JSON.stringify(place));
    return () => build({ dataDir: dir, outDir: join(dir, 'out'), builtAt: BUILT_AT });
  };
  const cases: [string, (p: Record<string, unknown>) => void, RegExp][] = [
    ['without its code pattern, X codes are not area codes', (p) => delete p.codePattern, /bad code "X0/],
    ['a code pattern that is not a regular expression', (p) => (p.codePattern = '^X(\\d{8}$'), /"codePattern" is not a regular expression/],
    ['a national file smaller than the place says', (p) => (p.nationalLsoasMin = 5000), /only 2000 rows; expected all Synthetic Nation \(synthetic\) LSOAs \(at least 5000\)/],
    ['an optional file named but missing', (p) => ((p.files as Record<string, string>).legacy = 'boundaries/synthetic_legacy_missing.json'), /synthetic_legacy_missing\.json not found/],
    ['a required file not named', (p) => delete (p.files as Record<string, string>).census, /"files" has no census/],
  ];
  it.each(cases)('%s', (_label, edit, message) => {
    const run = edited(edit);
    expect(run).toThrow(BuildError);
    expect(run).toThrow(message);
  });

  it('with presets left out, the build names no neighbourhoods and says so', () => {
    const { summary: s } = edited((p) => delete (p.files as Record<string, string>).presets)();
    expect(s).toContain('presets: none (place.json names no presets file, "files.presets")');
  });
});

describe('the code names no place', () => {
  // Place specifics come from data/place.json and the data files; src/ and scripts/ must work for any place.
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|css)$/.test(f) ? [p] : [];
    });
  const place = JSON.parse(readFileSync(join(ROOT, 'data', 'place.json'), 'utf8')) as { name: string; code: string };
  const presets = JSON.parse(readFileSync(join(ROOT, 'data', 'presets.json'), 'utf8')) as { presets: { id: string; name: string; rule: { bestFitWard?: string } }[] };
  const forbidden: (string | RegExp)[] = [
    place.name,
    place.name.split(/[- ]/)[0],
    place.code,
    ...new Set(presets.presets.flatMap((p) => [p.name, `'${p.id}'`, p.rule.bestFitWard ?? place.code])),
    /\bTS\d{1,2}\b/,
    /\bE0[125]\d{6}\b/,
  ];
  it.each(['src', 'scripts'])('%s/ has no place name, place code, preset, area code or postcode of the bundled place', (dir) => {
    const hits: string[] = [];
    for (const f of files(join(ROOT, dir))) {
      const text = readFileSync(f, 'utf8');
      for (const x of forbidden) if (typeof x === 'string' ? text.includes(x) : x.test(text)) hits.push(`${f.slice(ROOT.length + 1)}: ${String(x)}`);
    }
    expect(hits).toEqual([]);
  });
});
