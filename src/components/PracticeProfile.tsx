import { Fragment } from 'react';
import { useStore } from '../store';
import { practiceValue } from '../lib/health/practices';
import { changeBeyondIntervals, type PlaceValue } from '../lib/indicators/value';
import { formatNumber, formatValue } from '../lib/core/format';
import { CategoryBadge } from './CategoryBadge';
import type { IndicatorRecord } from '../lib/core/types';

function ciText(v: PlaceValue | null, ind: IndicatorRecord) {
  return v?.lower != null && v.upper != null ? `${formatNumber(v.lower, ind.decimals)}–${formatNumber(v.upper, ind.decimals)}` : '–';
}

/** Everything published for one GP practice: counts, prevalence, interval, England, both years. */
export function PracticeProfile() {
  const bundle = useStore((s) => s.bundle)!;
  const code = useStore((s) => s.practice);
  const setShare = useStore((s) => s.setShare);
  const p = bundle.practices.find((x) => x.code === code);
  if (!p) return null;
  const latest = bundle.indicators.filter((i) => i.qof && i.previousId !== undefined);
  const years = bundle.qof.years;
  return (
    <section className="practice-profile" aria-labelledby="practice-title">
      <h2 id="practice-title">Practice profile</h2>
      <p className="profile-name">{p.name}</p>
      <p className="sub">
        Practice code {p.code} · primary care network: {p.pcnName} · {p.postcode ?? 'no postcode published'} · registered patients{' '}
        {years.map((y) => `${formatNumber(p.listSize[y], 0)} (${y})`).join(', ')}
      </p>
      <p className="sub">
        {p.lon != null
          ? 'Shown on the map at the centre of its postcode (OS Code-Point Open), not at the building.'
          : 'Not on the map: no postcode is published for this practice.'}{' '}
        Values are as published by NHS England for the practice’s registered patients (not modelled).
      </p>
      <div className="button-row">
        <button type="button" onClick={() => useStore.getState().addToComparison(`pcn:${p.pcnCode}`)}>
          Add to comparison<span className="visually-hidden">: {p.pcnName}</span>
        </button>
        <span className="sub">(adds its primary care network, {p.pcnName})</span>
        <button type="button" className="link-button" onClick={() => setShare({ practice: null })}>
          Close practice profile<span className="visually-hidden">: {p.name}</span>
        </button>
      </div>
      <table className="profile-table practice-table">
        <caption className="visually-hidden">Recorded prevalence at {p.name}</caption>
        <thead>
          <tr>
            <th scope="col">Condition</th>
            <th scope="col">Year</th>
            <th scope="col">Patients on the register</th>
            <th scope="col">Patients counted (list in the condition’s age band)</th>
            <th scope="col">Recorded prevalence</th>
            <th scope="col">95% confidence interval</th>
            <th scope="col">England</th>
            <th scope="col">Compared with England</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((ind) => {
            const prev = bundle.indicators.find((i) => i.id === ind.previousId);
            const rows = [prev, ind].filter((x): x is IndicatorRecord => !!x);
            const vals = rows.map((r) => practiceValue(p, r));
            const beyond = vals.length === 2 && vals[0] && vals[1] ? changeBeyondIntervals(vals[0], vals[1]) : null;
            return (
              <Fragment key={ind.id}>
                {rows.map((r, k) => {
                  const v = vals[k];
                  return (
                    <tr key={r.id} data-indicator={r.id}>
                      {k === 0 ? (
                        <th scope="rowgroup" rowSpan={rows.length}>
                          {ind.label}
                          {beyond !== null ? (
                            <span className="sub block">
                              {years[0]} to {years[years.length - 1]}: {beyond ? 'change beyond the 95% intervals' : 'change within the 95% intervals'}
                            </span>
                          ) : null}
                        </th>
                      ) : null}
                      <td>{r.qof?.year}</td>
                      <td>{v?.numerator != null ? formatNumber(v.numerator, 0) : '–'}</td>
                      <td>{v?.denominator != null ? formatNumber(v.denominator, 0) : '–'}</td>
                      <td>{formatValue(v?.value, r)}</td>
                      <td>{ciText(v, r)}</td>
                      <td>{formatValue(r.england?.value, r)}</td>
                      <td>{v ? <CategoryBadge category={v.category} level="95%" /> : 'No data'}</td>
                    </tr>
                  );
                })}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
