import { Fragment, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useStore } from '../store';
import { useComparisonPlaces } from '../data/usePlaces';
import { comparisonCsv, comparisonRows, comparisonWords, type ComparisonRow } from '../lib/places/comparison';
import { formatValue } from '../lib/core/format';
import { CategoryBadge } from './CategoryBadge';
import { AboutIndicator } from './AboutIndicator';
import { SpineChart, SpineKey } from './SpineChart';
import { ValueCell } from './ValueCell';
import { OwnDataTag } from './OwnDataTag';
import type { IndicatorRecord } from '../lib/core/types';
import type { PlaceValue } from '../lib/indicators/value';
import { downloadText } from '../data/download';
import { defaultCompareThemes, themesWithMeasures } from '../lib/places/focus';
import { periodChange, periodLabel, periodsOf } from '../lib/indicators/periods';

// The comparison moves between the side panel and the main area when widened; the control keeps focus.
let widenClicked = false;
import { formatNumber } from '../lib/core/format';

/** The change since the earlier period, in a few words, and whether it is beyond the intervals. */
function Change({ bundle, row, prev, k }: { bundle: { indicators: IndicatorRecord[] }; row: ComparisonRow; prev: ComparisonRow | undefined; k: number | 'borough' }) {
  if (!prev) return null;
  const cur = k === 'borough' ? row.borough : row.places[k];
  const old = k === 'borough' ? prev.borough : prev.places[k];
  const since = periodsOf(bundle.indicators, row.ind.id)[1]?.label ?? prev.ind.period;
  const c = periodChange(cur, old, row.ind, since);
  if (c.change == null) return null;
  const size = formatNumber(Math.abs(c.change), row.ind.decimals);
  // A change that rounds to nothing is "no change", never "−0.0".
  const none = Number(size.replace(/,/g, '')) === 0;
  return (
    <span className="sub block change" title={c.words}>
      {none ? 'No change' : `${c.change > 0 ? '+' : '−'}${size}${row.ind.unit === '%' ? ' pts' : ''}`} since {since}
      {c.beyondIntervals === true ? ', beyond the intervals' : c.beyondIntervals === false ? ', within the intervals' : ''}
    </span>
  );
}

function Cell({ ind, v, children }: { ind: IndicatorRecord; v: PlaceValue; children?: ReactNode }) {
  return (
    <ValueCell ind={ind} v={v}>
      <span className="block">
        {ind.compare === 'interval' ? <CategoryBadge category={v.category} level="95%" why={v.notComparedWhy} /> : <span className="sub">{comparisonWords(ind, v)}</span>}
      </span>
      {children}
    </ValueCell>
  );
}

/** Side-by-side comparison of up to six places with the borough and England. */
export function ComparePanel() {
  const bundle = useStore((s) => s.bundle)!;
  const remove = useStore((s) => s.removeFromComparison);
  const wide = useStore((s) => s.view === 'comparison');
  const setShare = useStore((s) => s.setShare);
  // Chosen themes are in the link (as positions in the data's theme list), so a shared comparison keeps its focus.
  const pickedIdx = useStore((s) => s.themes);
  const picked = pickedIdx ? pickedIdx.map((i) => bundle.themes[i]).filter(Boolean) : null;
  const setThemes = (names: string[] | null) => setShare({ themes: names ? names.map((n) => bundle.themes.indexOf(n)).filter((i) => i >= 0).sort((a, b) => a - b) : null });
  const places = useComparisonPlaces();
  const rows = useMemo(() => comparisonRows(bundle, places), [bundle, places]);
  const today = new Date();
  const placeNames = places.map((p) => p.name);
  const widenRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!widenClicked) return;
    widenClicked = false;
    widenRef.current?.focus();
  }, []);
  const allThemes = useMemo(() => themesWithMeasures(bundle), [bundle]);
  const themes = picked ?? defaultCompareThemes(bundle);

  // One row per measure, in the chosen themes; an earlier period's row only feeds the "change since" line.
  const byId = useMemo(() => new Map(rows.map((r) => [r.ind.id, r])), [rows]);
  const byTheme = allThemes
    .filter((t) => themes.includes(t.theme))
    .map((t) => [t.theme, t.indicators.map((i) => byId.get(i.id)!).filter(Boolean)] as const);
  const toggleTheme = (theme: string, on: boolean) =>
    setThemes(allThemes.map((t) => t.theme).filter((t) => (t === theme ? on : themes.includes(t))));

  return (
    <section className="compare" aria-labelledby="compare-title">
      <div className="print-only print-header">
        <p>Neighbourhood health explorer · {bundle.place.name}</p>
        <p>Printed {today.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</p>
      </div>
      <div className="compare-title-row">
        <h2 id="compare-title">Compare areas</h2>
        <button
          type="button"
          className="no-print widen"
          ref={widenRef}
          onClick={() => {
            widenClicked = true;
            setShare({ view: wide ? 'map' : 'comparison' });
          }}
        >
          {wide ? 'Back to the map' : 'Widen comparison'}
        </button>
      </div>
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
        <details className="compare-themes no-print">
          <summary>
            Themes shown: {themes.length ? themes.join('; ') : 'none'}
          </summary>
          <fieldset className="theme-list">
          <legend className="visually-hidden">Themes shown</legend>
          {allThemes.map((t) => (
            <div className="checkbox" key={t.theme}>
              <input id={`theme-${allThemes.indexOf(t)}`} type="checkbox" checked={themes.includes(t.theme)} onChange={(e) => toggleTheme(t.theme, e.target.checked)} />
              <label htmlFor={`theme-${allThemes.indexOf(t)}`}>
                {t.theme} <span className="sub">({t.indicators.length})</span>
              </label>
            </div>
          ))}
          </fieldset>
          {picked ? (
            <button type="button" className="link-button" onClick={() => setThemes(null)}>
              Back to conditions and deprivation
            </button>
          ) : null}
        </details>
      ) : null}
      {places.length > 0 ? (
        <div className="compare-key">
          <h3>Key</h3>
          <SpineKey placeName={bundle.place.name} />
        </div>
      ) : null}
      {places.length > 0 ? (
        <div className="compare-scroll">
        <table className="compare-table">
          <caption className="visually-hidden">
            {themes.length ? themes.join(', ') : 'No themes chosen'}: the compared places, {bundle.place.name} and England
          </caption>
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
              <th scope="col">
                Chart <span className="sub">(key above)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {byTheme.map(([theme, rs]) => (
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
                        {[r.ind.unit, periodLabel(r.ind)].filter(Boolean).join(' · ')}
                      </span>
                      {r.ind.modelled ? <span className="tag">modelled estimate</span> : null}
                      <OwnDataTag ind={r.ind} />
                      <AboutIndicator ind={r.ind} />
                    </th>
                    {r.places.map((v, k) => (
                      <Cell key={places[k].key} ind={r.ind} v={v}>
                        <Change bundle={bundle} row={r} prev={r.ind.previousId ? byId.get(r.ind.previousId) : undefined} k={k} />
                      </Cell>
                    ))}
                    <Cell ind={r.ind} v={r.borough}>
                      <Change bundle={bundle} row={r} prev={r.ind.previousId ? byId.get(r.ind.previousId) : undefined} k="borough" />
                    </Cell>
                    <td>{formatValue(r.england.value, r.ind)}</td>
                    <td>
                      <SpineChart row={r} placeNames={placeNames} placeName={bundle.place.name} />
                    </td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      <div className="compare-legend">
        <h3>About these figures</h3>
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
