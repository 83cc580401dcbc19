import { describe, expect, it } from 'vitest';
import { missingColumns, parseCsv, toNumber } from '../../../src/lib/core/csv';
import { csvCell, roundTo } from '../../../src/lib/core/csvWrite';

describe('parseCsv: well-formed input', () => {
  it.each([
    ['plain', 'a,b,c\n1,2,3\n4,5,6\n'],
    ['BOM', '\uFEFFa,b,c\n1,2,3\n4,5,6\n'],
    ['CRLF', 'a,b,c\r\n1,2,3\r\n4,5,6\r\n'],
    ['BOM + CRLF', '\uFEFFa,b,c\r\n1,2,3\r\n4,5,6\r\n'],
    ['no trailing newline', 'a,b,c\n1,2,3\n4,5,6'],
    ['blank lines', 'a,b,c\n\n1,2,3\n\n\n4,5,6\n\n'],
    ['whitespace-only lines', 'a,b,c\n1,2,3\n   \n4,5,6\n \t \n'],
    ['quoted headers and values', '"a","b","c"\n"1","2","3"\n"4","5","6"\n'],
    ['padded headers', ' a ,b , c\n1,2,3\n4,5,6\n'],
  ])('%s', (_label, text) => {
    const t = parseCsv(text);
    expect(t.errors).toEqual([]);
    expect(t.fields).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: '4', b: '5', c: '6' },
    ]);
  });

  it('the BOM does not end up in the first column name', () => {
    const t = parseCsv('\uFEFFlsoa21_code,x\nE01012187,1\n');
    expect(t.fields[0]).toBe('lsoa21_code');
    expect(t.rows[0].lsoa21_code).toBe('E01012187');
  });

  it.each([
    ['quoted comma', 'name,n\n"Bishopsgarth, Elm Tree",5\n', { name: 'Bishopsgarth, Elm Tree', n: '5' }],
    ['escaped quote', 'name,n\n"The ""Green""",5\n', { name: 'The "Green"', n: '5' }],
    ['quoted newline', 'name,n\n"line1\nline2",5\n', { name: 'line1\nline2', n: '5' }],
    ['ampersand and unicode', 'name,n\nBishopsgarth & Elm Tree – ward,5\n', { name: 'Bishopsgarth & Elm Tree – ward', n: '5' }],
    ['an empty field', 'name,n\n,5\n', { name: '', n: '5' }],
    ['values keep their spaces', 'name,n\n  x  , 5 \n', { name: '  x  ', n: ' 5 ' }],
    ['semicolons are data, not delimiters', 'name,note\n"a;b;c;d",x\n"e;f;g",y\n', { name: 'a;b;c;d', note: 'x' }],
  ])('%s', (_label, text, firstRow) => {
    const t = parseCsv(text);
    expect(t.errors).toEqual([]);
    expect(t.rows[0]).toEqual(firstRow);
  });

  it('a line of only delimiters counts as blank and is skipped (greedy)', () => {
    const t = parseCsv('name,n\nx,1\n,\ny,2\n');
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => r.name)).toEqual(['x', 'y']);
  });

  it('values are strings, never converted', () => {
    const t = parseCsv('code,n\n007,1e3\n');
    expect(t.rows[0]).toEqual({ code: '007', n: '1e3' });
  });

  it('a header-only file has fields and no rows', () => {
    const t = parseCsv('a,b,c\n');
    expect(t.fields).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  // KNOWN BUG (src/lib/csv.ts parseCsv): no delimiter is given to Papa.parse, so for a file with one
  // column Papa cannot auto-detect a delimiter and reports "Unable to auto-detect delimiting character"
  // as an error. The build's readCsv then fails on a valid one-column CSV. Remove `.fails` once fixed.
  it('a one-column CSV parses without errors', () => {
    const t = parseCsv('postcode\nTS18 1HU\nTS19 0AA\n');
    expect(t.rows).toEqual([{ postcode: 'TS18 1HU' }, { postcode: 'TS19 0AA' }]);
    expect(t.errors).toEqual([]);
  });
});

