import type { GeographyId, IndicatorRecord } from '../lib/core/types';
import { capitalise, methodWords, statisticWords } from '../lib/indicators/words';
import { modelledWords } from '../lib/indicators/value';

/** Method, sources and limits, one click away. */
export function AboutIndicator({ ind, geography }: { ind: IndicatorRecord; geography?: GeographyId }) {
  return (
    <details className="about">
      <summary>
        About this indicator<span className="visually-hidden">: {ind.label}</span>
      </summary>
      <dl>
        <dt>Method</dt>
        <dd>{methodWords(ind.method)}</dd>
        {geography && ind.geographyMethod[geography] ? (
          <>
            <dt>At this geography</dt>
            <dd>{methodWords(ind.geographyMethod[geography])}</dd>
          </>
        ) : null}
        {ind.modelled ? (
          <>
            <dt>Uncertainty</dt>
            <dd>{modelledWords(ind).trim()}</dd>
          </>
        ) : null}
        {ind.modelled && ind.modelError ? (
          <>
            <dt>Model fit, before → after</dt>
            <dd>
              <table className="model-fit">
                <caption className="visually-hidden">Model fit figures before and after the current model</caption>
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {ind.modelError.fit.map(([what, before, after]) => (
                    <tr key={what}>
                      <th scope="row">{what}</th>
                      <td>{before}</td>
                      <td>{after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </dd>
          </>
        ) : null}
        <dt>Caveats</dt>
        <dd>{methodWords(ind.caveats)}</dd>
        <dt>Period</dt>
        <dd>{methodWords(ind.period)}</dd>
        <dt>Source</dt>
        <dd>
          {methodWords(ind.source)} ({ind.licence})
        </dd>
        {ind.england ? (
          <>
            <dt>England value</dt>
            <dd>{capitalise(statisticWords(ind.england.statistic, { decimals: ind.decimals }))}.</dd>
          </>
        ) : null}
        {ind.borough ? (
          <>
            <dt>Borough value</dt>
            <dd>{capitalise(statisticWords(ind.borough.statistic, { decimals: ind.decimals }))}.</dd>
          </>
        ) : null}
        {ind.boroughOfficial ? (
          <>
            <dt>Official borough figure</dt>
            <dd>
              {ind.boroughOfficial.value}
              {ind.boroughOfficial.rank != null ? `, rank ${ind.boroughOfficial.rank} of ${ind.boroughOfficial.rankOf} ${ind.boroughOfficial.rankUnit ?? ''} (1 = most deprived)` : ''} ({methodWords(ind.boroughOfficial.source)}). {ind.boroughOfficial.why}
            </dd>
          </>
        ) : null}
        {ind.rankOf ? (
          <>
            <dt>Ranks</dt>
            <dd>An LSOA’s profile shows its published national rank beside its decile (1 = most deprived of {ind.rankOf.toLocaleString('en-GB')} LSOAs in England).</dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
