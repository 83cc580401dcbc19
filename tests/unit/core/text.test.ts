import { describe, expect, it } from 'vitest';
import { cleanText, fileTooLarge, normalisePostcode, textTooLarge, utf8Bytes, UPLOAD_LIMIT_BYTES } from '../../../src/lib/core/text';

describe('cleanText', () => {
  it('removes control characters, collapses whitespace and trims', () => {
    expect(cleanText('  a\r\n\tb\u0007c \u200B ')).toEqual({ text: 'a b c', trimmed: false });
    expect(cleanText(undefined)).toEqual({ text: '', trimmed: false });
    expect(cleanText(42)).toEqual({ text: '42', trimmed: false });
  });
  it('cuts to the maximum without splitting a surrogate pair', () => {
    expect(cleanText('abcdef', 3)).toEqual({ text: 'abc', trimmed: true });
    const s = 'ab\u{1F600}cd'; // the emoji is two UTF-16 units at 2..3
    expect(cleanText(s, 3)).toEqual({ text: 'ab', trimmed: true });
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['ts181hu', 'TS18 1HU'],
    [' TS18  1HU ', 'TS18 1HU'],
    ['DL2 1AB', 'DL2 1AB'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['', null],
    [undefined, null],
    [null, null],
    ['TS18', null],
    ['TS18 1H', null],
    ['not a postcode', null],
  ])('%j -> %j', (raw, want) => expect(normalisePostcode(raw)).toBe(want));
});

describe('file size limit (one limit, decimal megabytes)', () => {
  it('is 5,000,000 bytes', () => expect(UPLOAD_LIMIT_BYTES).toBe(5_000_000));
  it.each([
    [5_000_000, null],
    [5_000_001, /^The file is 5\.0 MB; the limit is 5 MB\. Advice\.$/],
    [12_345_678, /^The file is 12\.3 MB/],
  ])('%d bytes', (bytes, want) => {
    const msg = fileTooLarge(bytes, 'Advice.');
    if (want === null) expect(msg).toBeNull();
    else expect(msg).toMatch(want);
  });
  it('counts text in UTF-8 bytes', () => {
    expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(textTooLarge('é'.repeat(60), 'x', 100)).toMatch(/0\.0 MB; the limit is 0\.0001 MB/);
    expect(textTooLarge('e'.repeat(60), 'x', 100)).toBeNull();
  });
});