describe('parseCsv: malformed input is reported, never thrown', () => {
  it.each([
    ['too few fields', 'a,b,c\n1,2\n4,5,6\n', /Row 2: Too few fields/],
    ['too many fields', 'a,b,c\n1,2,3\n4,5,6,7\n', /Row 3: Too many fields/],
    ['unterminated quote', 'a,b\n"unclosed,2\n3,4\n', /Quoted field unterminated/],
  ])('%s', (_label, text, message) => {
    let t!: ReturnType<typeof parseCsv>;
    expect(() => (t = parseCsv(text))).not.toThrow();
    expect(t.errors.length).toBeGreaterThan(0);
    expect(t.errors.some((e) => message.test(e))).toBe(true);
    for (const e of t.errors) expect(e).toMatch(/^Row (\d+|\?): /);
  });

  it('well-formed rows around a bad one are still returned', () => {
    const t = parseCsv('a,b,c\n1,2,3\n4,5\n7,8,9\n');
    expect(t.errors).toHaveLength(1);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[2]).toEqual({ a: '7', b: '8', c: '9' });
  });

  it.each(['', '\uFEFF', '\n\n\n', '"', '\u0000\u0001'])('odd text %j does not throw', (text) => {
    expect(() => parseCsv(text)).not.toThrow();
    expect(Array.isArray(parseCsv(text).rows)).toBe(true);
  });
});

describe('missingColumns', () => {
  const t = parseCsv('lsoa21_code, usual_residents ,disabled_equality_act_n\nE01012187,1241,228\n');

  it.each([
    [[], []],
    [['lsoa21_code'], []],
    [['lsoa21_code', 'usual_residents', 'disabled_equality_act_n'], []],
    [['households_total'], ['households_total']],
    [['lsoa21_code', 'x', 'usual_residents', 'y'], ['x', 'y']],
    [['LSOA21_CODE'], ['LSOA21_CODE']], // case-sensitive
  ])('required %j -> missing %j', (required, missing) => {
    expect(missingColumns(t, required)).toEqual(missing);
  });

  it('trims header names before matching (padded " usual_residents " counts)', () => {
    expect(t.fields).toContain('usual_residents');
  });
});

describe('toNumber', () => {
  it.each([
    ['1', 1],
    ['0', 0],
    ['-3.5', -3.5],
    ['  42  ', 42],
    ['1e3', 1000],
    ['.5', 0.5],
    ['+7', 7],
    ['0.000001', 0.000001],
    ['196597', 196597],
  ])('%j -> %s', (raw, n) => {
    expect(toNumber(raw)).toBe(n);
  });

  it.each([[''], ['   '], ['NA'], ['na'], [' NA '], [undefined]])('%j -> null (blank)', (raw) => {
    expect(toNumber(raw)).toBeNull();
  });

  it.each([['abc'], ['1,234'], ['12abc'], ['-'], ['Infinity'], ['-Infinity'], ['NaN'], ['1.2.3'], ['£5'], ['5%']])('%j -> NaN', (raw) => {
    expect(toNumber(raw)).toBeNaN();
  });
});

describe('csvCell and roundTo (one writer for every export)', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [12.5, 12.5],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    ['plain', 'plain'],
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', `'+1`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['a=b', 'a=b'],
  ] as [string | number | null | undefined, string | number][])('%j → %j', (v, want) => expect(csvCell(v)).toBe(want));
  it.each([
    [1.23456, 2, 1.23],
    [null, 2, null],
    [Number.NaN, 1, null],
    [2.5, 0, 3],
  ] as [number | null, number, number | null][])('roundTo(%j, %d) → %j', (v, d, want) => expect(roundTo(v, d)).toBe(want));
});
