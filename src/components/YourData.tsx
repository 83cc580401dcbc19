import { useEffect, useMemo, useState } from 'react';
import { useStore } from '../store';
import { dataUrl, loadPostcodes } from '../data/load';
import { parseInWorker } from '../data/userData';
import { readHubsFile } from '../data/hubsFile';
import { addDataset, removeAllYourData, removeDataset } from '../data/yourData';
import { checkTable } from '../lib/userdata/check';
import { suggestColumns, type Lookups2011 } from '../lib/userdata/geography';
import { isHubsFile, locationColumns, readPointsCsv, readPointsGeoJson } from '../lib/userdata/points';
import { geocoderFromIndex } from '../lib/assets/hubs';
import { exactQofIndicators, looksLikePatientsByLsoa, parsePatientsByLsoa } from '../lib/health/exact';
import { USER_FILE_LIMIT_BYTES, type CheckReport, type ColumnChoice, type ParsedTable, type UserDataset, type UserIndicatorSpec } from '../lib/userdata/types';
import type { IndicatorBundle, Polarity } from '../lib/core/types';
import type { ExactQof, UserHubs, UserPoints } from '../store/data';
import { formatNumber } from '../lib/core/format';
import { FileField } from './FileField';
import { NoticeLine, useNotice } from './Messages';
import './yourdata.css';

/** What a chosen file turned out to be, waiting for "Apply" or "Cancel". Nothing is applied before. */
type Pending =
  | { kind: 'indicator'; table: ParsedTable; choice: ColumnChoice; spec: Omit<UserIndicatorSpec, 'columns'> }
  | { kind: 'points'; fileName: string; points: UserPoints; located: string; itemWord: 'row' | 'feature' }
  | { kind: 'patients'; exact: ExactQof; practices: number }
  | { kind: 'hubs'; hubs: UserHubs; message: string };

let lookupsPromise: Promise<Lookups2011 | undefined> | null = null;
/** The 2011 → 2021 lookups, fetched the first time a file needs them (absent in older data builds). */
function lookups2011(): Promise<Lookups2011 | undefined> {
  lookupsPromise ??= fetch(dataUrl('lookups-2011.json'))
    .then((r) => (r.ok ? (r.json() as Promise<Lookups2011>) : undefined))
    .catch(() => undefined);
  return lookupsPromise;
}

/** A short stable id from the file name and contents: "user_" + base-36 FNV-1a. */
function datasetId(fileName: string, table: ParsedTable, choice: ColumnChoice): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  };
  feed(fileName);
  feed(JSON.stringify(choice));
  for (const r of table.rows) feed(r.join('\u0001'));
  return `user_${h.toString(36)}`;
}

const POLARITY_WORDS: [Polarity, string][] = [
  ['NoJudgement', 'Neither better nor worse'],
  ['LowIsGood', 'Worse (lower is better)'],
  ['HighIsGood', 'Better (higher is better)'],
];

const stem = (fileName: string) => fileName.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[_-]+/g, ' ').trim() || fileName;

/**
 * "Your data": people's own files, read in this browser and never sent anywhere. An indicator CSV
 * (by LSOA, MSOA or ward; 2011 codes mapped), a file of places (CSV or GeoJSON), the NHS patients-by-LSOA
 * file, or the hubs-and-champions template. Each is previewed and checked before "Apply".
 */
