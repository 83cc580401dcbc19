import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HUBS_COLUMNS,
  HUBS_MAX_BYTES,
  HUBS_SCHEMA_DOC,
  HUBS_TEMPLATE_CSV,
  geocoderFromMap,
  hubsFileSizeError,
  parseHubsCsv,
  type HubsGeocoder,
} from '../../../src/lib/assets/hubs';
import { validateAsset } from '../../../src/lib/assets/categories';
import { MAX_TEXT, utf8Bytes } from '../../../src/lib/core/text';

const FIXTURE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'hubs-champions-sample.csv'), 'utf8');

// Fixture geocoder: values copied from data/assets/postcodes_stockton_on_tees.csv / postcodes_ts_area.csv (OS Code-Point Open).
const POSTCODES = new Map([
  ['TS18 1TU', { lon: -1.311201, lat: 54.566595, wardCode: 'E05014882' }], // Stockton Town Centre
  ['TS19 7AJ', { lon: -1.350872, lat: 54.562699, wardCode: 'E05014866' }], // Fairfield
  ['TS20 1AE', { lon: -1.311851, lat: 54.589507, wardCode: 'E05014875' }], // Norton Central
  ['TS23 2LN', { lon: -1.290939, lat: 54.606722, wardCode: 'E05014858' }], // Billingham Central
  ['TS17 6PF', { lon: -1.301485, lat: 54.555018, wardCode: 'E05014872' }], // Mandale & Victoria
  ['TS1 1AA', { lon: -1.244942, lat: 54.575852, wardCode: 'E05009866' }], // Middlesbrough (outside the borough)
]);
const lookups: string[] = [];
const geocode: HubsGeocoder = (pc) => {
  lookups.push(pc);
  return POSTCODES.get(pc) ?? null;
};
const WARDS = new Map([
  ['Stockton Town Centre', 'E05014882'],
  ['Fairfield', 'E05014866'],
  ['Norton Central', 'E05014875'],
  ['Billingham Central', 'E05014858'],
  ['Mandale & Victoria', 'E05014872'],
  ['Yarm', 'E05014884'],
]);
const HEADER = HUBS_COLUMNS.join(',');
const parse = (body: string, opts = {}) => parseHubsCsv(`${HEADER}\n${body}`, geocode, WARDS, opts);

describe('template and schema doc', () => {
  it('the template is the header row only', () => {
    expect(HUBS_TEMPLATE_CSV).toBe(`${HUBS_COLUMNS.join(',')}\n`);
    expect(HUBS_COLUMNS).toEqual(['name', 'organisation', 'kind', 'services', 'address', 'postcode', 'latitude', 'longitude', 'ward', 'contact', 'last_verified']);
  });
  it('documents every column once, with required/optional and a format', () => {
    expect(HUBS_SCHEMA_DOC.map((d) => d.column)).toEqual([...HUBS_COLUMNS]);
    for (const d of HUBS_SCHEMA_DOC) {
      expect(['required', 'optional', 'conditional']).toContain(d.required);
      expect(d.format.length).toBeGreaterThan(3);
      expect(d.description.length).toBeGreaterThan(3);
    }
    expect(HUBS_SCHEMA_DOC.filter((d) => d.required === 'required').map((d) => d.column)).toEqual(['name', 'kind']);
  });
  it('the empty template parses to nothing, with a note', () => {
    const r = parseHubsCsv(HUBS_TEMPLATE_CSV, geocode, WARDS);
    expect(r.error).toBeUndefined();
    expect(r.points).toEqual([]);
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toContain('The file has a header but no entries.');
  });
});

