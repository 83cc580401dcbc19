import { CATEGORY_STYLE, categoryWords, type Category, type NotComparedWhy } from '../lib/indicators/benchmark';

/** A comparison category: colour plus words, never colour alone. */
export function CategoryBadge({ category, level, why }: { category: Category; level?: string; why?: NotComparedWhy }) {
  const st = CATEGORY_STYLE[category];
  return (
    <span
      className={`badge badge-${category}`}
      style={st.fill ? { background: st.fill, color: st.text } : { background: 'transparent', color: st.text, border: '1px solid #0b0c0c' }}
    >
      {categoryWords(category, level, why)}
    </span>
  );
}
