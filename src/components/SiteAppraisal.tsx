import { useEffect, useState } from 'react';
import { OwnDataTag } from './OwnDataTag';
import { useStore } from '../store';
import { parseSiteFile, useAppraisal } from '../data/useAppraisal';
import { loadPostcodes } from '../data/load';
import { downloadText } from '../data/download';
import { fileTooLarge, normalisePostcode } from '../lib/core/text';
import { examplePostcode } from '../lib/places/search';
import { appraisalCsv, siteGeoJson, RESIDENTS_NOTE, type SiteAppraisal as Appraisal } from '../lib/site/appraisal';
import { siteFromPoint, SITE_TOO_LARGE_ADVICE } from '../lib/site/geometry';
import { encodeSite, linkSimplification } from '../lib/site/link';
import { parseRadii } from '../lib/core/geo';
import { formatDistance, formatNumber, formatValue } from '../lib/core/format';
import { comparisonWords } from '../lib/places/comparison';
import { CategoryBadge } from './CategoryBadge';
import { FileField } from './FileField';
import { NoticeLine, useNotice, type Notice } from './Messages';
import { ASSET_CATEGORIES, categoryDef, type AssetCategory } from '../lib/assets/categories';
import type { IndicatorBundle } from '../lib/core/types';

/** Indicators for the screening summary, by HIA checklist section (ids from the registry); asset counts a section adds as rows. */
const SECTIONS: { title: string; ids: string[]; assets?: AssetCategory[]; note?: string }[] = [
  { title: 'Population and deprivation', ids: ['imd_score', 'income_score', 'employment_score', 'health_score', 'disability', 'households_deprived_2plus'] },
  { title: 'Long-term conditions (modelled estimates from GP records)', ids: ['qof_hyp', 'qof_chd', 'qof_ob', 'qof_dm', 'qof_copd', 'qof_dep'] },
  {
    title: 'Green space and places to be active',
    ids: ['greenspace_park_distance', 'greenspace_parks_1km', 'gardens_private_outdoor_space'],
    assets: ['osm_park', 'osm_gym'],
    note:
      'Park distance and parks within 1 km are ONS averages over each LSOA’s addresses (April 2020, published on 2011 LSOAs and mapped to 2021); each ring weights its LSOAs by the share of their area inside it and their residents, as for every figure above. Private outdoor space is published by MSOA only. OpenStreetMap points are unnamed and volunteered, so they are counts, not a full list; a park’s point is the centre of the mapped area, not its entrance.',
  },
];

/** What the site entry says: the appraisal's own progress and failure first, then the last thing the person did. */
function siteNotice(busy: boolean, error: string | null, badLink: boolean, last: Notice | null): Notice | null {
  if (busy) return { text: 'Appraising the site…', kind: 'info' };
  if (error) return { text: `Could not appraise the site: ${error}`, kind: 'error' };
  if (badLink) return { text: 'The site in the link could not be read; enter it again.', kind: 'error' };
  return last;
}