describe('parseHubsCsv: the sample fixture', () => {
  const r = parseHubsCsv(FIXTURE, geocode, WARDS);

  it('makes points for hubs and champion organisations only', () => {
    expect(r.error).toBeUndefined();
    expect(r.points.map((p) => [p.name, p.category])).toEqual([
      ['Example Hub A', 'hub'],
      ['Example Hub B', 'hub'],
      ['Example Champion Organisation C', 'champion_org'],
    ]);
    for (const p of r.points) expect('asset' in validateAsset(p)).toBe(true);
  });

  it('geocodes by postcode when latitude/longitude are blank, and uses given coordinates otherwise', () => {
    const [a, b, c] = r.points;
    expect([a.lon, a.lat, a.postcode, a.wardCode, a.ward, a.inBorough]).toEqual([-1.311201, 54.566595, 'TS18 1TU', 'E05014882', 'Stockton Town Centre', true]);
    expect([b.lon, b.lat, b.postcode]).toEqual([-1.3015, 54.555, '']);
    expect(b.wardCode).toBeUndefined(); // no ward, no postcode and no wardAt: not placed in a ward
    expect(b.inBorough).toBe(false);
    expect([c.lon, c.lat, c.wardCode]).toEqual([-1.350872, 54.562699, 'E05014866']);
  });

  it('marks verification from last_verified (ISO or DD/MM/YYYY)', () => {
    const [a, b, c] = r.points;
    expect([a.status, a.verified, a.lastUpdated]).toEqual(['open', true, '2025-06-01']);
    expect([b.status, b.verified, b.lastUpdated]).toEqual(['unverified', false, '']);
    expect(c.lastUpdated).toBe('2025-05-20');
  });

  it('counts individual champions per ward (by postcode, ward name and ward code)', () => {
    expect(r.championCounts).toEqual({ E05014875: 1, E05014866: 1, E05014882: 1 });
  });

  it('rejects the one bad row with its 1-based line and reason', () => {
    expect(r.rejected).toEqual([{ row: 8, reason: expect.stringContaining('unknown kind "community_centre"') }]);
  });

  it('keeps nothing about individual champions but the ward counts', () => {
    const json = JSON.stringify(r);
    for (const s of ['Person D', 'Person E', 'Person F', 'person-d@example.org', '01632 960005', '54.5866', '-1.3119', 'TS20 1AE', '54.589507', '-1.311851'])
      expect(json).not.toContain(s);
  });

  it('wardAt places coordinate-only hubs in a ward', () => {
    const r2 = parseHubsCsv(FIXTURE, geocode, WARDS, { wardAt: (lon, lat) => (Math.abs(lon + 1.3015) < 0.01 && Math.abs(lat - 54.555) < 0.01 ? 'E05014872' : null) });
    const b = r2.points[1];
    expect([b.wardCode, b.ward, b.inBorough]).toEqual(['E05014872', 'Mandale & Victoria', true]);
  });
});

