import type { GeographyId, IndicatorRecord } from '../lib/core/types';
import { capitalise, methodWords, statisticWords } from '../lib/indicators/words';

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
      </dl>
    </details>
  );
}
