import { memo, useMemo } from 'react';
import { useStore } from '../store';
import { WithValues } from './WithValues';
import { GEOGRAPHY_LABEL, type GeographyId, type IndicatorBundle, type IndicatorRecord } from '../lib/core/types';
import { areaValue, boroughValue, type PlaceValue } from '../lib/indicators/value';
import { periodChange, periodLabel } from '../lib/indicators/periods';
import { themesWithMeasures } from '../lib/places/focus';
import { formatNumber, formatValue } from '../lib/core/format';
import { CategoryBadge } from './CategoryBadge';
import { AboutIndicator } from './AboutIndicator';
import { PostcodeResult } from './PostcodeResult';
import { ValueCell } from './ValueCell';
import { OwnDataTag } from './OwnDataTag';
import { AreaServingPractices } from './ServingPracticesLazy';
import { countRender } from '../ui/renderCount';
import { useFirstViewDrawn } from '../data/firstView';


function ComparisonText({ ind, v }: { ind: IndicatorRecord; v: PlaceValue }) {
  if (ind.compare === 'decile' && v.decile != null)
    return (
      <span>
        National decile {v.decile}
        <span className="sub"> (1 = most deprived 10% in England)</span>
      </span>
    );
  return <CategoryBadge category={v.category} level={ind.compare === 'interval' ? '95%' : undefined} why={v.notComparedWhy} />;
}

