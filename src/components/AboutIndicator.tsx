import type { GeographyId, IndicatorRecord } from '../lib/core/types';

/** Method, sources and limits, one click away. */
export function AboutIndicator({ ind, geography }: { ind: IndicatorRecord; geography?: GeographyId }) {
  return (
    <details className="about">
      <summary>
        About this indicator<span className="visually-hidden">: {ind.label}</span>
      </summary>
      <dl>
        <dt>Method</dt>
        <dd>{ind.method}</dd>
        {geography && ind.geographyMethod[geography] ? (
          <>
            <dt>At this geography</dt>
            <dd>{ind.geographyMethod[geography]}</dd>
          </>
        ) : null}
        <dt>Caveats</dt>
        <dd>{ind.caveats}</dd>
        <dt>Period</dt>
        <dd>{ind.period}</dd>
        <dt>Source</dt>
        <dd>
          {ind.source} ({ind.licence})
        </dd>
        {ind.england ? (
          <>
            <dt>England value</dt>
            <dd>{ind.england.statistic}</dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
