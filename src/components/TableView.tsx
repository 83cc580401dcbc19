import { useMemo, useState } from 'react';
import { useStore, currentIndicator } from '../store';
import { useChoropleth } from '../data/useChoropleth';
import { areaValue } from '../lib/indicators/value';
import { categoryWords } from '../lib/indicators/benchmark';
import { formatNumber, formatValue } from '../lib/core/format';
import { RankedChart } from './RankedChart';
import { OwnDataTag } from './OwnDataTag';

type SortKey = 'name' | 'value' | 'rank';

/** The accessible alternative to the map: every area in the current view, sortable. */
export function TableView() {
  const bundle = useStore((s) => s.bundle)!;
  const geography = useStore((s) => s.geography);
  const mode = useStore((s) => s.mode);
  const selected = useStore((s) => s.selected);
  const selectArea = useStore((s) => s.selectArea);
  const ind = useStore((s) => currentIndicator(s));
  const ch = useChoropleth();
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'rank', asc: true });

  const rows = useMemo(() => {
    if (!ind) return [];
    const a = bundle.areas[geography];
    const d = ind.data[geography];
    const vals = d?.values ?? [];
    // Rank 1 = highest value (ties share a rank).
    const sorted = vals.filter((v): v is number => v != null).sort((x, y) => y - x);
    return a.codes.map((code, i) => {
      const v = vals[i] ?? null;
      const pv = areaValue(ind, geography, i);
      const ci = pv.lower != null && pv.upper != null ? { lower: pv.lower, upper: pv.upper } : null;
      const comparison =
        ind.compare === 'interval'
          ? categoryWords(pv.category, '95%', pv.notComparedWhy)
          : ind.compare === 'decile'
            ? `National decile ${(ind.kind === 'decile' ? v : d?.deciles?.[i]) ?? 'n/a'}`
            : 'Not compared';
      return {
        code,
        name: a.names[i],
        value: v,
        rank: v == null ? null : sorted.indexOf(v) + 1,
        ci,
        comparison,
        mapClass: ch?.labels[code] ?? '',
      };
    });
  }, [bundle, geography, ind, ch]);

  const ordered = useMemo(() => {
    const r = [...rows];
    const dir = sort.asc ? 1 : -1;
    r.sort((x, y) => {
      if (sort.key === 'name') return dir * x.name.localeCompare(y.name);
      const a = sort.key === 'rank' ? x.rank : x.value;
      const b = sort.key === 'rank' ? y.rank : y.value;
      if (a == null) return 1;
      if (b == null) return -1;
      return dir * (a - b);
    });
    return r;
  }, [rows, sort]);

  if (!ind) return null;
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, asc: s.key === key ? !s.asc : true }))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
  return (
    <section className="table-view" aria-labelledby="table-title">
      <h2 id="table-title">
        {ind.label} by {geography === 'lsoa' ? 'LSOA' : geography === 'msoa' ? 'MSOA' : 'ward'}
      </h2>
      <OwnDataTag ind={ind} />
      <p className="sub">
        {[ind.unit, ind.period].filter(Boolean).join(' · ')}
        {ind.derived?.[geography] ? ' · values at this geography are estimated or derived' : ''}
        {ind.england ? ` · England ${formatValue(ind.england.value, ind)}` : ''}
      </p>
      <div className="table-and-chart">
      <div className="table-box">
      <table className="data-table">
        <thead>
          <tr>
            {header('name', 'Area')}
            <th scope="col">Code</th>
            {header('value', 'Value')}
            {header('rank', 'Rank')}
            <th scope="col">Compared with England</th>
            <th scope="col">{mode === 'benchmark' ? 'Map category' : 'Map class'}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((r) => (
            <tr key={r.code} aria-current={r.code === selected ? 'true' : undefined}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => selectArea(geography, r.code, true)}>
                  {r.name}
                </button>
              </th>
              <td>{r.code}</td>
              <td>
                {formatValue(r.value, ind)}
                {r.ci ? <span className="sub block">{`95% CI ${formatNumber(r.ci.lower, ind.decimals)}–${formatNumber(r.ci.upper, ind.decimals)}`}</span> : null}
              </td>
              <td>{r.rank ?? '–'}</td>
              <td>{r.comparison}</td>
              <td>{r.mapClass}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <div className="chart-box">
        <h3 id="chart-title">Chart: areas ranked, highest first</h3>
        <RankedChart ind={ind} geography={geography} />
      </div>
      </div>
    </section>
  );
}
