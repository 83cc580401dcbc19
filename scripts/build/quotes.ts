/**
 * Quoted figures: sentences quoted from reports about the place (data/place.json "quotes"), checked word
 * for word against the report's text in data/, with each figure read out of the sentence. Context shown
 * beside ours, never indicator data. Fails loudly when a quote or a figure cannot be found.
 */
import type { QuotedFigure, QuotedReport } from '../../src/lib/core/types';
import { fail } from './io';

interface QuoteSpec {
  id: string;
  title: string;
  author: string;
  shortName: string;
  textFile: string;
  section: string;
  areaWords: string;
  quote: string;
  measures: { condition: string; words: string }[];
  presets: string[];
}

/** Runs of whitespace (including line breaks in the text file) count as one space. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One figure of a quote: "<area>% [a few words] <measure words> (<england>% in England)". The words
 * between the number and the measure may be anything but another number or bracket.
 */
export function readFigure(quote: string, words: string): Omit<QuotedFigure, 'condition'> | null {
  const re = new RegExp(`(\\d+(?:\\.\\d+)?)%[^%();]*?\\b${escape(words)}\\b\\s*\\((\\d+(?:\\.\\d+)?)%\\s+in\\s+England\\)`, 'i');
  const m = squash(quote).match(re);
  return m ? { words, area: Number(m[1]), england: Number(m[2]), text: m[0] } : null;
}

/** The 1-based line of `text` where `quote` starts (whitespace-insensitive); 0 when it is not there. */
export function lineOf(text: string, quote: string): number {
  const lines = text.split(/\r?\n/);
  const want = squash(quote);
  for (let i = 0; i < lines.length; i++) {
    // A quote may run over several lines of the file: join from this line on until it is long enough.
    let joined = '';
    for (let k = i; k < lines.length && joined.length < want.length + lines[i].length; k++) joined = squash(`${joined} ${lines[k]}`);
    const at = joined.indexOf(want);
    if (at >= 0 && at < squash(lines[i]).length) return i + 1;
  }
  return 0;
}

/** The quotes file (`rel`) checked against the reports' text (read by `read`), the preset ids and the QOF conditions. */
export function parseQuotes(rel: string, text: string, read: (rel: string) => string, presetIds: readonly string[], conditions: readonly string[]): { quoted: QuotedReport[]; summary: string[] } {
  let specs: QuoteSpec[];
  try {
    specs = (JSON.parse(text) as { reports: QuoteSpec[] }).reports;
  } catch (e) {
    fail(`${rel}: not JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(specs)) fail(`${rel}: no "reports" list`);
  const quoted = specs.map((s): QuotedReport => {
    for (const k of ['id', 'title', 'author', 'shortName', 'textFile', 'section', 'areaWords', 'quote'] as const)
      if (typeof s[k] !== 'string' || !s[k].trim()) fail(`${rel}: report ${s.id ?? '?'} has no "${k}"`);
    const line = lineOf(read(s.textFile), s.quote);
    if (!line) fail(`${rel}: the quote of ${s.id} is not word for word in ${s.textFile}`);
    const unknownPresets = (s.presets ?? []).filter((p) => !presetIds.includes(p));
    if (unknownPresets.length) fail(`${rel}: ${s.id} names unknown presets ${unknownPresets.join(', ')}`);
    const figures = (s.measures ?? []).map((m): QuotedFigure => {
      if (!conditions.includes(m.condition)) fail(`${rel}: ${s.id} names unknown QOF condition ${m.condition}`);
      const f = readFigure(s.quote, m.words);
      if (!f) fail(`${rel}: no figure "<n>% … ${m.words} (<n>% in England)" in the quote of ${s.id}`);
      return { condition: m.condition, ...f };
    });
    if (!figures.length) fail(`${rel}: ${s.id} quotes no figures`);
    return {
      id: s.id,
      title: s.title,
      author: s.author,
      shortName: s.shortName,
      section: s.section,
      textFile: s.textFile,
      line,
      quote: squash(s.quote),
      areaWords: s.areaWords,
      presets: s.presets ?? [],
      figures,
    };
  });
  const summary = quoted.map((q) => `quoted: ${q.id}, ${q.textFile} line ${q.line}: ${q.figures.map((f) => `${f.condition} ${f.area}% (England ${f.england}%)`).join(', ')}; presets ${q.presets.join(', ') || 'none'}`);
  return { quoted, summary };
}
