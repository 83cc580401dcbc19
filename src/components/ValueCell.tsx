import type { ReactNode } from 'react';
import type { IndicatorRecord } from '../lib/core/types';
import type { PlaceValue } from '../lib/indicators/value';
import { formatNumber, formatValue } from '../lib/core/format';

/** A value with its 95% interval (where one exists), and anything else the table wants under it. */
export function ValueCell({ ind, v, children }: { ind: IndicatorRecord; v: PlaceValue; children?: ReactNode }) {
  return (
    <td>
      <span className="value">{formatValue(v.value, ind)}</span>
      {v.lower != null && v.upper != null ? (
        <span className="sub block">
          95% CI {formatNumber(v.lower, ind.decimals)}–{formatNumber(v.upper, ind.decimals)}
        </span>
      ) : null}
      {v.rank != null && v.rankOf ? (
        <span className="sub block rank">
          Rank {formatNumber(v.rank, 0)} of {formatNumber(v.rankOf, 0)} in England (1 = most deprived)
        </span>
      ) : null}
      {v.official ? (
        <span className="sub block official">
          Official figure {formatNumber(v.official.value, ind.decimals + 1)}
          {v.official.rank != null ? `, rank ${formatNumber(v.official.rank, 0)} of ${formatNumber(v.official.rankOf ?? null, 0)} ${v.official.rankUnit ?? ''} (1 = most deprived)` : ''}. {v.official.why}
        </span>
      ) : null}
      {children}
    </td>
  );
}