/** The chosen area's name, codes and residents, with "Add to comparison"; the borough when nothing is chosen. */
export function AreaHead({ compact = false }: { compact?: boolean }) {
  const bundle = useStore((s) => s.bundle)!;
  const geography = useStore((s) => s.geography);
  const selected = useStore((s) => s.selected);
  const setShare = useStore((s) => s.setShare);
  const addToComparison = useStore((s) => s.addToComparison);
  const inComparison = useStore((s) => (selected ? s.comparison.includes(`${geography}:${selected}`) : false));
  const i = selected ? bundle.areas[geography].codes.indexOf(selected) : -1;
  const isArea = i >= 0;
  const place = bundle.place.name;
  if (compact && !isArea) return <p className="sub">Click an area on the map, or search one, to add it to the comparison.</p>;
  return (
    <div className="profile-head">
      <p className="profile-name">{isArea ? bundle.areas[geography].names[i] : place}</p>
      <p className="sub">
        {isArea ? (
          <>
            {GEOGRAPHY_LABEL[geography]} {selected}
            {bundle.areas[geography].aliases[i] ? ` · ${bundle.areas[geography].aliases[i]}` : ''} · {formatNumber(bundle.areas[geography].residents[i], 0)} residents
            {geography === 'ward' ? ' (estimated)' : ''}
          </>
        ) : (
          <>Local authority {bundle.place.code} · click an area on the map, or search, to see its profile</>
        )}
      </p>
      {isArea ? (
        <div className="button-row">
          <button type="button" onClick={() => addToComparison(`${geography}:${selected}`)} disabled={inComparison}>
            {/* In the compare task the neighbourhood picker has the "Add to comparison" button; this one names the area. */}
            {inComparison ? 'In the comparison' : compact ? `Add ${bundle.areas[geography].names[i]} to comparison` : 'Add to comparison'}
          </button>
          {compact ? null : (
            <button type="button" className="link-button" onClick={() => setShare({ selected: null })}>
              Back to {place}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}

const NONE: readonly string[] = [];

export function AreaProfile() {
  countRender('AreaProfile');
  const bundle = useStore((s) => s.bundle)!;
  const geography = useStore((s) => s.geography);
  const selected = useStore((s) => s.selected);
  const i = selected ? bundle.areas[geography].codes.indexOf(selected) : -1;
  return (
    <section className="profile" aria-labelledby="profile-title">
      <h2 id="profile-title">Area profile</h2>
      <PostcodeResult />
      <AreaHead />
      {/* The borough's profile reads only each indicator's description; an area's needs every indicator's values. */}
      <WithValues ids={i >= 0 ? 'all' : NONE}>
        <ProfileTables bundle={bundle} geography={geography} index={i} />
        {i >= 0 ? <AreaServingPractices geography={geography} index={i} /> : null}
      </WithValues>
    </section>
  );
}

/** For indicators with an earlier period: the earlier value and whether the change is beyond the intervals. */
function Trend({ bundle, ind, geography, index }: { bundle: IndicatorBundle; ind: IndicatorRecord; geography: GeographyId; index: number }) {
  const prev = ind.previousId ? bundle.indicators.find((i) => i.id === ind.previousId) : undefined;
  if (!prev) return null;
  const a = index >= 0 ? areaValue(prev, geography, index) : boroughValue(prev);
  const b = index >= 0 ? areaValue(ind, geography, index) : boroughValue(ind);
  return <span className="sub block trend">{periodChange(b, a, ind, periodLabel(prev)).words}</span>;
}

/** Borough-only indicators (no small-area data): the borough figure, labelled as such, against England. */
function BoroughOnlyRows({ bundle, isArea }: { bundle: IndicatorBundle; isArea: boolean }) {
  if (!bundle.boroughIndicators.length) return null;
  return (
    <>
      <tr className="theme-row">
        <th scope="colgroup" colSpan={isArea ? 5 : 4}>
          Lifestyle and life expectancy ({bundle.place.name} only: no small-area data)
        </th>
      </tr>
      {bundle.boroughIndicators.map((bi) => (
        <tr key={bi.id} data-indicator={bi.id}>
          <th scope="row">
            {bi.label}
            <span className="sub">
              {' '}
              · {bi.unit} · {bi.age} · {bi.period}
            </span>
            <span className="sub block">{bi.source}</span>
          </th>
          {isArea ? <td className="sub">Borough figure only</td> : null}
          <td>
            {formatNumber(bi.borough, bi.decimals)}
            {bi.unit === '%' ? '%' : ''}
            {isArea ? <span className="sub block">({bundle.place.name} figure)</span> : null}
          </td>
          <td>
            {formatNumber(bi.england, bi.decimals)}
            {bi.unit === '%' ? '%' : ''}
          </td>
          <td>
            {bi.published === 'Not compared' ? 'Not compared' : `${bi.published} (${bundle.place.name}, as published by OHID)`}
          </td>
        </tr>
      ))}
    </>
  );
}

/** One collapsible section per theme, so the profile is a list of headings until a person opens one. */
function ProfileTables({ bundle, geography, index }: { bundle: IndicatorBundle; geography: GeographyId; index: number }) {
  countRender('ProfileTables');
  // Only a chosen area's profile follows the map's indicator (so the borough profile does not redraw on every change).
  const current = useStore((s) => (index >= 0 ? s.indicator : null));
  const themes = useMemo(() => themesWithMeasures(bundle), [bundle]);
  // Once an area is chosen, the section holding the map's indicator (or its measure) starts open; before, all are closed.
  const currentTheme = index >= 0 ? themes.find((t) => t.indicators.some((i) => i.id === current || i.previousId === current))?.theme : undefined;
  // Closed sections' tables (most of the panel's elements) are added once the first map view is drawn, so
  // they do not delay it; an open section's table is there at once.
  const allTables = useFirstViewDrawn();
  return (
    <div className="profile-sections">
      {themes.map(({ theme, indicators: inds }) => (
        <details key={theme} className="profile-section" open={theme === currentTheme || undefined}>
          <summary>
            {theme} <span className="sub">({inds.length})</span>
          </summary>
          {allTables || theme === currentTheme ? <ProfileTable bundle={bundle} geography={geography} index={index} caption={theme} inds={inds} /> : null}
        </details>
      ))}
      {bundle.boroughIndicators.length ? (
        <details className="profile-section">
          <summary>
            Lifestyle and life expectancy <span className="sub">({bundle.boroughIndicators.length}, borough only)</span>
          </summary>
          {allTables ? <ProfileTable bundle={bundle} geography={geography} index={index} caption="Lifestyle and life expectancy" inds={[]} boroughOnly /> : null}
        </details>
      ) : null}
    </div>
  );
}

// Memoised: with an area chosen, a change of the map's indicator only moves which section starts open.
const ProfileTable = memo(function ProfileTable({
  bundle,
  geography,
  index,
  caption,
  inds,
  boroughOnly = false,
}: {
  bundle: IndicatorBundle;
  geography: GeographyId;
  index: number;
  caption: string;
  inds: IndicatorRecord[];
  boroughOnly?: boolean;
}) {
  const isArea = index >= 0;
  return (
    <table className="profile-table">
      <caption className="visually-hidden">
        {caption}: {isArea ? bundle.areas[geography].names[index] : bundle.place.name}
        {isArea ? `, ${bundle.place.name}` : ''} and England
      </caption>
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          {isArea ? <th scope="col">This area</th> : null}
          <th scope="col">{bundle.place.name}</th>
          <th scope="col">England</th>
          <th scope="col">{isArea ? 'This area compared with England' : 'Compared with England'}</th>
        </tr>
      </thead>
      <tbody>
        {boroughOnly ? <BoroughOnlyRows bundle={bundle} isArea={isArea} /> : null}
        {inds.map((ind) => {
          const borough = boroughValue(ind);
          const cell = isArea ? areaValue(ind, geography, index) : borough;
          return (
            <tr key={ind.id} data-indicator={ind.id}>
              <th scope="row">
                {ind.label}
                <span className="sub"> · {ind.unit}</span>
                {isArea && ind.modelled ? <span className="tag">modelled estimate</span> : isArea && ind.derived?.[geography] ? <span className="tag">estimated</span> : null}
                <OwnDataTag ind={ind} />
                <Trend bundle={bundle} ind={ind} geography={geography} index={index} />
                <AboutIndicator ind={ind} geography={geography} />
              </th>
              {isArea ? <ValueCell ind={ind} v={cell} /> : null}
              {isArea ? <td>{formatValue(borough.value, ind)}</td> : <ValueCell ind={ind} v={borough} />}
              <td>{ind.england ? formatValue(ind.england.value, ind) : 'No data'}</td>
              <td>
                <ComparisonText ind={ind} v={cell} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
