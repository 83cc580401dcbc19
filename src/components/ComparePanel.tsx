import { Fragment, useMemo } from 'react';
import { useStore } from '../store';
import { useComparisonPlaces } from '../data/usePlaces';
import { comparisonCsv, comparisonRows, comparisonWords, type ComparisonRow } from '../lib/places/comparison';
import { formatValue } from '../lib/core/format';
import { CATEGORY_STYLE } from '../lib/indicators/benchmark';
import { CategoryBadge } from './CategoryBadge';
import { AboutIndicator } from './AboutIndicator';
import { SpineChart } from './SpineChart';
import { ValueCell } from './ValueCell';
import type { IndicatorRecord } from '../lib/core/types';
import type { PlaceValue } from '../lib/indicators/value';
import { downloadText } from '../data/download';

function Cell({ ind, v }: { ind: IndicatorRecord; v: PlaceValue }) {
  return (
    <ValueCell ind={ind} v={v}>
      <span className="block">
        {ind.compare === 'interval' ? <CategoryBadge category={v.category} level="95%" /> : <span className="sub">{comparisonWords(ind, v)}</span>}
      </span>
    </ValueCell>
  );
}

/** Side-by-side comparison of up to six places with the borough and England. */
export function ComparePanel() {
  const bundle = useStore((s) => s.bundle)!;
  const remove = useStore((s) => s.removeFromComparison);
  const places = useComparisonPlaces();
  const rows = useMemo(() => comparisonRows(bundle, places), [bundle, places]);
  const today = new Date();

  const byTheme = useMemo(() => {
    const m = new Map<string, ComparisonRow[]>();
    for (const r of rows) m.set(r.ind.theme, [...(m.get(r.ind.theme) ?? []), r]);
    return m;
  }, [rows]);

  return (
    <section className="compare" aria-labelledby="compare-title">
      <div className="print-only print-header">
        <p>Neighbourhood health explorer · {bundle.place.name}</p>
        <p>Printed {today.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</p>
      </div>
      <h2 id="compare-title">Compare areas</h2>
      {places.length === 0 ? (
        <p>
          No places yet. Choose an area on the map or in the search and press “Add to comparison”, or pick a neighbourhood in
          “Neighbourhoods”.
        </p>
      ) : null}
      <ol className="compare-places">
        {places.map((p, k) => (
          <li key={p.key}>
            <span className="place-num" aria-hidden="true">
              {k + 1}
            </span>{' '}
            <strong>{p.name}</strong> <span className="sub">({p.kindLabel})</span>{' '}
            <button type="button" className="link-button no-print" onClick={() => remove(p.key)}>
              Remove<span className="visually-hidden"> {p.name}</span>
            </button>
            <span className="sub block">{p.detail}</span>
          </li>
        ))}
      </ol>
      <div className="compare-actions no-print">
        <button
          type="button"
          onClick={() => downloadText(`comparison-${today.toISOString().slice(0, 10)}.csv`, comparisonCsv(bundle, places, rows, today), 'text/csv')}
          disabled={places.length === 0}
        >
          Download CSV
        </button>{' '}
        <button type="button" onClick={() => window.print()} disabled={places.length === 0}>
          Print or save as PDF
        </button>
      </div>
      {places.length > 0 ? (
        <table className="compare-table">
          <caption className="visually-hidden">Every indicator for the compared places, {bundle.place.name} and England</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              {places.map((p, k) => (
                <th scope="col" key={p.key}>
                  <span className="place-num" aria-hidden="true">
                    {k + 1}
                  </span>{' '}
                  {p.name}
                </th>
              ))}
              <th scope="col">{bundle.place.name}</th>
              <th scope="col">England</th>
              <th scope="col">Chart</th>
            </tr>
          </thead>
          <tbody>
            {[...byTheme.entries()].map(([theme, rs]) => (
              <Fragment key={theme}>
                <tr className="theme-row">
                  <th scope="colgroup" colSpan={places.length + 4}>
                    {theme}
                  </th>
                </tr>
                {rs.map((r) => (
                  <tr key={r.ind.id} data-indicator={r.ind.id}>
                    <th scope="row">
                      {r.ind.label}
                      <span className="sub block">
                        {r.ind.unit} · {r.ind.period}
                      </span>
                      {r.ind.modelled ? <span className="tag">modelled estimate</span> : null}
                      <AboutIndicator ind={r.ind} />
                    </th>
                    {r.places.map((v, k) => (
                      <Cell key={places[k].key} ind={r.ind} v={v} />
                    ))}
                    <Cell ind={r.ind} v={r.borough} />
                    <td>{formatValue(r.england.value, r.ind)}</td>
                    <td>
                      <SpineChart row={r} />
                    </td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="compare-legend">
        <h3>Key</h3>
        <ul className="legend-items">
          {(['Better', 'Similar', 'Worse', 'Lower', 'Higher', 'NotCompared'] as const).map((c) => (
            <li key={c} className="legend-item">
              <span className={`swatch${CATEGORY_STYLE[c].fill ? '' : ' swatch-empty'}`} style={CATEGORY_STYLE[c].fill ? { background: CATEGORY_STYLE[c].fill! } : undefined} aria-hidden="true" />
              {CATEGORY_STYLE[c].words}
            </li>
          ))}
        </ul>
        <p className="sub">
          Compared with England by the OHID Fingertips rule: the place’s 95% confidence interval (Wilson score) against England’s value. Deprivation is shown as national deciles (1 = most deprived
          10% of LSOAs in England). In the chart, dots are places (numbered), whiskers their 95% intervals, the dashed line is England and the grey line {bundle.place.name}.
        </p>
        <p className="sub">Neighbourhood values are pooled from LSOA counts, or population-weighted for scores; ward values are estimated from LSOAs by area overlap.</p>
      </div>
      <div className="print-only">
        <h3>Sources and attribution</h3>
        <ul className="sub">
          {bundle.place.attribution.map((a) => (
            <li key={a.text}>{a.text}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
