import { useStore } from '../store';
import { usePracticeIndicator } from '../data/usePractices';
import { CATEGORY_STYLE, type Category } from '../lib/indicators/benchmark';
import { PRACTICE_GLYPH } from '../ui/icons';

/** Legend for the GP practice symbols: comparison categories in words, with shape and colour. */
export function PracticeLegend() {
  const on = useStore((s) => s.layers.includes('qof'));
  const ind = usePracticeIndicator();
  if (!on || !ind) return null;
  const cats: Category[] = ind.polarity === 'NoJudgement' ? ['Lower', 'Similar', 'Higher', 'NotCompared'] : ['Better', 'Similar', 'Worse', 'NotCompared'];
  return (
    <div className="practice-legend">
      <p className="legend-title">
        GP practices (QOF): {ind.label}, {ind.qof?.year}
      </p>
      <ul className="legend-items">
        {cats.map((c) => (
          <li key={c} className="legend-item">
            <span
              className="practice-symbol"
              style={{ background: CATEGORY_STYLE[c].fill ?? '#fff', color: CATEGORY_STYLE[c].text, width: 18, height: 18 }}
              aria-hidden="true"
            >
              {PRACTICE_GLYPH[c]}
            </span>
            {c === 'NotCompared' ? CATEGORY_STYLE[c].words : `${CATEGORY_STYLE[c].words} (95%)`}
          </li>
        ))}
      </ul>
      <p className="legend-note">Practice values are published, not modelled; symbol size shows list size.</p>
    </div>
  );
}