export function YourData() {
  const bundle = useStore((s) => s.baseBundle)!;
  const datasets = useStore((s) => s.userDatasets);
  const points = useStore((s) => s.userPoints);
  const hubs = useStore((s) => s.userHubs);
  const exact = useStore((s) => s.exactQof);
  const dropped = useStore((s) => s.droppedFile);
  const [pending, setPending] = useState<Pending | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [lookups, setLookups] = useState<Lookups2011 | undefined>(undefined);
  const [notice, say] = useNotice();
  const hasAny = datasets.length > 0 || !!points || !!hubs || !!exact;
  // The check runs once per file and column choice (not on every keystroke in the name or unit).
  const table = pending?.kind === 'indicator' ? pending.table : null;
  const choice = pending?.kind === 'indicator' ? pending.choice : null;
  const check = useMemo(() => (table && choice ? checkTable(table, choice, bundle, lookups) : null), [table, choice, bundle, lookups]);

  async function onFile(file: File) {
    setPending(null);
    if (file.size > USER_FILE_LIMIT_BYTES)
      return say(`${file.name} is ${formatNumber(file.size / 1e6, 1)} MB; the limit is ${formatNumber(USER_FILE_LIMIT_BYTES / 1e6, 0)} MB. Nothing was added.`, 'error');
    say(`Reading ${file.name}…`);
    setProgress(0);
    try {
      if (await looksBinary(file)) return say(`${file.name} is not a text or CSV file. Nothing was added.`, 'error');
      if (/\.(geo)?json$/i.test(file.name)) {
        const text = await file.text();
        const res = readPointsGeoJson(text, await pointOptions(file.name, bundle));
        return offerPoints(file.name, res);
      }
      const table = await parseInWorker(file, (p) => setProgress(p.fraction));
      if (isHubsFile(table.columns)) {
        const res = await readHubsFile(file, bundle);
        if ('error' in res) return say(res.error, 'error');
        setPending({ kind: 'hubs', hubs: res.hubs, message: res.message });
        return say(`${file.name} is a hubs-and-champions file: check the summary below, then Apply.`);
      }
      if (looksLikePatientsByLsoa(table.columns)) {
        const parsed = parsePatientsByLsoa(table);
        if ('error' in parsed) return say(`${file.name}: ${parsed.error}`, 'error');
        const res = exactQofIndicators(bundle, parsed.rows, file.name, parsed.extractDate);
        if (res.error) return say(`${file.name}: ${res.error} Nothing was changed.`, 'error');
        const ours = new Set(bundle.practices.map((p) => p.code));
        const rows = parsed.rows.filter((r) => ours.has(r.practice));
        const practices = new Set(rows.map((r) => r.practice)).size;
        setPending({ kind: 'patients', practices, exact: { fileName: file.name, extractDate: parsed.extractDate, rows, indicators: res.indicators, warnings: [...parsed.warnings, ...res.warnings] } });
        return say(`${file.name} is the NHS file of patients registered by LSOA: check the summary below, then Apply.`);
      }
      const lk = await lookups2011();
      const choice = suggestColumns(table, bundle, lk);
      // No column of area codes or names, but places to put on the map: a file of points.
      const where = locationColumns(table.columns);
      if (!choice.area && (where.latLon || where.eastNorth || where.postcode)) return offerPoints(file.name, readPointsCsv(table, await pointOptions(file.name, bundle)));
      setLookups(lk);
      setPending({
        kind: 'indicator',
        table,
        choice,
        // A percentage only when counts are given or the value column says so: a score is never shown as "%" by default.
        spec: { name: stem(file.name), unit: (choice.count && choice.denominator) || /%|percent|pct/i.test(choice.value) ? '%' : '', polarity: 'NoJudgement', period: '', england: null, decimals: 1 },
      });
      say(`${file.name}: ${formatNumber(table.rows.length, 0)} rows read. Check the columns and the report below, then Apply.`);
    } catch (e) {
      say(`${file.name} could not be read: ${(e as Error).message} Nothing was added.`, 'error');
    } finally {
      setProgress(null);
    }
  }

  function offerPoints(fileName: string, res: ReturnType<typeof readPointsCsv>) {
    if (res.error) return say(`${fileName}: ${res.error} Nothing was added.`, 'error');
    if (!res.assets.length) return say(`${fileName}: no ${res.itemWord} could be placed on the map (${res.rejected.length} rejected). Nothing was added.`, 'error');
    const { byLatLon, byEastNorth, byPostcode } = res.located;
    const located = [byLatLon ? `${byLatLon} by latitude and longitude` : '', byEastNorth ? `${byEastNorth} by easting and northing` : '', byPostcode ? `${byPostcode} by postcode` : '']
      .filter(Boolean)
      .join(', ');
    setPending({ kind: 'points', fileName, located, itemWord: res.itemWord, points: { fileName, assets: res.assets, rejected: res.rejected, warnings: res.warnings } });
    say(`${fileName}: ${res.assets.length} places found. Check the summary below, then Apply.`);
  }

  // A file dropped anywhere on the app arrives here.
  useEffect(() => {
    if (!dropped) return;
    useStore.getState().setDroppedFile(null);
    void onFile(dropped);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);

  function apply() {
    if (!pending) return;
    const st = useStore.getState();
    if (pending.kind === 'indicator') {
      const { table, choice, spec } = pending;
      if (!check) return;
      const { report, checked } = check;
      if (!checked || report.errors.length) return say('The file has errors (listed below); nothing was added.', 'error');
      const ds: UserDataset = {
        id: datasetId(table.fileName, table, choice),
        fileName: table.fileName,
        addedAt: new Date().toISOString(),
        spec: { ...spec, name: spec.name.trim(), period: spec.period.trim() || 'period not stated', columns: choice },
        checked,
        notes: [report.geographyNote, ...report.warnings].filter(Boolean),
      };
      try {
        const id = addDataset(ds);
        // Shown at the file's own geography when the current one has no values (an MSOA or ward file).
        const ind = useStore.getState().bundle?.indicators.find((i) => i.id === id);
        const geography = ind?.data[st.geography] ? st.geography : checked.geography;
        st.setShare({ indicator: id, task: 'explore', geography });
        say(`Added “${spec.name}” from ${table.fileName}: it is on the map and in the Indicator list under “Your data”.`);
      } catch (e) {
        return say(`${table.fileName} could not be added: ${(e as Error).message} Nothing was changed.`, 'error');
      }
    } else if (pending.kind === 'points') {
      st.setUserPoints(pending.points);
      st.toggleLayer('user', true);
      say(`Added ${pending.points.assets.length} places from ${pending.fileName} as “Your points”: on the map in Near me, counted in Near here and in site appraisals.`);
    } else if (pending.kind === 'patients') {
      st.setExactQof(pending.exact);
      say(`GP-recorded conditions now use ${pending.exact.fileName}: registers apportioned by where each practice's patients live, not by the model.`);
    } else {
      st.setUserHubs(pending.hubs);
      for (const c of ['hub', 'champion_org'] as const) st.toggleLayer(c, true);
      say(pending.message);
    }
    setPending(null);
  }

  return (
    <section className="your-data" aria-labelledby="your-data-title">
      <h2 id="your-data-title">Your data</h2>
      <p className="sub">
        Add a CSV of values by LSOA, MSOA or ward (2011 codes are mapped to 2021), a list of places (CSV with coordinates or postcodes, or GeoJSON), the NHS file of patients registered
        at each GP practice by LSOA, or the hubs-and-champions template. Drop it on the app or choose it here. It is read in this browser and never sent anywhere; it stays in this browser
        until you remove it. Up to {formatNumber(USER_FILE_LIMIT_BYTES / 1e6, 0)} MB.
      </p>
      <FileField id="your-data-file" label="Add your data" accept=".csv,.tsv,.txt,.geojson,.json,text/csv,application/geo+json,application/json" onFile={(f) => void onFile(f)} />
      {progress !== null ? (
        <div className="your-data-progress">
          <label htmlFor="your-data-progress">Reading your file</label>
          <progress id="your-data-progress" max={1} value={progress} />
        </div>
      ) : null}
      <NoticeLine notice={notice} />
      {pending?.kind === 'indicator' ? (
        <IndicatorForm pending={pending} report={check!.report} onChange={setPending} />
      ) : pending ? (
        <Summary pending={pending} />
      ) : null}
      {pending ? (
        <div className="button-row">
          <button type="button" onClick={apply} disabled={pending.kind === 'indicator' && (!pending.spec.name.trim() || !check?.checked || check.report.errors.length > 0)}>
            Apply
          </button>
          <button
            type="button"
            onClick={() => {
              setPending(null);
              say('Cancelled: nothing was added.');
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {hasAny ? (
        <div className="your-data-applied">
          <h3>In use</h3>
          <ul>
            {datasets.map((d) => (
              <li key={d.id}>
                <strong>{d.spec.name}</strong> <span className="sub">({d.fileName}; under “Your data” in the Indicator list)</span>{' '}
                <button type="button" className="link-button" onClick={() => removeDataset(d.id)}>
                  Remove<span className="visually-hidden"> {d.spec.name}</span>
                </button>
                {d.notes.length ? <span className="sub block">{d.notes[0]}</span> : null}
              </li>
            ))}
            {points ? (
              <li>
                <strong>Your points</strong> <span className="sub">({points.fileName}; {points.assets.length} places, in Near me)</span>
              </li>
            ) : null}
            {exact ? (
              <li>
                <strong>GP-recorded conditions by registered patients’ LSOA</strong> <span className="sub">({exact.fileName}; replaces the modelled estimates)</span>
              </li>
            ) : null}
            {hubs ? (
              <li>
                <strong>Hubs and champions</strong> <span className="sub">({hubs.fileName}; in Near me)</span>
              </li>
            ) : null}
          </ul>
          <button
            type="button"
            onClick={() => {
              removeAllYourData();
              say('Your data was removed from the app and from this browser.');
            }}
          >
            Remove your data
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** True when the start of the file holds bytes no text file has (NULs, control characters): an image, a spreadsheet… */
async function looksBinary(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  let odd = 0;
  for (const b of head) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) odd++;
  return head.length > 0 && odd / head.length > 0.01;
}

async function pointOptions(fileName: string, bundle: IndicatorBundle) {
  const pcs = await loadPostcodes();
  const [minLon, minLat, maxLon, maxLat] = bundle.place.bounds;
  return {
    fileName,
    geocode: geocoderFromIndex(pcs, bundle.areas.ward.codes),
    // The borough's extent: a point outside it is kept (people cross boundaries) and shown faded.
    inBorough: (lon: number, lat: number) => lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat,
  };
}

function Summary({ pending }: { pending: Exclude<Pending, { kind: 'indicator' }> }) {
  if (pending.kind === 'points')
    return (
      <div className="your-data-report" role="region" aria-label="Check of your file">
        <p>
          {pending.points.assets.length} places found ({pending.located}); {pending.points.rejected.length} rows could not be placed.
        </p>
        <IssueList title="Not placed" issues={pending.points.rejected} word={pending.itemWord === 'feature' ? 'Feature' : 'Row'} />
        {pending.points.warnings.map((w) => (
          <p key={w} className="sub">
            {w}
          </p>
        ))}
      </div>
    );
  if (pending.kind === 'patients')
    return (
      <div className="your-data-report" role="region" aria-label="Check of your file">
        <p>
          {pending.practices} of the borough’s GP practices found{pending.exact.extractDate ? `, extract ${pending.exact.extractDate}` : ''}. Apply replaces the modelled small-area estimates of
          every GP-recorded condition with an apportionment by where each practice’s patients live.
        </p>
        {pending.exact.warnings.map((w) => (
          <p key={w} className="sub">
            {w}
          </p>
        ))}
      </div>
    );
  return (
    <div className="your-data-report" role="region" aria-label="Check of your file">
      <p>{pending.message}</p>
      {pending.hubs.warnings.map((w) => (
        <p key={w} className="sub">
          {w}
        </p>
      ))}
    </div>
  );
}

function IssueList({ title, issues, word = 'Row' }: { title: string; issues: { row: number; text: string }[]; word?: string }) {
  if (!issues.length) return null;
  return (
    <details>
      <summary>
        {title} ({formatNumber(issues.length, 0)})
      </summary>
      <ul className="your-data-issues">
        {issues.slice(0, 50).map((i) => (
          <li key={`${i.row}-${i.text}`}>
            {word} {i.row}: {i.text}
          </li>
        ))}
        {issues.length > 50 ? <li>… and {formatNumber(issues.length - 50, 0)} more</li> : null}
      </ul>
    </details>
  );
}

/** The preview, the column and measure choices, and the live check report. */
function IndicatorForm({ pending, report, onChange }: { pending: Extract<Pending, { kind: 'indicator' }>; report: CheckReport; onChange: (p: Pending) => void }) {
  const { table, choice, spec } = pending;
  const setChoice = (patch: Partial<ColumnChoice>) => onChange({ ...pending, choice: { ...choice, ...patch } });
  const setSpec = (patch: Partial<typeof spec>) => onChange({ ...pending, spec: { ...spec, ...patch } });
  const columnSelect = (id: keyof ColumnChoice, label: string, optional: boolean) => (
    <div className="field">
      <label htmlFor={`yd-${id}`}>{label}</label>
      <select id={`yd-${id}`} value={choice[id] ?? ''} onChange={(e) => setChoice({ [id]: e.target.value || undefined })}>
        {optional ? <option value="">None</option> : null}
        {table.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="your-data-form">
      <h3>Preview of {table.fileName}</h3>
      <div className="your-data-preview" tabIndex={0} role="region" aria-label={`Preview of ${table.fileName}`}>
        <table className="data-table">
          <caption className="visually-hidden">First rows of {table.fileName}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, 5).map((r, k) => (
              <tr key={k}>
                {r.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="field-row">
        {columnSelect('area', 'Area column', false)}
        {columnSelect('value', 'Value column', false)}
      </div>
      <div className="field-row">
        {columnSelect('count', 'Count column (optional)', true)}
        {columnSelect('denominator', 'Denominator column (optional)', true)}
      </div>
      <div className="field-row">
        {columnSelect('lower', 'Lower 95% limit column (optional)', true)}
        {columnSelect('upper', 'Upper 95% limit column (optional)', true)}
      </div>
      <div className="field">
        <label htmlFor="yd-name">Indicator name</label>
        <input id="yd-name" type="text" maxLength={80} value={spec.name} onChange={(e) => setSpec({ name: e.target.value })} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="yd-unit">Unit</label>
          <input id="yd-unit" type="text" maxLength={30} value={spec.unit} onChange={(e) => setSpec({ unit: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="yd-period">Period</label>
          <input id="yd-period" type="text" maxLength={40} placeholder="e.g. 2023-24" value={spec.period} onChange={(e) => setSpec({ period: e.target.value })} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="yd-polarity">Higher values are</label>
          <select id="yd-polarity" value={spec.polarity} onChange={(e) => setSpec({ polarity: e.target.value as Polarity })}>
            {POLARITY_WORDS.map(([p, w]) => (
              <option key={p} value={p}>
                {w}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="yd-england">England value (optional)</label>
          <input
            id="yd-england"
            type="text"
            inputMode="decimal"
            maxLength={20}
            value={spec.england ?? ''}
            onChange={(e) => {
              const v = e.target.value.trim() === '' ? null : Number(e.target.value.replace(/,/g, ''));
              setSpec({ england: v != null && Number.isFinite(v) ? v : null });
            }}
          />
        </div>
      </div>
      <Report report={report} />
    </div>
  );
}

function Report({ report }: { report: CheckReport }) {
  return (
    <div className="your-data-report" role="region" aria-label="Check of your file">
      <h3>Check</h3>
      <p>
        {formatNumber(report.matched, 0)} of {formatNumber(report.rows, 0)} rows matched. {report.geographyNote}
      </p>
      {report.errors.length ? (
        <ul className="your-data-errors">
          {report.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {report.warnings.length ? (
        <ul className="your-data-warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {report.suppressed ? <p className="sub">{formatNumber(report.suppressed, 0)} suppressed values (such as “*” or “c”) count as no data.</p> : null}
      <IssueList title="Codes not found" issues={report.unknown} />
      <IssueList title="Areas listed twice (the first is used)" issues={report.duplicates} />
      <IssueList title="Values that are not numbers" issues={report.nonNumeric} />
      <IssueList title="Counts larger than their denominators" issues={report.countOverDenominator} />
      {report.missingAreas.length ? (
        <details>
          <summary>Areas with no value ({formatNumber(report.missingAreas.length, 0)})</summary>
          <p className="sub">{report.missingAreas.slice(0, 60).join(', ')}</p>
        </details>
      ) : null}
    </div>
  );
}
