import { useStore } from '../store';
import { usePracticeValues } from '../data/usePractices';
import { CategoryBadge } from './CategoryBadge';
import { formatValue } from '../lib/core/format';
import { countRender } from '../ui/renderCount';

/** The GP practice layer switch and the practice list (the keyboard route to every practice). */
export function Practices() {
  countRender('Practices');
  const on = useStore((s) => s.layers.includes('qof'));
  const toggleLayer = useStore((s) => s.toggleLayer);
  const setShare = useStore((s) => s.setShare);
  const selected = useStore((s) => s.practice);
  const pv = usePracticeValues();
  if (!pv) return null;
  const mapped = pv.rows.filter((r) => r.practice.lon != null).length;
  return (
    <section className="practices" aria-labelledby="practices-title">
      <h2 id="practices-title">GP practices</h2>
      <div className="field checkbox">
        <input id="layer-qof" type="checkbox" checked={on} onChange={(e) => toggleLayer('qof', e.target.checked)} />
        <label htmlFor="layer-qof">GP practices (QOF)</label>
      </div>
      <p className="sub">
        {pv.ind.label}, {pv.ind.qof?.year}: each practice’s recorded prevalence against England ({formatValue(pv.ind.england?.value, pv.ind)}), 95% interval. Symbols sized by list
        size. {mapped} of {pv.rows.length} practices can be placed on the map (by postcode, OS Code-Point Open).
      </p>
      <details>
        <summary>List of {pv.rows.length} practices</summary>
        <ul className="practice-list">
          {pv.rows.map(({ practice: p, v }) => (
            <li key={p.code}>
              <button type="button" className="link-button" aria-current={selected === p.code ? 'true' : undefined} onClick={() => setShare({ practice: p.code })}>
                {p.name}
              </button>{' '}
              <span className="sub">
                {formatValue(v?.value, pv.ind)} {p.lon == null ? '· not on the map (no postcode)' : ''}
              </span>{' '}
              {v ? <CategoryBadge category={v.category} /> : null}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
