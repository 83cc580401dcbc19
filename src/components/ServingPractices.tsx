import { useMemo, useState, type ReactNode } from 'react';
import { useStore, currentIndicator } from '../store';
import type { IndicatorBundle, IndicatorRecord, QuotedReport } from '../lib/core/types';
import { areaParts, servingPractices, type LsoaPart } from '../lib/health/serving';
import { commonYear, nearestYears, quotedFor } from '../lib/health/quoted';
import { practiceValue } from '../lib/health/practices';
import { latestIndicators, measureLabel } from '../lib/indicators/periods';
import { englandValue, poolLsoas } from '../lib/indicators/value';
import { formatNumber, formatValue } from '../lib/core/format';
import { useComparisonPlaces } from '../data/usePlaces';
import { ValueCell } from './ValueCell';
import { CategoryBadge } from './CategoryBadge';

/** A place as its LSOA parts (whole LSOAs at weight 1; wards by area overlap). */
export interface ServedPlace {
  name: string;
  parts: LsoaPart[];
}

/** The QOF year the profile shows: the map's, when the map shows a GP-recorded measure, else the latest. */
function useQofYear(bundle: IndicatorBundle): string {
  const ind = useStore((s) => currentIndicator(s));
  return ind?.qof?.year ?? bundle.qof.years[bundle.qof.years.length - 1];
}

/** The QOF indicator for a condition in a year. */
const qofIndicator = (bundle: IndicatorBundle, condition: string, year: string) => bundle.indicators.find((i) => i.qof?.condition === condition && i.qof.year === year);

/** Every QOF condition, in the bundle's order, as its indicator for `year`. */
function conditionsFor(bundle: IndicatorBundle, year: string): IndicatorRecord[] {
  return latestIndicators(bundle.indicators)
    .filter((i) => i.qof)
    .map((i) => qofIndicator(bundle, i.qof!.condition, year))
    .filter((i): i is IndicatorRecord => !!i);
}

/**
 * "Practices serving this area": the practices whose patients live in the place, their shares, and
 * their published values (the figures the pilot team can quote), with the note on any report's figures.
 */
