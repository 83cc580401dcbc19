/**
 * Reading people's own CSVs: numbers in cells, delimiters, BOM, quotes, line endings, ragged rows, and the
 * plain-English errors. Fixtures are synthetic (tests/fixtures/userdata/synthetic-*.csv).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseCsvText, readNumber } from '../../../src/lib/userdata/parse';
import type { CellNumber } from '../../../src/lib/userdata/types';

const FIX = join(__dirname, '..', '..', 'fixtures', 'userdata');
const fixture = (name: string) => readFileSync(join(FIX, name), 'utf8');

const num = (value: number): CellNumber => ({ kind: 'number', value });
const invalid = (text: string): CellNumber => ({ kind: 'invalid', text });

describe('readNumber', () => {
  const cases: [string, boolean, CellNumber][] = [
    ['12', false, num(12)],
    [' 12.5 ', false, num(12.5)],
    ['.5', false, num(0.5)],
    ['5.', false, num(5)],
    ['0', false, num(0)],
    ['-0', false, num(0)],
    ['-3.25', false, num(-3.25)],
    ['+4', false, num(4)],
    ['\u22127.5', false, num(-7.5)],
    ['1,234', false, num(1234)],
    ['1,234,567.89', false, num(1234567.89)],
    ['1 234', false, num(1234)],
    ['1\u00a0234', false, num(1234)],
    ['12.5%', false, num(12.5)],
    ['12.5 %', false, num(12.5)],
    ['-1.5%', false, num(-1.5)],
    ['1e3', false, num(1000)],
    ['2.5E-2', false, num(0.025)],
    ['1,5', true, num(1.5)],
    ['1.234,5', true, num(1234.5)],
    ['1.234', true, num(1234)],
    ['1 234,5', true, num(1234.5)],
    ['12.5', true, num(12.5)],
    [',5', true, num(0.5)],
    ['3,5%', true, num(3.5)],
    ['', false, { kind: 'empty' }],
    ['   ', false, { kind: 'empty' }],
    ['*', false, { kind: 'suppressed' }],
    ['c', false, { kind: 'suppressed' }],
    ['C', false, { kind: 'suppressed' }],
    ['..', false, { kind: 'suppressed' }],
    ['x', false, { kind: 'suppressed' }],
    ['-', false, { kind: 'suppressed' }],
    [':', false, { kind: 'suppressed' }],
    ['[c]', false, { kind: 'suppressed' }],
    ['n/a', false, { kind: 'suppressed' }],
    ['NA', false, { kind: 'suppressed' }],
    ['1,5', false, invalid('1,5')],
    ['1,23', false, invalid('1,23')],
    ['12,34,5', false, invalid('12,34,5')],
    ['abc', false, invalid('abc')],
    ['1.2.3', false, invalid('1.2.3')],
    ['1e999', false, invalid('1e999')],
    ['Infinity', false, invalid('Infinity')],
    ['NaN', false, invalid('NaN')],
    ['0x10', false, invalid('0x10')],
    ['--1', false, invalid('--1')],
    ['%', false, invalid('%')],
    ['.', false, invalid('.')],
    ['12 apples', false, invalid('12 apples')],
    ['£12', false, invalid('£12')],
  ];
  it.each(cases)('%j (decimal comma %s)', (cell, decimalComma, expected) => {
    expect(readNumber(cell, decimalComma)).toEqual(expected);
  });

  it('never returns NaN or an infinite number, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (s, dc) => {
        const r = readNumber(s, dc);
        if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any finite number written plainly, with thousands separators, or with a decimal comma', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const r = readNumber(String(x));
        expect(r).toEqual(num(x === 0 ? 0 : x));
        const fixed = Math.round(x * 100) / 100;
        expect(readNumber(fixed.toLocaleString('en-GB', { maximumFractionDigits: 2 }))).toEqual(num(fixed === 0 ? 0 : fixed));
        expect(readNumber(fixed.toLocaleString('de-DE', { maximumFractionDigits: 2 }), true)).toEqual(num(fixed === 0 ? 0 : fixed));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseCsvText', () => {
  const cases: { name: string; text: string; columns: string[]; rows: string[][]; delimiter: ',' | ';' | '\t'; note?: RegExp; rowNumbers?: number[] }[] = [
    { name: 'comma, LF', text: 'code,value\nE01,1\nE02,2\n', columns: ['code', 'value'], rows: [['E01', '1'], ['E02', '2']], delimiter: ',', note: /commas/ },
    { name: 'no final line break', text: 'code,value\nE01,1\nE02,2', columns: ['code', 'value'], rows: [['E01', '1'], ['E02', '2']], delimiter: ',' },
    { name: 'BOM and CRLF', text: '\uFEFFcode,value\r\nE01,1\r\nE02,2\r\n', columns: ['code', 'value'], rows: [['E01', '1'], ['E02', '2']], delimiter: ',', note: /byte order mark/ },
    { name: 'old Mac CR', text: 'code,value\rE01,1\rE02,2\r', columns: ['code', 'value'], rows: [['E01', '1'], ['E02', '2']], delimiter: ',' },
    { name: 'semicolons with decimal commas', text: 'code;value\nE01;1,5\nE02;2,5\n', columns: ['code', 'value'], rows: [['E01', '1,5'], ['E02', '2,5']], delimiter: ';', note: /semicolons/ },
    { name: 'tabs', text: 'code\tvalue\tname\nE01\t1\tA, B\nE02\t2\tC\n', columns: ['code', 'value', 'name'], rows: [['E01', '1', 'A, B'], ['E02', '2', 'C']], delimiter: '\t', note: /tabs/ },
    {
      name: 'quoted delimiters, quotes and line breaks',
      text: 'name,value\n"Smith, J",1\n"He said ""hi""",2\n"two\nlines",3\n',
      columns: ['name', 'value'],
      rows: [['Smith, J', '1'], ['He said "hi"', '2'], ['two\nlines', '3']],
      delimiter: ',',
      rowNumbers: [2, 3, 4],
    },
    {
      name: 'ragged rows padded, long rows cut',
      text: 'a,b,c\n1,2\n1,2,3,4\n1,2,3,\n',
      columns: ['a', 'b', 'c'],
      rows: [['1', '2', ''], ['1', '2', '3'], ['1', '2', '3']],
      delimiter: ',',
      note: /fewer cells than there are columns \(row 2\)/,
    },
    { name: 'header trimmed and made unique', text: ' code , value,Value,,value\nE01,1,2,3,4\n', columns: ['code', 'value', 'Value (2)', 'Column 4', 'value (3)'], rows: [['E01', '1', '2', '3', '4']], delimiter: ',' },
    {
      name: 'blank lines skipped, row numbers kept',
      text: 'code,value\n\nE01,1\n , \nE02,2\n',
      columns: ['code', 'value'],
      rows: [['E01', '1'], ['E02', '2']],
      delimiter: ',',
      note: /2 blank lines were skipped/,
      rowNumbers: [3, 5],
    },
    { name: 'title lines above the header', text: 'Table 1: synthetic\n\ncode,value\nE01,1\n', columns: ['code', 'value'], rows: [['E01', '1']], delimiter: ',', note: /above the column names/, rowNumbers: [4] },
  ];
  it.each(cases)('$name', ({ text, columns, rows, delimiter, note, rowNumbers }) => {
    const t = parseCsvText(text, 'synthetic.csv');
    expect(t.fileName).toBe('synthetic.csv');
    expect(t.columns).toEqual(columns);
    expect(t.rows).toEqual(rows);
    expect(t.delimiter).toBe(delimiter);
    for (const r of t.rows) expect(r.length).toBe(t.columns.length);
    if (note) expect(t.notes.join(' ')).toMatch(note);
    if (rowNumbers) expect(t.rowNumbers).toEqual(rowNumbers);
  });

  it('notes rows with more cells than columns, and why in a comma file', () => {
    const t = parseCsvText('code,value\nE01,1,234\nE02,5\n', 'x.csv');
    expect(t.notes.join(' ')).toMatch(/more cells than there are columns \(row 2\).*thousands comma must be in quotes/);
  });

  const errors: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['only spaces and line breaks', ' \n\r\n  \n', /empty/],
    ['a BOM only', '\uFEFF', /empty/],
    ['one column', 'code\nE01\nE02\n', /only one column/],
    ['no data rows', 'code,value\n', /no rows of data/],
    ['no data rows, blank lines', 'code,value\n\n,\n', /no rows of data/],
    ['no header (codes in the first row)', 'E01012187,1\nE01012188,2\n', /looks like data/],
    ['no header (numbers only)', '1,2\n3,4\n', /looks like data/],
  ];
  it.each(errors)('throws a plain-English Error: %s', (_, text, message) => {
    expect(() => parseCsvText(text, 'x.csv')).toThrowError(message);
  });

  it('reads the fixtures', () => {
    const bom = parseCsvText(fixture('synthetic-bom-crlf.csv'), 'synthetic-bom-crlf.csv');
    expect(bom.columns).toEqual(['area', 'value']);
    expect(bom.rows).toHaveLength(10);
    expect(bom.rows.every((r) => !/[\r\n]/.test(r.join('')))).toBe(true);
    const semi = parseCsvText(fixture('synthetic-semicolon-decimal-comma.csv'), 'semi.csv');
    expect(semi.delimiter).toBe(';');
    expect(semi.columns).toEqual(['code', 'waarde', 'teller', 'noemer']);
    expect(readNumber(semi.rows[1][3], true)).toEqual(num(1973));
    const hostile = parseCsvText(fixture('synthetic-hostile.csv'), 'synthetic-hostile.csv');
    expect(hostile.columns[1]).toBe('<img src=x onerror=alert(1)> value');
    expect(hostile.rows[0][2]).toBe('<img src=x onerror=alert(1)>');
    for (const [name, message] of [
      ['synthetic-bad-empty.csv', /empty/],
      ['synthetic-bad-one-column.csv', /one column/],
      ['synthetic-bad-no-rows.csv', /no rows/],
      ['synthetic-bad-no-header.csv', /looks like data/],
    ] as const) {
      expect(() => parseCsvText(fixture(name), name), name).toThrowError(message);
    }
  });

  it('reports progress when asked, ending at 1, with the same table', () => {
    const text = 'code,value\n' + Array.from({ length: 5000 }, (_, i) => `E${i},${i}`).join('\n');
    const seen: [number, number][] = [];
    const t = parseCsvText(text, 'x.csv', { onProgress: (f, rows) => seen.push([f, rows]) });
    expect(t).toEqual(parseCsvText(text, 'x.csv'));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1][0]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });

  it('never throws anything but an Error with a message, on any text', () => {
    const csvish = fc.stringMatching(/^[a-zE0-9,;\t"\r\n *.%-]{0,80}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), csvish), (s) => {
        try {
          const t = parseCsvText(s, 'any.csv');
          expect(t.columns.length).toBeGreaterThanOrEqual(2);
          expect(t.rows.length).toBeGreaterThan(0);
          for (const r of t.rows) expect(r.length).toBe(t.columns.length);
          expect(new Set(t.columns.map((c) => c.toLowerCase())).size).toBe(t.columns.length);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('decodeBytes', () => {
  it('keeps UTF-8 (and its BOM for the parser to note)', () => {
    const bytes = new TextEncoder().encode('\uFEFFname,value\nNorton – North,1\n');
    const { text, note } = decodeBytes(bytes);
    expect(note).toBeUndefined();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsvText(text, 'x').rows[0][0]).toBe('Norton – North');
  });
  it('reads Windows-1252 (Excel "CSV") when the bytes are not UTF-8, and says so', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('name,value\nCaf'), 0xe9, ...new TextEncoder().encode(',1\n')]);
    const { text, note } = decodeBytes(bytes);
    expect(text).toContain('Café');
    expect(note).toMatch(/Windows-1252/);
  });
});
