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
      {children}
    </td>
  );
}
