import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore, currentIndicator } from '../store';
import { GEOGRAPHY_IDS, GEOGRAPHY_LABEL, type GeographyId } from '../lib/core/types';
import { MODE_TOKEN, tokenOf } from '../lib/share/url';
import { hasCompare } from '../lib/indicators/choropleth';
import { latestIndicators, measureOf, periodsOf } from '../lib/indicators/periods';
import { countRender } from '../ui/renderCount';

/** What each geography is, after its name and the number of areas in the data. */
const GEOGRAPHY_NOTE: Record<GeographyId, string> = { ward: 'May 2023 boundaries', lsoa: 'Census 2021 small areas', msoa: 'Census 2021 neighbourhoods' };

export function Controls() {
  countRender('Controls');
  const bundle = useStore((s) => s.bundle)!;
  // Only the settings shown here: not the whole store, which changes on every hover and map repaint.
  const s = useStore(
    useShallow((st) => ({
      indicator: st.indicator,
      geography: st.geography,
      mode: st.mode,
      classes: st.classes,
      view: st.view,
      basemap: st.basemap,
      setShare: st.setShare,
    })),
  );
  const ind = currentIndicator({ bundle, indicator: s.indicator });
  const compareOk = ind ? hasCompare(ind) : false;
  const classesApply = s.mode === 'value' && ind?.kind !== 'decile';
  // One entry per measure; its years are chosen in "Period" (latest by default).
  // The indicator list is the same for every indicator: made once per bundle, so a change does not rebuild it.
  const options = useMemo(() => {
    const listed = latestIndicators(bundle.indicators);
    return bundle.themes.map((theme) => {
      const inTheme = listed.filter((i) => i.theme === theme);
      return inTheme.length ? (
        <optgroup key={theme} label={theme}>
          {inTheme.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </optgroup>
      ) : null;
    });
  }, [bundle]);
  const measure = measureOf(bundle.indicators, s.indicator);
  const periods = periodsOf(bundle.indicators, s.indicator);
  return (
    <section className="controls" aria-label="Map settings">
      <div className="field-row">
        <div className="field indicator-field">
          <label htmlFor="indicator">Indicator</label>
          <select id="indicator" value={measure} onChange={(e) => s.setShare({ indicator: e.target.value })}>
            {options}
          </select>
        </div>
        {periods.length > 1 ? (
          <div className="field period-field">
            <label htmlFor="period">Period</label>
            <select id="period" value={s.indicator} onChange={(e) => s.setShare({ indicator: e.target.value })}>
              {periods.map((p, k) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                  {k === 0 ? ' (latest)' : ''}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p className="own-file-hint">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            // "Your data" is further down this panel: take the person there, to its file input.
            const input = document.getElementById('your-data-file');
            input?.scrollIntoView({ block: 'center' });
            input?.focus();
          }}
        >
          Map your own file
        </button>{' '}
        <span className="sub">(CSV by LSOA, MSOA or ward; read in this browser only)</span>
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="geography">Geography</label>
          <select id="geography" aria-describedby="geography-note" value={s.geography} onChange={(e) => s.setShare({ geography: e.target.value as GeographyId })}>
            {GEOGRAPHY_IDS.map((g) => (
              <option key={g} value={g}>
                {`${GEOGRAPHY_LABEL[g]} (${bundle.areas[g].codes.length})`}
              </option>
            ))}
          </select>
          <span id="geography-note" className="sub block">
            {GEOGRAPHY_NOTE[s.geography]}
          </span>
        </div>
        <div className="field">
          <label htmlFor="mode">Map shows</label>
          <select id="mode" value={MODE_TOKEN[compareOk ? s.mode : 'value']} onChange={(e) => s.setShare({ mode: tokenOf(MODE_TOKEN, e.target.value) ?? 'value' })}>
            <option value={MODE_TOKEN.value}>Values</option>
            <option value={MODE_TOKEN.benchmark} disabled={!compareOk}>
              Compared with England{compareOk ? '' : ' (not available)'}
            </option>
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="classes">Classes</label>
          <select id="classes" aria-describedby="classes-note" value={s.classes} disabled={!classesApply} onChange={(e) => s.setShare({ classes: e.target.value as 'quantile' | 'jenks' })}>
            <option value="quantile">Quantiles</option>
            <option value="jenks">Natural breaks</option>
          </select>
          <span id="classes-note" className="sub block">
            {s.classes === 'jenks' ? 'Similar values share a colour' : 'Equal numbers of areas per colour'}
          </span>
        </div>
        <div className="field view-toggle" role="group" aria-label="View">
          <span className="field-label" aria-hidden="true">
            View
          </span>
          <div>
            <button type="button" aria-pressed={s.view !== 'table'} onClick={() => s.setShare({ view: 'map' })}>
              Map
            </button>
            <button type="button" aria-pressed={s.view === 'table'} onClick={() => s.setShare({ view: 'table' })}>
              Table
            </button>
          </div>
        </div>
      </div>
      <div className="field checkbox">
        <input id="basemap" type="checkbox" checked={s.basemap} onChange={(e) => s.setShare({ basemap: e.target.checked })} />
        <label htmlFor="basemap">Street basemap (online: loads OpenStreetMap tiles)</label>
      </div>
      {!compareOk && s.mode === 'benchmark' ? (
        <p className="hint">No “compared with England” view exists for this indicator: it has no confidence interval or national decile.</p>
      ) : null}
    </section>
  );
}
