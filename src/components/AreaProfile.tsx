import { Fragment } from 'react';
import { useStore } from '../store';
import type { GeographyId, IndicatorBundle, IndicatorRecord } from '../lib/types';
import { areaCategory, areaInterval } from '../lib/choropleth';
import { wilsonInterval } from '../lib/ci';
import { compareWithBenchmark, type Category } from '../lib/compare';
import { formatNumber, formatValue } from '../lib/format';
import { CategoryBadge } from './CategoryBadge';
import { AboutIndicator } from './AboutIndicator';
import { PostcodeResult } from './PostcodeResult';

const GEO_NAME: Record<GeographyId, string> = { ward: 'Ward', lsoa: 'LSOA', msoa: 'MSOA' };

interface Cell {
  value: string;
  interval?: string;
  category: Category;
  decile?: number | null;
}

function intervalText(ci: { lower: number; upper: number } | null, ind: IndicatorRecord) {
  return ci ? `95% CI ${formatNumber(ci.lower, ind.decimals)}–${formatNumber(ci.upper, ind.decimals)}` : undefined;
}

function areaCell(ind: IndicatorRecord, geo: GeographyId, i: number): Cell {
  const d = ind.data[geo];
  if (!d) return { value: 'Not available', category: 'NotCompared' };
  const ci = areaInterval(ind, geo, i);
  return {
    value: formatValue(d.values[i], ind),
    interval: intervalText(ci, ind),
    category: areaCategory(ind, geo, i),
    decile: ind.kind === 'decile' ? d.values[i] : d.deciles?.[i],
  };
}

function boroughCell(ind: IndicatorRecord): Cell {
  const b = ind.borough;
  if (!b) return { value: 'No data', category: 'NotCompared' };
  const raw = b.numerator != null && b.denominator ? wilsonInterval(b.numerator, b.denominator) : null;
  const ci = raw ? { lower: raw.lower * 100, upper: raw.upper * 100 } : null;
  return {
    value: formatValue(b.value, ind),
    interval: ind.compare === 'interval' ? intervalText(ci, ind) : undefined,
    category: ind.compare === 'interval' ? compareWithBenchmark(ci, ind.england?.value, ind.polarity) : 'NotCompared',
  };
}

function ComparisonText({ ind, cell }: { ind: IndicatorRecord; cell: Cell }) {
  if (ind.compare === 'decile' && cell.decile != null)
    return (
      <span>
        National decile {cell.decile}
        <span className="sub"> (1 = most deprived 10% in England)</span>
      </span>
    );
  return <CategoryBadge category={cell.category} level={ind.compare === 'interval' ? '95%' : undefined} />;
}

export function AreaProfile() {
  const bundle = useStore((s) => s.bundle)!;
  const geography = useStore((s) => s.geography);
  const selected = useStore((s) => s.selected);
  const setShare = useStore((s) => s.setShare);
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
              {GEO_NAME[geography]} {selected}
              {bundle.areas[geography].aliases[i] ? ` · ${bundle.areas[geography].aliases[i]}` : ''} · {formatNumber(bundle.areas[geography].residents[i], 0)} residents
              {geography === 'ward' ? ' (estimated)' : ''}
            </>
          ) : (
            <>Local authority {bundle.place.code} · click an area on the map, or search, to see its profile</>
          )}
        </p>
        {isArea ? (
          <button type="button" className="link-button" onClick={() => setShare({ selected: null })}>
            Back to {place}
          </button>
        ) : null}
      </div>
      <ProfileTable bundle={bundle} geography={geography} index={i} />
    </section>
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
                const borough = boroughCell(ind);
                const cell = isArea ? areaCell(ind, geography, index) : borough;
                return (
                  <tr key={ind.id} data-indicator={ind.id}>
                    <th scope="row">
                      {ind.label}
                      <span className="sub"> · {ind.unit}</span>
                      {isArea && ind.derived?.[geography] ? <span className="tag">estimated</span> : null}
                      <AboutIndicator ind={ind} geography={geography} />
                    </th>
                    {isArea ? (
                      <td>
                        {cell.value}
                        {cell.interval ? <span className="sub block">{cell.interval}</span> : null}
                      </td>
                    ) : null}
                    <td>
                      {borough.value}
                      {!isArea && borough.interval ? <span className="sub block">{borough.interval}</span> : null}
                    </td>
                    <td>{ind.england ? formatValue(ind.england.value, ind) : 'No data'}</td>
                    <td>
                      <ComparisonText ind={ind} cell={cell} />
                    </td>
                  </tr>
                );
              })}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