describe('parseHubsCsv: rows', () => {
  it('line numbers count the header as line 1 and follow multi-line quoted values, blank lines and CRLF', () => {
    const text = [HEADER, 'Hub 1,,hub,"two', 'lines",,TS18 1TU,,,,,', '', 'Hub 2,,club,,,TS18 1TU,,,,,', ',,hub,,,TS18 1TU,,,,,'].join('\r\n');
    const r = parseHubsCsv(text, geocode, WARDS);
    expect(r.points.map((p) => p.name)).toEqual(['Hub 1']);
    expect(r.points[0].services).toBe('two lines');
    expect(r.rejected).toEqual([
      { row: 5, reason: expect.stringContaining('unknown kind') },
      { row: 6, reason: 'no name' },
    ]);
  });

  it.each([
    ['Hub,,hub,,,,,,,,', 'no location'],
    ['Hub,,hub,,,NOT A PC,,,,,', 'not a valid UK postcode'],
    ['Hub,,hub,,,TS99 9ZZ,,,,,', 'postcode "TS99 9ZZ" not found'],
    ['Hub,,hub,,,,54.5,,,,', 'latitude given without longitude'],
    ['Hub,,hub,,,,,-1.3,,,', 'longitude given without latitude'],
    ['Hub,,hub,,,,abc,-1.3,,,', 'decimal numbers'],
    ['Hub,,hub,,,,48.85,2.35,,,', 'outside the UK'],
    ['Hub,,hub,,,,-1.3,54.5,,,', 'look swapped'],
    ['Hub,,,,,TS18 1TU,,,,,', 'no kind'],
    ['Hub,,hub,,,TS18 1TU,,,,,,extra', 'fields but the header has 11'],
    ['Person,,champion_individual,,,,,,,,', 'needs a ward'],
    ['Person,,champion_individual,,,,,,Atlantis,,', 'not one of the borough'],
    ['Person,,champion_individual,,,TS1 1AA,,,,,', 'outside the borough'],
    ['Person,,champion_individual,,,TS99 9ZZ,,,,,', 'postcode not found'],
    ['Person,,champion_individual,,,,54.57,-1.31,,,', 'needs a ward'],
  ])('rejects %s (%s)', (row, reason) => {
    const r = parse(row);
    expect(r.points).toEqual([]);
    expect(r.championCounts).toEqual({});
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0].row).toBe(2);
    expect(r.rejected[0].reason).toContain(reason);
  });

  it('never quotes an individual’s values in a rejection reason', () => {
    const r = parse('Secret Name,,champion_individual,,,TS1 1AA,,,Nowhere Ward,secret@example.org,');
    expect(JSON.stringify(r)).not.toMatch(/Secret|secret@|TS1 1AA|Nowhere/);
  });

  it('normalises kind and postcode, accepts ward names loosely and counts several individuals', () => {
    const r = parse(
      ['Org,,Champion Organisation,,,ts181tu,,,,,', 'P1,,champion-individual,,,,,,yarm,,', 'P2,,champion_individual,,,,,,YARM,,', 'P3,,champion_individual,,,,,,mandale and victoria,,'].join('\n'),
    );
    expect(r.points.map((p) => [p.category, p.postcode])).toEqual([['champion_org', 'TS18 1TU']]);
    expect(r.championCounts).toEqual({ E05014884: 2, E05014872: 1 });
    expect(r.rejected).toEqual([]);
  });

  it('geocodes the normalised postcode', () => {
    lookups.length = 0;
    parse('Hub,,hub,,,  ts18   1tu ,,,,,');
    expect(lookups).toEqual(['TS18 1TU']);
  });

  it('warns (but keeps the row) on a bad date, an unknown ward, a different ward and duplicates', () => {
    const r = parse(['Hub,,hub,,,TS18 1TU,,,Atlantis,,31/02/2025', 'Hub,,hub,,,TS18 1TU,,,Fairfield,,'].join('\n'));
    expect(r.points).toHaveLength(2);
    expect(r.points[0].wardCode).toBe('E05014882');
    expect(r.points[1].wardCode).toBe('E05014866');
    expect(r.points[0].status).toBe('unverified');
    expect(r.warnings.join('\n')).toMatch(/Line 2: ward "Atlantis" is not a borough ward/);
    expect(r.warnings.join('\n')).toMatch(/Line 2: last_verified "31\/02\/2025" is not a date/);
    expect(r.warnings.join('\n')).toMatch(/Line 3: the ward given differs/);
    expect(r.warnings.join('\n')).toMatch(/Line 3: same name and location/);
  });

  it('gives unique ids and fills source and licence', () => {
    const r = parse(['Hub,,hub,,,TS18 1TU,,,,,', 'Org,,champion_organisation,,,TS19 7AJ,,,,,'].join('\n'), { source: 'Stockton VCSE list (test)', licence: 'CC BY 4.0' });
    expect(r.points.map((p) => p.id)).toEqual(['upload:hub:2', 'upload:org:3']);
    expect(r.points[0].source).toBe('Stockton VCSE list (test)');
    expect(r.points[0].licence).toBe('CC BY 4.0');
  });
});