export function ServingPractices({ place, level = 3, children }: { place: ServedPlace; level?: 2 | 3; children?: ReactNode }) {
  const bundle = useStore((s) => s.bundle)!;
  const setShare = useStore((s) => s.setShare);
  const year = useQofYear(bundle);
  const flows = bundle.qof.flows?.[year];
  const serving = useMemo(
    () => (flows ? servingPractices(flows, place.parts, bundle.practices.map((p) => p.listSize[year])) : null),
    [flows, place.parts, bundle.practices, year],
  );
  const conditions = conditionsFor(bundle, year);
  const H = `h${level}` as const;
  const exact = bundle.qof.method === 'registrations';
  const source = exact
    ? 'Shares are from registered patients by LSOA (NHS England, Patients Registered at a GP Practice), counted.'
    : 'Shares are modelled from where people live and practice list sizes (the gravity model described under each GP-recorded indicator), not counted: treat them as approximate.';
  return (
    <section className="serving" aria-labelledby="serving-title">
      <H id="serving-title">Practices serving this area</H>
      {children}
      <p className="sub">
        {place.name}, {year}: the GP practices whose registered patients live here, and each practice’s own published QOF figures for its whole list (as published by NHS England, not
        modelled). These are figures you can quote. {source}
      </p>
      <ReportNotes bundle={bundle} place={place} year={year} level={level} />
      {!serving ? (
        <p>No practice figures for {year} in this data build.</p>
      ) : serving.rows.length === 0 ? (
        <p>No practice’s patients are {exact ? 'recorded' : 'modelled'} as living in this area.</p>
      ) : (
        <>
          <div className="serving-scroll" tabIndex={0} role="region" aria-label={`Table: practices serving ${place.name}, ${year}`}>
            <table className="profile-table serving-table">
              <caption className="visually-hidden">
                Practices serving {place.name}: share of the area’s patients and published prevalence, {year}, compared with England
              </caption>
              <thead>
                <tr>
                  <th scope="col">Practice</th>
                  <th scope="col">Share of this area’s patients</th>
                  <th scope="col">Share of the practice’s list living here</th>
                  {conditions.map((ind) => (
                    <th scope="col" key={ind.id}>
                      {measureLabel(ind)} <span className="sub block">England {formatValue(ind.england?.value, ind)}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {serving.rows.map((r) => {
                  const p = bundle.practices[r.practice];
                  return (
                    <tr key={p.code} data-practice={p.code}>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => setShare({ practice: p.code, task: 'explore' })}>
                          {p.name}
                        </button>
                        <span className="sub block">{p.code}</span>
                      </th>
                      <td>{formatNumber(r.areaShare, 1)}%</td>
                      <td>{r.listShare == null ? 'No list size' : `${formatNumber(r.listShare, 1)}%`}</td>
                      {conditions.map((ind) => {
                        const v = practiceValue(p, ind);
                        return v ? (
                          <ValueCell key={ind.id} ind={ind} v={v}>
                            <span className="block">
                              <CategoryBadge category={v.category} level="95%" />
                            </span>
                          </ValueCell>
                        ) : (
                          <td key={ind.id}>No data</td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="sub">
            {serving.omitted.practices
              ? `${serving.omitted.practices} more practice${serving.omitted.practices === 1 ? '' : 's'}, each with under ${serving.threshold}% of this area’s patients (${formatNumber(serving.omitted.areaShare, 1)}% together), not listed. `
              : `Every practice with patients here is listed. `}
            Shares are of the area’s patients registered at the borough’s practices{exact ? ' in your file' : ' in the model'}; residents registered elsewhere are not counted.
            Practice values: published register ÷ list size, 95% Wilson interval, compared with England by the interval.
          </p>
        </>
      )}
    </section>
  );
}

/** For a place a report talks about: what the report says, our figures, and why the two differ. */
function ReportNotes({ bundle, place, year, level }: { bundle: IndicatorBundle; place: ServedPlace; year: string; level: number }) {
  const presets = useMemo(() => bundle.presets.map((p) => ({ id: p.id, lsoas: p.lsoas.map((c) => bundle.areas.lsoa.codes.indexOf(c)) })), [bundle]);
  const reports = quotedFor(bundle.quoted, presets, place.parts);
  return (
    <>
      {reports.map((q) => (
        <ReportNote key={q.id} bundle={bundle} place={place} q={q} year={year} level={level + 1} />
      ))}
    </>
  );
}

function ReportNote({ bundle, place, q, year, level }: { bundle: IndicatorBundle; place: ServedPlace; q: QuotedReport; year: string; level: number }) {
  const setShare = useStore((s) => s.setShare);
  const current = useStore((s) => currentIndicator(s));
  const lsoas = place.parts.map(([i]) => i);
  const near = nearestYears(q.figures, bundle.indicators);
  const likely = commonYear(near);
  const years = bundle.qof.years;
  const latest = years[years.length - 1];
  // One click to the year the report looks like: the map's measure in that year when it has one, else the report's first measure.
  const target = (y: string) => qofIndicator(bundle, current?.qof?.condition ?? q.figures[0].condition, y) ?? qofIndicator(bundle, q.figures[0].condition, y);
  const H = `h${Math.min(level, 6)}` as 'h3';
  const method = bundle.qof.method === 'registrations' ? 'from registered patients by LSOA' : 'modelled (gravity model)';
  return (
    <div className="report-note">
      <H>How these figures relate to {q.shortName}</H>
      <p>
        <span className="tag">quoted from {q.shortName}</span>
      </p>
      <blockquote>
        <p>“{q.quote}”</p>
        <footer className="sub">
          {q.author}, <cite>{q.title}</cite>. {q.section}. (Line {q.line} of the report’s text in the app’s data folder, {q.textFile}.) The report calls the area {q.areaWords}.
        </footer>
      </blockquote>
      <div className="serving-scroll" tabIndex={0} role="region" aria-label={`Table: ${q.shortName} and our figures for ${place.name}`}>
        <table className="profile-table report-table">
          <caption className="visually-hidden">
            The report’s figures and ours for {place.name}, by year
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Report (England)</th>
              {years.map((y) => (
                <th scope="col" key={y}>
                  Ours {y}, {method} (England)
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.figures.map((f) => (
              <tr key={f.condition}>
                <th scope="row">{f.words}</th>
                <td>
                  {formatNumber(f.area, 2)}% ({formatNumber(f.england, 2)}%)
                </td>
                {years.map((y) => {
                  const ind = qofIndicator(bundle, f.condition, y);
                  const v = ind ? poolLsoas(bundle, ind, lsoas) : null;
                  return (
                    <td key={y}>
                      {v ? `${formatNumber(v.value, 2)}%` : 'No data'} {ind ? `(${formatNumber(englandValue(ind).value, 2)}%)` : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>Why they differ, as far as we can tell:</p>
      <ul>
        <li>
          <strong>Period.</strong> The report does not say which year its figures are for.{' '}
          {likely
            ? `Its England figures are nearest our ${likely} England values (${near.map((n) => `${q.figures.find((f) => f.condition === n.condition)!.words} ${formatNumber(q.figures.find((f) => f.condition === n.condition)!.england, 2)}% against ${formatNumber(n.ours, 2)}%`).join('; ')}) without matching them exactly, so they look like ${likely} figures.`
            : 'Its England figures match none of our years, and point to different years for different measures.'}
        </li>
        <li>
          <strong>Basis.</strong> Ours for a neighbourhood are {method}: each practice’s published register is shared out over the small areas where its patients
          {bundle.qof.method === 'registrations' ? ' live' : ' are modelled to live'}, because NHS England publishes these figures by practice, not by where people live. The report’s England
          figures differ from the published practice totals too, so they look like figures counted by patients’ home address (a resident basis), which needs data we do not hold.
        </li>
        <li>
          <strong>Geography.</strong> Ours are for {place.name}: {lsoas.length} whole Census 2021 small areas (LSOAs). The report does not publish its boundary for {q.areaWords}, so it may
          cover a different area.
        </li>
      </ul>
      <p>The figures you can defend are each practice’s published values below: they are counted, not modelled.</p>
      <div className="button-row">
        {likely && likely !== year ? (
          <button type="button" onClick={() => setShare({ indicator: target(likely)?.id ?? current?.id })}>
            Show {likely}
          </button>
        ) : null}
        {likely && likely === year && latest !== year ? (
          <button type="button" onClick={() => setShare({ indicator: target(latest)?.id ?? current?.id })}>
            Back to {latest} (latest)
          </button>
        ) : null}
        <span className="sub" role="status">
          Showing {year}
          {year === latest ? ' (latest)' : ''} in these tables{current?.qof ? ' and on the map' : ''}.
        </span>
      </div>
    </div>
  );
}

/** In the comparison: the practices serving one of the compared areas (chosen when there are several). */
export function ComparisonServingPractices() {
  const places = useComparisonPlaces();
  const bundle = useStore((s) => s.bundle)!;
  const areas = useMemo(
    () =>
      places
        .filter((p) => p.lsoas || p.area)
        .map((p) => ({
          key: p.key,
          name: p.name,
          parts: p.lsoas ? p.lsoas.map((i) => [i, 1] as const) : areaParts(bundle.lsoaLinks, p.area!.geography, p.area!.index),
        })),
    [places, bundle],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  if (!areas.length) return null;
  // The last added is the one a person is most likely looking at.
  const place = areas.find((a) => a.key === chosen) ?? areas[areas.length - 1];
  return (
    <ServingPractices place={place} level={2}>
      {areas.length > 1 ? (
        <div className="field">
          <label htmlFor="serving-place">Practices serving</label>
          <select id="serving-place" value={place.key} onChange={(e) => setChosen(e.target.value)}>
            {areas.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </ServingPractices>
  );
}

/** In an area's profile: the practices serving the chosen ward, LSOA or MSOA. */
export function AreaServingPractices({ geography, index }: { geography: 'lsoa' | 'msoa' | 'ward'; index: number }) {
  const bundle = useStore((s) => s.bundle)!;
  const place = useMemo(() => ({ name: bundle.areas[geography].names[index], parts: areaParts(bundle.lsoaLinks, geography, index) }), [bundle, geography, index]);
  if (index < 0) return null;
  return <ServingPractices place={place} level={3} />;
}
