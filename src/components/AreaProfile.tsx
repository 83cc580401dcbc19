import { Fragment } from 'react';
import { useStore } from '../store';
import { GEOGRAPHY_LABEL, type GeographyId, type IndicatorBundle, type IndicatorRecord } from '../lib/core/types';
import { areaValue, boroughValue, changeBeyondIntervals, type PlaceValue } from '../lib/indicators/value';
import { formatNumber, formatValue } from '../lib/core/format';
import { CategoryBadge } from './CategoryBadge';
import { AboutIndicator } from './AboutIndicator';
import { PostcodeResult } from './PostcodeResult';
import { ValueCell } from './ValueCell';


function ComparisonText({ ind, v }: { ind: IndicatorRecord; v: PlaceValue }) {
  if (ind.compare === 'decile' && v.decile != null)
    return (
      <span>
        National decile {v.decile}
        <span className="sub"> (1 = most deprived 10% in England)</span>
      </span>
    );
  return <CategoryBadge category={v.category} level={ind.compare === 'interval' ? '95%' : undefined} />;
}

export function AreaProfile() {
  const bundle = useStore((s) => s.bundle)!;
  const geography = useStore((s) => s.geography);
  const selected = useStore((s) => s.selected);
  const setShare = useStore((s) => s.setShare);
  const addToComparison = useStore((s) => s.addToComparison);
  const inComparison = useStore((s) => (selected ? s.comparison.includes(`${geography}:${selected}`) : false));
  const i = selected ? bundle.areas[geography].codes.indexOf(selected) : -1;
  const isArea = i >= 0;
  const place = bundle.place.name;
  const title = isArea ? bundle.areas[geography].names[i] : place;

  return (
    <section className="profile" aria-labelledby="profile-title">
      <h2 id="profile-title">Area profile</h2>
      <PostcodeResult />
      <div className="profile-head">
        <p className="profile-name">{title}</p>
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
              {inComparison ? 'In the comparison' : 'Add to comparison'}
            </button>
            <button type="button" className="link-button" onClick={() => setShare({ selected: null })}>
              Back to {place}
            </button>
          </div>
        ) : null}
      </div>
      <ProfileTable bundle={bundle} geography={geography} index={i} />
    </section>
  );
}

/** For indicators with an earlier period: the earlier value and whether the change is beyond the intervals. */
function Trend({ bundle, ind, geography, index }: { bundle: IndicatorBundle; ind: IndicatorRecord; geography: GeographyId; index: number }) {
  const prev = ind.previousId ? bundle.indicators.find((i) => i.id === ind.previousId) : undefined;
  if (!prev) return null;
  const a = index >= 0 ? areaValue(prev, geography, index) : boroughValue(prev);
  const b = index >= 0 ? areaValue(ind, geography, index) : boroughValue(ind);
  const beyond = changeBeyondIntervals(a, b);
  return (
    <span className="sub block trend">
      {prev.qof?.year ?? 'Earlier'}: {formatValue(a.value, prev)} → {ind.qof?.year ?? 'latest'}: {formatValue(b.value, ind)}
      {beyond === null ? '' : beyond ? ' · change beyond the 95% intervals' : ' · change within the 95% intervals'}
    </span>
  );
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

function ProfileTable({ bundle, geography, index }: { bundle: IndicatorBundle; geography: GeographyId; index: number }) {
  const isArea = index >= 0;
  return (
    <table className="profile-table">
      <caption className="visually-hidden">
        Every indicator for {isArea ? bundle.areas[geography].names[index] : bundle.place.name}
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
        {bundle.themes.map((theme) => (
          <Fragment key={theme}>
            <tr className="theme-row">
              <th scope="colgroup" colSpan={isArea ? 5 : 4}>
                {theme}
              </th>
            </tr>
            {bundle.indicators
              .filter((ind) => ind.theme === theme)
              .map((ind) => {
                const borough = boroughValue(ind);
                const cell = isArea ? areaValue(ind, geography, index) : borough;
                return (
                  <tr key={ind.id} data-indicator={ind.id}>
                    <th scope="row">
                      {ind.label}
                      <span className="sub"> · {ind.unit}</span>
                      {isArea && ind.modelled ? <span className="tag">modelled estimate</span> : isArea && ind.derived?.[geography] ? <span className="tag">estimated</span> : null}
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
          </Fragment>
        ))}
        <BoroughOnlyRows bundle={bundle} isArea={isArea} />
      </tbody>
    </table>
  );
}

