import { describe, expect, it } from 'vitest';
import { looksLikePostcodeStart, searchExamples, searchItems, type SearchItem } from '../../../src/lib/places/search';
import { normalisePostcode } from '../../../src/lib/core/text';

describe('normalisePostcode', () => {
  it.each([
    ['ts181hu', 'TS18 1HU'],
    ['TS18 1HU', 'TS18 1HU'],
    ['TS18  1HU', 'TS18 1HU'],
    ['  ts18 1hu  ', 'TS18 1HU'],
    ['ts18\t1hu', 'TS18 1HU'],
    ['TS11HU', 'TS1 1HU'], // 2-letter area, 1-digit district
    ['ts1 1hu', 'TS1 1HU'],
    ['DL21HP', 'DL2 1HP'],
    ['m11ae', 'M1 1AE'], // 1-letter area
    ['B338TH', 'B33 8TH'],
    ['sw1a1aa', 'SW1A 1AA'], // district with a letter
    ['EC1A 1BB', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
  ])('%j -> %j', (input, out) => {
    expect(normalisePostcode(input)).toBe(out);
  });

  it.each([
    '',
    '   ',
    'TS18',
    'TS18 1',
    'TS18 1H',
    'TS18 1HUX',
    'TS18-1HU',
    '1S18 1HU',
    'TSX8 1HU',
    'TS18 HU1',
    'Stockton',
    '<script>',
    'TS18 1HU; DROP',
    'TS18 1H U',
  ])('%j -> null', (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });

  it('is idempotent', () => {
    for (const p of ['TS18 1HU', 'M1 1AE', 'SW1A 1AA', 'DL2 1HP']) expect(normalisePostcode(normalisePostcode(p)!)).toBe(p);
  });
});

describe('looksLikePostcodeStart', () => {
  it.each([
    ['TS18', true],
    ['ts18', true],
    ['TS1', true],
    ['M1', true],
    ['SW1A', true],
    ['ts18 1', true],
    ['TS18 1H', true],
    ['TS18 1HU', true],
    ['ts181hu', true],
    ['  TS18 ', true],
    ['T', false],
    ['TS', false],
    ['18', false],
    ['Stockton', false],
    ['Norton', false],
    ['TS18 1HUX', false],
    ['TS18 H', false],
    ['', false],
  ])('%j -> %s', (input, yes) => {
    expect(looksLikePostcodeStart(input)).toBe(yes);
  });
});

describe('searchItems', () => {
  const items: SearchItem[] = [
    { kind: 'ward', code: 'E05014863', name: 'Bishopsgarth & Elm Tree' },
    { kind: 'ward', code: 'E05014870', name: 'Norton North' },
    { kind: 'ward', code: 'E05014871', name: 'Norton South' },
    { kind: 'ward', code: 'E05014880', name: 'Stockton Town Centre' },
    { kind: 'ward', code: 'E05014881', name: 'Billingham Central' },
    { kind: 'msoa', code: 'E02002545', name: 'Stockton-on-Tees 011', detail: 'Rimswell & Bishopsgarth' },
    { kind: 'msoa', code: 'E02002530', name: 'Stockton-on-Tees 001', detail: 'Wynyard & Wolviston' },
    { kind: 'lsoa', code: 'E01012187', name: 'Stockton-on-Tees 011A', detail: 'Bishopsgarth & Elm Tree ward' },
    { kind: 'place', code: 'place:norton', name: 'Norton' },
    { kind: 'place', code: 'place:eaglescliffe', name: 'Eaglescliffe' },
    { kind: 'place', code: 'place:yarm', name: 'Yarm' },
    { kind: 'place', code: 'place:cafe', name: 'Café Nord' },
    { kind: 'postcode', code: 'TS18 1HU', name: 'TS18 1HU' },
  ];
  const names = (q: string, limit?: number) => searchItems(items, q, limit).map((i) => i.name);
  const codes = (q: string, limit?: number) => searchItems(items, q, limit).map((i) => i.code);

  it('exact code comes first, case- and whitespace-insensitive', () => {
    expect(codes('E05014870')[0]).toBe('E05014870');
    expect(codes('  e05014870 ')[0]).toBe('E05014870');
    expect(codes('e01012187')).toEqual(['E01012187']);
  });

  it('exact code outranks an exact name', () => {
    const withClash: SearchItem[] = [
      { kind: 'place', code: 'p1', name: 'E05014870' },
      { kind: 'ward', code: 'E05014870', name: 'Norton North' },
    ];
    expect(searchItems(withClash, 'E05014870').map((i) => i.code)).toEqual(['E05014870', 'p1']);
  });

  it('exact name, then name prefix, then word prefix, then substring', () => {
    // "norton": exact (Norton, 90) > prefix (Norton North, Norton South: 80, alphabetical).
    expect(names('norton')).toEqual(['Norton', 'Norton North', 'Norton South']);
    // "north": word prefix only.
    expect(names('north')).toEqual(['Norton North']);
    // "ton": substring of Norton…, Stockton… (all score 40), alphabetical.
    expect(names('ton')).toEqual([
      'Norton',
      'Norton North',
      'Norton South',
      'Stockton Town Centre',
      'Stockton-on-Tees 001',
      'Stockton-on-Tees 011',
      'Stockton-on-Tees 011A',
    ]);
  });

  it('a name prefix beats a substring match even when the substring item sorts first', () => {
    const list: SearchItem[] = [
      { kind: 'place', code: 'a', name: 'Aardvark Yarmouth' }, // a later word starts with "yarm": word prefix (60)
      { kind: 'place', code: 'b', name: 'Abyarm' }, // substring (40)
      { kind: 'place', code: 'c', name: 'Yarm Road' }, // prefix (80)
    ];
    expect(searchItems(list, 'yarm').map((i) => i.code)).toEqual(['c', 'a', 'b']);
  });

  it('"&" in a name matches "and" in the query, and vice versa', () => {
    expect(names('bishopsgarth and elm')).toContain('Bishopsgarth & Elm Tree');
    expect(names('Bishopsgarth & Elm Tree')[0]).toBe('Bishopsgarth & Elm Tree');
    const andItem: SearchItem[] = [{ kind: 'place', code: 'x', name: 'Wynyard and Wolviston' }];
    expect(searchItems(andItem, 'wynyard & wolv').map((i) => i.code)).toEqual(['x']);
  });

  it('matches the detail (neighbourhood name) by prefix and substring', () => {
    expect(codes('rimswell')).toEqual(['E02002545']);
    expect(codes('wolviston')).toEqual(['E02002530']);
  });

  it('ignores case, accents and punctuation', () => {
    expect(names('CAFE')).toEqual(['Café Nord']);
    expect(names('café')).toEqual(['Café Nord']);
    expect(names('stockton on tees 011')).toEqual(['Stockton-on-Tees 011', 'Stockton-on-Tees 011A']);
  });

  it('code prefix matches need at least 4 characters', () => {
    // All five ward codes start with E050 (score 30); ties are ordered by name.
    expect(codes('E050')).toEqual(['E05014881', 'E05014863', 'E05014870', 'E05014871', 'E05014880']);
    expect(codes('E05')).toEqual([]);
  });

  it.each([1, 2, 3, 8])('returns at most limit=%i items', (limit) => {
    expect(searchItems(items, 'o', limit).length).toBeLessThanOrEqual(limit);
    expect(searchItems(items, 'o', limit).length).toBe(Math.min(limit, searchItems(items, 'o', 100).length));
  });

  it('default limit is 8', () => {
    const many: SearchItem[] = Array.from({ length: 20 }, (_, i) => ({ kind: 'place', code: `p${i}`, name: `Place ${String(i).padStart(2, '0')}` }));
    expect(searchItems(many, 'place').map((i) => i.code)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(searchItems(many, 'place', 100)).toHaveLength(20);
  });

  it.each(['', '   ', '!!!', '-'])('empty or punctuation-only query %j -> []', (q) => {
    expect(searchItems(items, q)).toEqual([]);
  });

  it('no match -> []', () => {
    expect(searchItems(items, 'middlesbrough')).toEqual([]);
  });

  it('does not mutate the input list', () => {
    const copy = JSON.stringify(items);
    searchItems(items, 'norton');
    expect(JSON.stringify(items)).toBe(copy);
  });
});

describe('searchExamples: the search box examples come from the data', () => {
  const gaz = [
    { name: 'Some Ward', type: 'ward', lon: 0, lat: 0, lsoa: 0, ward: 0 },
    { name: 'Sometown', type: 'place (GeoNames postal)', lon: 0, lat: 0, lsoa: 0, ward: 0 },
  ];
  const bundle = {
    practices: [{ postcode: '' }, { postcode: 'AB1 2CD' }],
    presets: [{ name: 'First' }, { name: 'Last preset' }],
    areas: { ward: { names: ['W1'] } },
  } as unknown as Parameters<typeof searchExamples>[0];
  it('names a practice postcode, a town and a preset', () => {
    expect(searchExamples(bundle, gaz)).toEqual({ postcode: 'AB1 2CD', text: 'e.g. AB1 2CD, Sometown, Last preset' });
  });
  it('falls back to a ward and skips what is missing', () => {
    const bare = { practices: [], presets: [], areas: { ward: { names: ['W1'] } } } as unknown as Parameters<typeof searchExamples>[0];
    expect(searchExamples(bare, [])).toEqual({ postcode: null, text: 'e.g. W1' });
  });
});
