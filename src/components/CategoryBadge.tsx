import { CATEGORY_STYLE, categoryWords, type Category } from '../lib/indicators/benchmark';

/** A comparison category: colour plus words, never colour alone. */
export function CategoryBadge({ category, level }: { category: Category; level?: string }) {
  const st = CATEGORY_STYLE[category];
  return (
    <span
      className={`badge badge-${category}`}
      style={st.fill ? { background: st.fill, color: st.text } : { background: 'transparent', color: st.text, border: '1px solid #0b0c0c' }}
    >
      {categoryWords(category, level)}
    </span>
  );
}