describe('parseHubsCsv: hostile and malformed input', () => {
  it('keeps HTML as literal text and trims long values', () => {
    const long = 'A'.repeat(5000);
    const r = parse(`"<img src=x onerror=alert(1)>",,hub,${long},"<a href=""javascript:alert(1)"">x</a>",TS18 1TU,,,,,`);
    expect(r.points).toHaveLength(1);
    const p = r.points[0];
    expect(p.name).toBe('<img src=x onerror=alert(1)>');
    expect(p.address).toBe('<a href="javascript:alert(1)">x</a>');
    expect(p.services).toHaveLength(MAX_TEXT);
    expect(r.warnings).toContain(`Line 2: services cut to ${MAX_TEXT} characters.`);
  });

  it('strips control characters', () => {
    const r = parse('"Hub\u0000\u0007 One",,hub,,,TS18 1TU,,,,,');
    expect(r.points[0].name).toBe('Hub One');
  });

  it('refuses text over 5 MB with a clear message, without parsing', () => {
    lookups.length = 0;
    const big = `${HEADER}\n${'Hub,,hub,,,TS18 1TU,,,,,\n'.repeat(Math.ceil(HUBS_MAX_BYTES / 24) + 10)}`;
    expect(big.length).toBeGreaterThan(HUBS_MAX_BYTES);
    const r = parseHubsCsv(big, geocode, WARDS);
    expect(r.error).toMatch(/^The file is 5\.\d MB; the limit is 5 MB/);
    expect(r.points).toEqual([]);
    expect(lookups).toEqual([]);
  });

  it('measures size in UTF-8 bytes', () => {
    expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
    const accents = 'é'.repeat(3 * 1024 * 1024); // 3,145,728 characters, 6,291,456 bytes
    expect(parseHubsCsv(accents, geocode, WARDS).error).toMatch(/6\.3 MB/);
    expect(hubsFileSizeError(HUBS_MAX_BYTES)).toBeNull();
    expect(hubsFileSizeError(HUBS_MAX_BYTES + 1)).toMatch(/limit is 5 MB/);
  });

  it('reports an unclosed quote instead of throwing, keeping the rows before it', () => {
    const r = parse(['Hub 1,,hub,,,TS18 1TU,,,,,', 'Hub 2,,hub,"never closed,,TS18 1TU,,,,,', 'Hub 3,,hub,,,TS18 1TU,,,,,'].join('\n'));
    expect(r.error).toBeUndefined();
    expect(r.points.map((p) => p.name)).toEqual(['Hub 1']);
    expect(r.rejected).toEqual([{ row: 3, reason: 'a quoted value is never closed (missing ")' }]);
    expect(r.warnings.join(' ')).toMatch(/Line 3: a double quote is not closed/);
  });

  it('rejects a row with stray text between quoted parts of a value', () => {
    const r = parse(['"Hub" "One",,hub,,,TS18 1TU,,,,,', 'Hub 2,,hub,,,TS18 1TU,,,,,'].join('\n'));
    expect(r.rejected.map((x) => x.row)).toEqual([2]);
    expect(r.rejected[0].reason).toMatch(/malformed double quotes/);
    expect(r.points.map((p) => p.name)).toEqual(['Hub 2']);
  });

  it.each([
    ['', /empty/],
    ['   \n\n', /empty/],
    ['name,kind\nHub,hub\n', /missing required column\(s\): postcode \(or latitude and longitude\)/],
    ['postcode,kind\nTS18 1TU,hub\n', /missing required column\(s\): name/],
    ['\u0000\u0001binary', /missing required column/],
  ])('gives a file-level message for %j', (text, msg) => {
    let r: ReturnType<typeof parseHubsCsv> | undefined;
    expect(() => (r = parseHubsCsv(text, geocode, WARDS))).not.toThrow();
    expect(r!.error).toMatch(msg);
    expect(r!.points).toEqual([]);
  });

  it('does not throw on a non-string', () => {
    expect(parseHubsCsv(undefined as unknown as string, geocode, WARDS).error).toMatch(/could not be read/);
  });

  it('accepts a BOM, header case and spacing, and warns on unknown columns', () => {
    const r = parseHubsCsv('\uFEFF Name ,KIND,Postcode,notes\nHub,hub,TS18 1TU,hello\n', geocode, WARDS);
    expect(r.points.map((p) => p.name)).toEqual(['Hub']);
    expect(r.warnings).toContain('Ignored unknown column(s): notes.');
  });

  it('ignores a semicolon in a value (comma is the only delimiter)', () => {
    const r = parseHubsCsv('name;x,kind,postcode\nHub; with semicolon,hub,TS18 1TU\n', geocode, WARDS);
    expect(r.error).toMatch(/missing required column\(s\): name/);
  });
});

describe('geocoderFromMap', () => {
  it('normalises the postcode and returns only lon, lat and ward', () => {
    const g = geocoderFromMap(new Map([['TS18 1TU', { lon: -1.311201, lat: 54.566595, wardCode: 'E05014882', wardName: 'x' } as never]]));
    expect(g('ts181tu')).toEqual({ lon: -1.311201, lat: 54.566595, wardCode: 'E05014882' });
    expect(g('nonsense')).toBeNull();
    expect(g('TS18 1TX')).toBeNull();
  });
});
