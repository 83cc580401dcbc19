import { useStore, currentIndicator } from '../store';
import { useChoropleth } from '../data/useChoropleth';
import { formatValue } from '../lib/core/format';
import { methodWords, statisticWords } from '../lib/indicators/words';
import { AboutIndicator } from './AboutIndicator';
import { PracticeLegend } from './PracticeLegend';
import { countRender } from '../ui/renderCount';

export function Legend() {
  countRender('Legend');
  const ch = useChoropleth();
  const ind = useStore((s) => currentIndicator(s));
  const geography = useStore((s) => s.geography);
  const exactFile = useStore((s) => s.exactQof?.fileName);
  if (!ind) return null;
  // A tiled build fetches the indicator's values when it is first shown.
  if (!ch) return <p className="values-loading" role="status">Loading indicator values…</p>;
  const derived = ind.derived?.[geography];
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Legend</h2>
      <p className="legend-title">{ch.title}</p>
      {ind.userFile ? (
        <p className="legend-note your-data-note">
          <strong>Your data</strong>, from your file {ind.userFile}: loaded in this browser only, not published, and not in shared links.
        </p>
      ) : null}
      {ind.qof && !ind.modelled && exactFile ? (
        <p className="legend-note your-data-note">
          <strong>From registered patients by LSOA</strong> (your file {exactFile}), not the model.
        </p>
      ) : null}
      <ul className="legend-items">
        {ch.legend.map((item) => (
          <li key={item.label} className="legend-item">
            <span
              className={`swatch${item.color ? '' : ' swatch-empty'}`}
              style={item.color ? { background: item.color } : undefined}
              aria-hidden="true"
            />
            <span className="legend-label">{item.label}</span>
            {item.england ? (
              <span className="england-marker">
                ◆ England {formatValue(ind.england!.value, ind)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {ind.england ? (
        <p className="legend-note">
          England: {formatValue(ind.england.value, ind)} — {statisticWords(ind.england.statistic, { decimals: ind.decimals })}.
        </p>
      ) : (
        <p className="legend-note">No England value for this indicator.</p>
      )}
      {ind.modelled ? (
        <p className="legend-note modelled">
          <strong>Modelled estimate.</strong> {methodWords(ind.geographyMethod[geography])} See “About this indicator” below.
        </p>
      ) : null}
      <AboutIndicator ind={ind} geography={geography} />
      <PracticeLegend />
      {derived && !ind.modelled ? <p className="legend-note derived">Values at this geography are estimated or derived: {methodWords(ind.geographyMethod[geography])}</p> : null}
    </section>
  );
}
