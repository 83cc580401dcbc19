import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineOf, parseQuotes, readFigure } from '../../../scripts/build/quotes';

const DATA = join(__dirname, '..', '..', '..', 'data');
const read = (rel: string) => readFileSync(join(DATA, rel), 'utf8');

describe('readFigure', () => {
  // Synthetic sentences in the report's style.
  it.each([
    ['1.5% experience heart things (1.25% in England);', 'heart things', { area: 1.5, england: 1.25, text: '1.5% experience heart things (1.25% in England)' }],
    ['and 12% are obese (9.9% in England).', 'obese', { area: 12, england: 9.9, text: '12% are obese (9.9% in England)' }],
    ['20.25% have high blood\n pressure  (19% in England)', 'high blood pressure', { area: 20.25, england: 19, text: '20.25% have high blood pressure (19% in England)' }],
  ])('%s', (sentence, words, want) => {
    expect(readFigure(sentence, words)).toEqual({ words, ...want });
  });

  it.each([
    ['a figure without England', '3% are obese.', 'obese'],
    ['words of another figure', '3% are obese (2% in England); 4% smoke (5% in England)', 'smoke (5'],
    ['a number of another measure in between', '3% are 4% obese (2% in England)', 'diabetic'],
    ['part of a word', '3% are nonobese (2% in England)', 'obese'],
  ])('finds nothing for %s', (_, sentence, words) => {
    expect(readFigure(sentence, words)).toBeNull();
  });
});

describe('lineOf', () => {
  const text = 'Title\n\nFirst line of a paragraph that\nruns on.\nAnother line.';
  it.each([
    ['Title', 1],
    ['paragraph that runs on.', 3],
    ['Another line.', 5],
    ['not there', 0],
    ['runs on. Another', 4],
  ])('%s → line %i', (quote, line) => {
    expect(lineOf(text, quote)).toBe(line);
  });
});

describe('parseQuotes on the real quotes file and report text', () => {
  const rel = 'context/dph-report-2025.json';
  const presets = ['town-centre', 'portrack', 'town-centre-portrack'];
  const conditions = ['hyp', 'chd', 'ob', 'dm', 'copd', 'dep'];

  it('reads the three figures of the pilot paragraph, with its line', () => {
    const { quoted } = parseQuotes(rel, read(rel), read, presets, conditions);
    expect(quoted).toHaveLength(1);
    const q = quoted[0];
    const text = read(q.textFile).split('\n');
    expect(text[q.line - 1]).toContain(q.quote);
    // Each figure's own words are in the report's line, and its numbers are the ones in those words.
    for (const f of q.figures) {
      expect(text[q.line - 1]).toContain(f.text);
      expect(f.text.startsWith(`${f.area}%`)).toBe(true);
      expect(f.text.endsWith(`(${f.england}% in England)`)).toBe(true);
    }
    expect(q.figures.map((f) => f.condition)).toEqual(['chd', 'hyp', 'ob']);
    expect(q.presets).toEqual(['town-centre-portrack']);
  });

  const edit = (f: (j: { reports: Record<string, unknown>[] }) => void) => {
    const j = JSON.parse(read(rel));
    f(j);
    return JSON.stringify(j);
  };
  it.each([
    ['a quote not in the report', edit((j) => (j.reports[0].quote = String(j.reports[0].quote).replace('3.65%', '3.75%'))), /not word for word/],
    ['an unknown preset', edit((j) => (j.reports[0].presets = ['nowhere'])), /unknown presets nowhere/],
    ['an unknown condition', edit((j) => ((j.reports[0].measures as { condition: string }[])[0].condition = 'xyz')), /unknown QOF condition xyz/],
    ['measure words not in the quote', edit((j) => ((j.reports[0].measures as { words: string }[])[0].words = 'gout')), /no figure .* gout/],
    ['no title', edit((j) => delete j.reports[0].title), /has no "title"/],
    ['not JSON', '{', /not JSON/],
  ])('fails on %s', (_, text, message) => {
    expect(() => parseQuotes(rel, text, read, presets, conditions)).toThrow(message);
  });
});
