import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  actionLabel,
  buildSearchItems,
  fold,
  kindLabel,
  looksLikePostcodeStart,
  resultsMessage,
  searchExamples,
  searchItems,
  searchPostcodes,
  wantsPostcodes,
  type SearchItem,
} from '../../../src/lib/places/search';
import { normalisePostcode } from '../../../src/lib/core/text';
import type { GazetteerEntry, IndicatorBundle, PostcodeIndex } from '../../../src/lib/core/types';
import { categoryDef, type Asset } from '../../../src/lib/assets/categories';

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

// ------------------------------------------------------------------------------------------------
// The real built data (public/data, made by `npm run data:ensure`): what a person types, and what they must find.

const bundle = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as IndicatorBundle;
const gazetteer = JSON.parse(readFileSync('public/data/places.json', 'utf8')) as GazetteerEntry[];
const assets = JSON.parse(readFileSync('public/data/assets.json', 'utf8')) as Asset[];
const postcodes = JSON.parse(readFileSync('public/data/postcodes.json', 'utf8')) as PostcodeIndex;
const real = buildSearchItems(bundle, gazetteer, assets);
const top = (q: string, n = 10) => searchItems(real, q, n);
const label = (i: SearchItem) => `${kindLabel(i)}: ${i.name}`;

describe('buildSearchItems (real data)', () => {
  it('holds every area, preset, PCN, practice, non-ward gazetteer entry and asset once', () => {
    const count = (k: SearchItem['kind']) => real.filter((i) => i.kind === k).length;
    expect(count('ward')).toBe(bundle.areas.ward.codes.length);
    expect(count('msoa')).toBe(bundle.areas.msoa.codes.length);
    expect(count('lsoa')).toBe(bundle.areas.lsoa.codes.length);
    expect(count('preset')).toBe(bundle.presets.length);
    expect(count('pcn')).toBe(new Set(bundle.practices.map((p) => p.pcnCode)).size);
    expect(count('practice')).toBe(bundle.practices.length);
    expect(count('place')).toBe(gazetteer.filter((g) => g.type !== 'ward').length);
    const keys = real.map((i) => `${i.kind}:${i.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a GP surgery in the QOF list comes once, as a practice; one outside it comes as a GP practice asset', () => {
    const practiceCodes = new Set(bundle.practices.map((p) => p.code));
    const gpAssets = real.filter((i) => i.kind === 'asset' && i.category === 'gp');
    expect(gpAssets.length).toBeGreaterThan(0);
    for (const a of gpAssets) expect(practiceCodes.has(a.altCode ?? '')).toBe(false);
    expect(gpAssets.length + bundle.practices.length).toBeGreaterThanOrEqual(assets.filter((a) => a.category === 'gp').length);
    expect(kindLabel(gpAssets[0])).toBe('GP practice');
  });

  it('includes hubs the user loaded', () => {
    const hub: Asset = { ...assets[0], id: 'user:1', name: 'Zebedee Community Hub', category: 'hub', subcategory: '', status: 'open' };
    const items = buildSearchItems(bundle, gazetteer, [...assets, hub]);
    const r = searchItems(items, 'zebedee');
    expect(r[0].code).toBe('user:1');
    expect(kindLabel(r[0])).toBe('Community hub');
  });
});

describe('search finds what people type (real data)', () => {
  // [what is typed, what must come first, as "Kind: name"]
  it.each([
    ['Densham', 'GP practice: The Densham Surgery'],
    ['densham surgery', 'GP practice: The Densham Surgery'],
    ['Densam', 'GP practice: The Densham Surgery'], // one letter missing
    ['A81001', 'GP practice: The Densham Surgery'], // ODS code
    ['a81001', 'GP practice: The Densham Surgery'],
    ['Billingam', 'Place: Billingham'], // typo
    ['Byllingham', 'Place: Billingham'],
    ['Stockton town center', 'Neighbourhood: Stockton town centre'], // US spelling
    ['stockton town centre and portrack', 'Neighbourhood: Stockton town centre & Portrack'],
    ['Portrack', 'Neighbourhood: Portrack'],
    ['Wynyard Pharmacy', 'Pharmacy: Wynyard Pharmacy'],
    ['wynyard pharmcy', 'Pharmacy: Wynyard Pharmacy'], // typo
    ['FD423', 'Pharmacy: Wynyard Pharmacy'], // the pharmacy's ODS code
    ['Norton Library', 'Library: Norton Library'],
    ['thornaby libary', 'Library: Thornaby Library'],
    ['Thornaby Food Bank', 'Food bank: Thornaby Food Bank'],
    ['thornaby foodbank', 'Food bank: Thornaby Food Bank'], // one word or two
    ['Salvation Army Stockton', 'Food bank: Salvation Army Stockton (food bank)'],
    ['Billingham & Norton PCN', 'Primary care network: Billingham & Norton PCN'],
    ['billingham and norton pcn', 'Primary care network: Billingham & Norton PCN'],
    ['BYTES', 'Primary care network: BYTES PCN'],
    ['U63844', 'Primary care network: BYTES PCN'], // PCN code
    ['E01012187', 'LSOA: Stockton-on-Tees 011A'], // LSOA code
    ['e01012187', 'LSOA: Stockton-on-Tees 011A'],
    ['Stockton-on-Tees 025C', 'LSOA: Stockton-on-Tees 025C'],
    ['Norton North', 'Ward: Norton North'],
    ['Rimswell', 'MSOA: Stockton-on-Tees 011'], // the MSOA's House of Commons Library name
    ['Eaglescliff', 'Place: Eaglescliffe'],
    ['Acklam Medical Centre', 'GP practice: Acklam Medical Centre'], // a surgery outside the QOF list
    ['Butterwick Hospice', 'NHS service: Butterwick Hospice (Stockton)'],
    ['TS18', 'Place: TS18'],
  ])('%j -> %s first', (q, first) => {
    const r = top(q);
    expect(r.length, `results for ${q}`).toBeGreaterThan(0);
    expect(label(r[0])).toBe(first);
  });

  it('"Billingam" lists Billingham and its wards before anything else', () => {
    const r = top('Billingam', 5).map(label);
    expect(r).toEqual(['Place: Billingham', 'Ward: Billingham Central', 'Ward: Billingham East', 'Ward: Billingham North', 'Ward: Billingham South']);
  });

  it('"Stockton town center" finds the preset, the ward and the place-named preset in its top three', () => {
    expect(top('Stockton town center', 3).map(label)).toEqual([
      'Neighbourhood: Stockton town centre',
      'Ward: Stockton Town Centre',
      'Neighbourhood: Stockton town centre & Portrack',
    ]);
  });

  it('a name shared by many pharmacies ("Boots") lists them all as pharmacies', () => {
    const boots = assets.filter((a) => a.name === 'Boots');
    const r = top('boots', 50);
    expect(r.length).toBe(boots.length);
    for (const i of r) expect(label(i)).toBe('Pharmacy: Boots');
  });

  it('a shop name and a town narrows by the ward ("boots billingham")', () => {
    const r = top('boots billingham', 50);
    expect(r.length).toBeGreaterThan(0);
    for (const i of r) {
      expect(i.name).toBe('Boots');
      expect(assets.find((a) => a.id === i.code)?.ward).toMatch(/Billingham/);
    }
  });

  it('a ward name alone does not pull in every service in that ward', () => {
    // "Fairfield": the ward, its library and MSOA, but not every pharmacy whose ward is Fairfield.
    for (const i of top('Fairfield', 50)) expect(fold(`${i.name} ${i.detail ?? ''}`)).toContain('fairfield');
  });

  it('every GP practice is found first by its ODS code, and in the top results by its exact name', () => {
    for (const p of bundle.practices) {
      expect(top(p.code)[0].code).toBe(p.code);
      expect(top(p.name, 50).map((i) => i.code)).toContain(p.code);
    }
  });

  it('every named asset is found by its exact name; unnamed OpenStreetMap points are never listed', () => {
    expect(top('Unnamed park', 100).filter((i) => i.kind === 'asset' && i.category?.startsWith('osm_'))).toEqual([]);
    for (const a of assets.filter((x) => !categoryDef(x.category).unnamed)) {
      const r = top(a.name, 100);
      const found = r.some((i) => i.code === a.id || (i.kind === 'practice' && `ods:${i.code}` === a.id));
      expect(found, a.name).toBe(true);
    }
  });

  it.each(['xyzzy', 'Middlesbrough FC', 'qqqq wwww'])('%j finds nothing', (q) => {
    expect(top(q)).toEqual([]);
  });

  it('exact code before exact name before prefix before typo', () => {
    // "Yarm": the place and the ward (exact name), then names starting with Yarm, then the rest.
    const r = top('yarm').map(label);
    expect(r.slice(0, 2)).toEqual(['Place: Yarm', 'Ward: Yarm']);
    expect(r.indexOf('Library: Yarm Library')).toBeLessThan(r.indexOf('Pharmacy: Allied Pharmacy Yarm Lane'));
  });
});

describe('kindLabel and actionLabel: what a result is and does, in words', () => {
  it.each([
    [{ kind: 'practice' }, 'GP practice'],
    [{ kind: 'asset', category: 'pharmacy' }, 'Pharmacy'],
    [{ kind: 'asset', category: 'library' }, 'Library'],
    [{ kind: 'asset', category: 'food_bank' }, 'Food bank'],
    [{ kind: 'asset', category: 'hub' }, 'Community hub'],
    [{ kind: 'ward' }, 'Ward'],
    [{ kind: 'preset' }, 'Neighbourhood'],
    [{ kind: 'pcn' }, 'Primary care network'],
    [{ kind: 'postcode' }, 'Postcode'],
  ] as [Pick<SearchItem, 'kind' | 'category'>, string][])('%j -> %s', (item, words) => {
    expect(kindLabel(item)).toBe(words);
  });
  it('neighbourhoods and PCNs say they are added to the comparison', () => {
    expect(actionLabel({ kind: 'preset' })).toBe('add to comparison');
    expect(actionLabel({ kind: 'pcn' })).toBe('add to comparison');
    expect(actionLabel({ kind: 'practice' })).toBe('open practice profile');
    expect(actionLabel({ kind: 'ward' })).toBeNull();
  });
});

describe('postcodes (real data)', () => {
  it('a full postcode, with or without its space, finds itself', () => {
    expect(searchPostcodes(postcodes, 'ts181hu').map((i) => i.code)).toEqual(['TS18 1HU']);
    expect(searchPostcodes(postcodes, 'TS18 1HU')[0]).toEqual({ kind: 'postcode', code: 'TS18 1HU', name: 'TS18 1HU' });
  });
  it('a partial postcode lists at most the limit, every one starting with it', () => {
    const r = searchPostcodes(postcodes, 'TS18 1', 8);
    expect(r).toHaveLength(8);
    for (const i of r) expect(i.code.startsWith('TS18 1')).toBe(true);
  });
  it.each([
    ['TS18 1', true],
    ['ts181', true],
    ['TS18', false], // the district alone: places and areas answer that
    ['Stockton', false],
    ['', false],
  ])('wantsPostcodes(%j) = %s', (q, yes) => {
    expect(wantsPostcodes(q)).toBe(yes);
  });
});

describe('resultsMessage', () => {
  it.each([
    [5, 'x', '5 results'],
    [1, 'x', '1 result'],
    [0, 'Densam Srgery', 'No matches for “Densam Srgery”, check the spelling or try a postcode.'],
    [0, '   ', ''],
  ])('%i for %j -> %j', (n, q, msg) => {
    expect(resultsMessage(n, q)).toBe(msg);
  });
});

describe('properties (fast-check)', () => {
  it('search never throws and returns at most limit distinct items from the list, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.integer({ min: -1, max: 30 }), (q, limit) => {
        const r = searchItems(real, q, limit);
        expect(r.length).toBeLessThanOrEqual(Math.max(0, limit));
        expect(new Set(r).size).toBe(r.length);
        for (const i of r) expect(real).toContain(i);
      }),
      { numRuns: 300 },
    );
  });

  it('any text made of the data’s own words never throws and stays within the limit', () => {
    const words = [...new Set(real.flatMap((i) => fold(i.name).split(' ')))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 12 }), (ws, limit) => {
        expect(searchItems(real, ws.join(' '), limit).length).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 200 },
    );
  });

  it('any area, practice or PCN is first when its code is typed, in any case and with spaces around', () => {
    const coded = real.filter((i) => ['ward', 'msoa', 'lsoa', 'practice', 'pcn'].includes(i.kind));
    fc.assert(
      fc.property(fc.constantFrom(...coded), fc.boolean(), fc.stringMatching(/^ {0,3}$/), (item, lower, pad) => {
        const q = pad + (lower ? item.code.toLowerCase() : item.code) + pad;
        expect(searchItems(real, q)[0]).toBe(item);
      }),
    );
  });

  it('any item is found by its own name (with one letter dropped from a long word, still found)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...real.filter((i) => i.kind !== 'lsoa')), fc.nat(), (item, k) => {
        expect(searchItems(real, item.name, real.length)).toContain(item);
        const words = fold(item.name).split(' ');
        const long = words.findIndex((w) => w.length >= 7 && !/\d/.test(w));
        if (long < 0) return;
        const w = words[long];
        const cut = 1 + (k % (w.length - 2)); // never the first letter
        words[long] = w.slice(0, cut) + w.slice(cut + 1);
        expect(searchItems(real, words.join(' '), real.length)).toContain(item);
      }),
      { numRuns: 300 },
    );
  });

  it('postcode search never throws and stays within its limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 10 }), (q, limit) => {
        const r = searchPostcodes(postcodes, q, limit);
        expect(r.length).toBeLessThanOrEqual(limit);
        for (const i of r) expect(postcodes[i.code]).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('open and in-borough first (real data)', () => {
  it('among pharmacies of one name, those in the borough come before those outside', () => {
    const r = top('boots', 50).map((i) => assets.find((a) => a.id === i.code)!);
    const firstOutside = r.findIndex((a) => !a.inBorough);
    expect(firstOutside).toBeGreaterThan(0);
    expect(r.slice(firstOutside).every((a) => !a.inBorough || a.status === 'closed')).toBe(true);
  });
  it('an open library comes before a closed one of equal rank', () => {
    const r = top('library', 50).map((i) => assets.find((a) => a.id === i.code)!);
    const firstClosed = r.findIndex((a) => a.status === 'closed' || !a.inBorough);
    expect(firstClosed).toBeGreaterThan(0);
    expect(r.slice(firstClosed).every((a) => a.status === 'closed' || !a.inBorough)).toBe(true);
  });
});
