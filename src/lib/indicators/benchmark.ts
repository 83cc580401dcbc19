import type { Polarity } from '../core/types';
import type { Interval } from './intervals';

/** Comparison with England by the Fingertips rule: the area's interval against England's value, then polarity. */
export type Category = 'Better' | 'Similar' | 'Worse' | 'Lower' | 'Higher' | 'NotCompared';

export function compareWithBenchmark(interval: Interval | null, benchmark: number | null | undefined, polarity: Polarity): Category {
  if (!interval || benchmark == null || !Number.isFinite(benchmark)) return 'NotCompared';
  let direction: 'above' | 'below' | 'same';
  if (interval.lower > benchmark) direction = 'above';
  else if (interval.upper < benchmark) direction = 'below';
  else direction = 'same';
  if (direction === 'same') return 'Similar';
  if (polarity === 'NoJudgement') return direction === 'above' ? 'Higher' : 'Lower';
  const good = (direction === 'above') === (polarity === 'HighIsGood');
  return good ? 'Better' : 'Worse';
}

/** Style and words for each category (GOV.UK palette used by FingertipsNext). Never inline these elsewhere. */
export const CATEGORY_STYLE: Record<Category, { fill: string | null; text: string; words: string }> = {
  Better: { fill: '#00703C', text: '#ffffff', words: 'Better than England' },
  Similar: { fill: '#FFDD00', text: '#0b0c0c', words: 'Similar to England' },
  Worse: { fill: '#D4351C', text: '#ffffff', words: 'Worse than England' },
  Lower: { fill: '#5694CA', text: '#0b0c0c', words: 'Lower than England' },
  Higher: { fill: '#003078', text: '#ffffff', words: 'Higher than England' },
  NotCompared: { fill: null, text: '#0b0c0c', words: 'Not compared' },
};

/** Why a value is not compared, when the reason is worth saying: 'modelled' = the model's error is too large to judge. */
export type NotComparedWhy = 'modelled';

export function categoryWords(category: Category, level?: string, why?: NotComparedWhy): string {
  if (category === 'NotCompared' && why === 'modelled') return 'Not compared (modelled)';
  const words = CATEGORY_STYLE[category].words;
  return level && category !== 'NotCompared' ? `${words} (${level})` : words;
}