/** Site entry and results; loaded on demand (turf and proj4 stay out of the first download). */
export default function SiteAppraisalPanel() {
  const bundle = useStore((s) => s.bundle)!;
  const setShare = useStore((s) => s.setShare);
  const tool = useStore((s) => s.tool);
  const setTool = useStore((s) => s.setTool);
  const finishTool = useStore((s) => s.finishTool);
  const undoToolPoint = useStore((s) => s.undoToolPoint);
  const rings = useStore((s) => s.rings);
  // Pins and drawn boundaries need the map; without it, a postcode or a file still works.
  const noMap = useStore((s) => s.mapState === 'error');
  const [postcode, setPostcode] = useState('');
  const example = examplePostcode(bundle);
  const [ringText, setRingText] = useState(rings.join(', '));
  const [msg, say] = useNotice();
  const { appraisal, busy, error, ms, progress, stage, badSite, cancelled, cancel, rerun } = useAppraisal();
  const siteParam = useStore((s) => s.site);
  // Hand the map its layer; the map itself never loads the appraisal code.
  useEffect(() => {
    useStore.getState().setSiteFeatures(appraisal ? siteGeoJson(appraisal.site, appraisal.rings) : null);
  }, [appraisal]);
  useEffect(() => () => useStore.getState().setSiteFeatures(null), []);

  const setSite = (g: ReturnType<typeof siteFromPoint>, note: string) => {
    setShare({ site: encodeSite(g), view: 'map' });
    say(note);
    useStore.getState().flyTo([g.centroid[0], g.centroid[1]], 13.5);
  };

  async function byPostcode() {
    const pc = normalisePostcode(postcode);
    if (!pc) return say(`Enter a full postcode${example ? `, for example ${example}` : ''}.`, 'error');
    const idx = await loadPostcodes();
    const hit = idx[pc];
    if (!hit) return say(`${pc} is not in the ${bundle.place.name} postcode list (OS Code-Point Open), so it cannot be placed. Drop a pin instead.`, 'error');
    setSite(siteFromPoint([hit[0], hit[1]]), `Site placed at the centre of postcode ${pc}.`);
  }

  async function byFile(file: File) {
    const tooLarge = fileTooLarge(file.size, SITE_TOO_LARGE_ADVICE);
    if (tooLarge) return say(`${file.name}: ${tooLarge}`, 'error');
    // Read and checked off the main thread: a detailed boundary takes a while.
    say(`Reading ${file.name}…`);
    const res = await parseSiteFile(file);
    if ('error' in res) return say(`${file.name}: ${res.error}`, 'error');
    setSite(res.site, `Loaded ${file.name}. ${res.notes.join(' ')}`);
  }

  return (
    <>
      <div className="site-entry">
          <div className="field">
            <label htmlFor="site-postcode">Site postcode</label>
            <div className="inline-field">
              <input id="site-postcode" type="text" maxLength={10} value={postcode} onChange={(e) => setPostcode(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void byPostcode()} />
              <button type="button" onClick={() => void byPostcode()}>
                Appraise postcode
              </button>
            </div>
          </div>
          <div className="button-row">
            <button type="button" disabled={noMap} aria-describedby={noMap ? 'site-no-map' : undefined} aria-pressed={tool?.kind === 'site-pin'} onClick={() => setTool(tool?.kind === 'site-pin' ? null : { kind: 'site-pin' })}>
              Drop a pin
            </button>
            <button type="button" disabled={noMap} aria-describedby={noMap ? 'site-no-map' : undefined} aria-pressed={tool?.kind === 'site-boundary'} onClick={() => setTool(tool?.kind === 'site-boundary' ? null : { kind: 'site-boundary', points: [] })}>
              Draw site boundary
            </button>
          </div>
          {noMap ? (
            <p className="sub" id="site-no-map">
              The map is not available on this device, so a pin or boundary cannot be placed on it: enter a postcode or load a GeoJSON file instead.
            </p>
          ) : null}
          {tool?.kind === 'site-pin' ? <p className="sub">Click the map where the site is.</p> : null}
          {tool?.kind === 'site-boundary' ? (
            <div>
              <p className="sub">Click the map to add corners ({tool.points.length} so far); double-click or “Finish boundary” to close it.</p>
              <div className="button-row">
                <button
                  type="button"
                  onClick={() => {
                    void finishTool().then((note) => note && say(note));
                  }}
                >
                  Finish boundary
                </button>
                <button type="button" disabled={!tool.points.length} onClick={undoToolPoint}>
                  Undo last corner
                </button>
              </div>
            </div>
          ) : null}
          <FileField id="site-file" label="Load site GeoJSON" accept=".geojson,.json,application/geo+json,application/json" onFile={(f) => void byFile(f)}>
            <span className="sub">A GeoJSON file with a Polygon, MultiPolygon or Point, in latitude and longitude (WGS84) or British National Grid (EPSG:27700) coordinates.</span>
          </FileField>
          <div className="field">
            <label htmlFor="site-rings">Catchment distances (metres, straight line)</label>
            <div className="inline-field">
              <input id="site-rings" type="text" value={ringText} onChange={(e) => setRingText(e.target.value)} />
              <button
                type="button"
                onClick={() => {
                  const r = parseRadii(ringText);
                  if (!r) return say('Give one to five distances between 50 and 5,000 metres, separated by commas.', 'error');
                  setShare({ rings: r });
                  say(`Catchment distances set to ${r.map((m) => `${formatNumber(m, 0)} m`).join(', ')}.`);
                }}
              >
                Set distances
              </button>
            </div>
          </div>
          <NoticeLine notice={siteNotice(busy, error, !!siteParam && badSite, msg)} className="site-status" />
          {busy ? (
            <div className="appraisal-progress">
              <progress max={1} value={progress} aria-label="Appraisal progress" />{' '}
              <span className="sub" aria-live="polite">
                {stage} ({Math.round(progress * 100)}%)
              </span>{' '}
              <button type="button" onClick={cancel}>
                Cancel appraisal
              </button>
            </div>
          ) : null}
          {cancelled && siteParam ? (
            <p className="message">
              Appraisal cancelled.{' '}
              <button type="button" onClick={rerun}>
                Appraise again
              </button>
            </p>
          ) : null}
          {siteParam ? (
            <button type="button" className="link-button" onClick={() => setShare({ site: null })}>
              Clear site
            </button>
          ) : null}
      </div>
      {appraisal ? <AppraisalResults bundle={bundle} a={appraisal} ms={ms} /> : null}
    </>
  );
}

function AppraisalResults({ bundle, a, ms }: { bundle: IndicatorBundle; a: Appraisal; ms: number | null }) {
  const exactFile = useStore((s) => s.exactQof?.fileName);
  // The person's own indicators are appraised too (the CSV has every indicator).
  const ownIds = useStore((s) => s.userIndicators).map((i) => i.id);
  const inBorough = a.rings.some((r) => r.residents > 0);
  const today = new Date();
  return (
    <section className="site-appraisal" aria-labelledby="appraisal-title" data-ms={ms ?? undefined}>
      <h3 id="appraisal-title">Site appraisal</h3>
      <p className="sub">
        {a.site.kind === 'point' ? 'Site: a point' : `Site: a boundary of ${formatNumber(a.site.areaHa, 1)} ha`} at {a.site.centroid[1].toFixed(5)}, {a.site.centroid[0].toFixed(5)}. Catchments are
        straight-line distances, not walking routes. Health impact assessment screening evidence, generated {today.toLocaleDateString('en-GB')}.
      </p>
      {!inBorough ? (
        <p className="message">This site’s catchments reach no small area (LSOA) in {bundle.place.name}, so there are no figures for residents; assets nearby are still listed.</p>
      ) : null}

      <h4>Who lives there</h4>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Catchment</th>
            <th scope="col">Residents (estimate)</th>
            <th scope="col">In England’s most deprived 10%</th>
            <th scope="col">Most deprived 20%</th>
            <th scope="col">Small areas (LSOAs) reached (partly inside)</th>
          </tr>
        </thead>
        <tbody>
          {a.rings.map((r) => (
            <tr key={r.radius} data-ring={r.radius}>
              <th scope="row">{r.label}</th>
              <td>{formatNumber(r.residents, 0)}</td>
              <td>{r.mostDeprived10.percent == null ? 'No data' : `${formatNumber(r.mostDeprived10.percent, 1)}%`}</td>
              <td>{r.mostDeprived20.percent == null ? 'No data' : `${formatNumber(r.mostDeprived20.percent, 1)}%`}</td>
              <td>
                {r.lsoas.length} ({r.clipped.length})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sub">{RESIDENTS_NOTE}</p>
      {a.rings.length && a.rings[a.rings.length - 1].imdDecileMix ? (
        <div className="decile-mix">
          <p>
            Deprivation decile mix, {a.rings[a.rings.length - 1].label}: residents by national decile of the Index of Multiple Deprivation (decile 1 is the most deprived 10% of small areas in
            England).
          </p>
          <ul>
            {a.rings[a.rings.length - 1].imdDecileMix!.map((n, k) =>
              n > 0 ? (
                <li key={k}>
                  Decile {k + 1}: {formatNumber(n, 0)}
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}

      {[...SECTIONS, ...(ownIds.length ? [{ title: 'Your data (from your files, in this browser only)', ids: ownIds }] : [])].map((sec) => (
        <div key={sec.title}>
          {/* Which method is in force for GP-recorded conditions: the model, or the person's patients-by-LSOA file. */}
          <h4>{exactFile && sec.ids.some((id) => id.startsWith('qof_')) ? `Long-term conditions (GP records, apportioned by registered patients’ LSOA from ${exactFile})` : sec.title}</h4>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                {a.rings.map((r) => (
                  <th scope="col" key={r.radius}>
                    {r.label}
                  </th>
                ))}
                <th scope="col">{bundle.place.name}</th>
                <th scope="col">England</th>
              </tr>
            </thead>
            <tbody>
              {sec.ids.map((id) => {
                const ind = bundle.indicators.find((i) => i.id === id);
                if (!ind) return null;
                return (
                  <tr key={id} data-indicator={id}>
                    <th scope="row">
                      {ind.label}
                      {ind.modelled ? <span className="tag">modelled estimate</span> : null}
                      <OwnDataTag ind={ind} />
                    </th>
                    {a.rings.map((r) => {
                      const v = r.values[id];
                      return (
                        <td key={r.radius}>
                          {formatValue(v?.value, ind)}
                          <span className="block">{v && ind.compare === 'interval' ? <CategoryBadge category={v.category} level="95%" why={v.notComparedWhy} /> : <span className="sub">{v ? comparisonWords(ind, v) : ''}</span>}</span>
                        </td>
                      );
                    })}
                    <td>{formatValue(ind.borough?.value, ind)}</td>
                    <td>{formatValue(ind.england?.value, ind)}</td>
                  </tr>
                );
              })}
              {(sec.assets ?? []).map((cat) => (
                <tr key={cat} data-category={cat}>
                  <th scope="row">{categoryDef(cat).label}, number inside</th>
                  {a.rings.map((r) => (
                    <td key={r.radius}>{r.assetCounts[cat] ?? 0}</td>
                  ))}
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          {sec.note ? <p className="sub">{sec.note}</p> : null}
        </div>
      ))}

      <h4>Access to primary care, pharmacy, community facilities and healthy food support</h4>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Category</th>
            {a.rings.map((r) => (
              <th scope="col" key={r.radius}>
                {r.label}
              </th>
            ))}
            <th scope="col">Nearest (straight line)</th>
          </tr>
        </thead>
        <tbody>
          {ASSET_CATEGORIES.filter((c) => !c.unnamed).map((c) => {
            const n = a.nearest.find((x) => x.category === c.id);
            return (
              <tr key={c.id} data-category={c.id}>
                <th scope="row">{c.label}</th>
                {a.rings.map((r) => (
                  <td key={r.radius}>{r.assetCounts[c.id] ?? 0}</td>
                ))}
                <td className="nearest">{n ? `${n.name}, ${formatDistance(n.distanceM)}` : 'None listed'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {a.gaps.length ? (
        <>
          <p>Gaps:</p>
          <ul className="gaps">
            {a.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>What this tool cannot tell you</h4>
      <ul className="sub">
        {a.cannotTell.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <LinkSimplifiedNote />
      <div className="button-row no-print">
        <button type="button" onClick={() => printSummary()}>
          Download summary
        </button>
        <button type="button" onClick={() => downloadText(`site-appraisal-${today.toISOString().slice(0, 10)}.csv`, appraisalCsv(a, bundle, today), 'text/csv')}>
          Download CSV
        </button>
        <button
          type="button"
          onClick={() => downloadText(`site-and-catchments-${today.toISOString().slice(0, 10)}.geojson`, JSON.stringify(siteGeoJson(a.site, a.rings), null, 1), 'application/geo+json')}
        >
          Download GeoJSON
        </button>
      </div>
      <SummaryImage />
      <div className="print-only">
        <h4>Sources and attribution</h4>
        <ul className="sub">
          {bundle.place.attribution.map((t) => (
            <li key={t.text}>{t.text}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/**
 * One-page screening summary: the map (with its legend) as an image, then the tables; print or save as PDF.
 * Without the map (no WebGL, or it failed) the summary is printed at once and says the map is not available.
 */
function printSummary() {
  const noMap = useStore.getState().mapState === 'error';
  if (noMap) useStore.getState().setMapImage(null);
  else useStore.getState().requestMapImage();
  document.body.classList.add('printing-site');
  const done = () => {
    document.body.classList.remove('printing-site');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  // Give the map image a frame to arrive.
  setTimeout(() => window.print(), noMap ? 0 : 300);
}

function SummaryImage() {
  const src = useStore((s) => s.mapImage);
  const noMap = useStore((s) => s.mapState === 'error');
  if (noMap) return <p className="print-only site-map-missing">Map not available: this device could not show the map. The tables below are complete.</p>;
  return src ? <img className="print-only site-map-image" src={src} alt="Map of the site and its catchment rings, with legend" /> : null;
}

/** The link holds a simplified boundary (too detailed for a link): say how closely, and where the exact one is. */
function LinkSimplifiedNote() {
  const how = linkSimplification(useStore((s) => s.site));
  if (!how) return null;
  return (
    <p className="sub no-print link-simplified">
      {how.kind === 'simplified'
        ? `The link holds a simplified boundary (within ~${how.toleranceM.toLocaleString('en-GB')} m); download the GeoJSON for the exact one.`
        : 'This boundary is too detailed for a link: the link holds only its outline. Download the GeoJSON for the exact one.'}
    </p>
  );
}
