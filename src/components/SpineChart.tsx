import type { ComparisonRow } from '../lib/places/comparison';
import { CATEGORY_STYLE } from '../lib/indicators/benchmark';

const W = 170;
const ROW = 13;

/** A compact chart: each place as a numbered dot with its interval, England dashed, the borough grey. */
export function SpineChart({ row }: { row: ComparisonRow }) {
  const vals = row.places.flatMap((v) => [v.value, v.lower, v.upper]).concat([row.england.value, row.borough.value]).filter((x): x is number => x != null && Number.isFinite(x));
  if (!vals.length) return <span className="sub">No data</span>;
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.05;
  const x = (v: number) => 6 + ((v - lo + pad) / (hi - lo + 2 * pad)) * (W - 12);
  const h = row.places.length * ROW + 6;
  return (
    <svg width={W} height={h} role="img" aria-label={`Chart of ${row.ind.label}: values are in the table`} className="spine">
      {row.borough.value != null ? <line x1={x(row.borough.value)} x2={x(row.borough.value)} y1={0} y2={h} stroke="#8a8a8a" strokeWidth={2} /> : null}
      {row.england.value != null ? <line x1={x(row.england.value)} x2={x(row.england.value)} y1={0} y2={h} stroke="#0b0c0c" strokeDasharray="3 2" /> : null}
      {row.places.map((v, k) => {
        if (v.value == null) return null;
        const y = 3 + k * ROW + ROW / 2;
        const fill = CATEGORY_STYLE[v.category].fill ?? '#ffffff';
        return (
          <g key={k}>
            {v.lower != null && v.upper != null ? <line x1={x(v.lower)} x2={x(v.upper)} y1={y} y2={y} stroke="#0b0c0c" /> : null}
            <circle cx={x(v.value)} cy={y} r={5} fill={fill} stroke="#0b0c0c" />
            <text x={x(v.value)} y={y + 3} fontSize={7} textAnchor="middle" fill={CATEGORY_STYLE[v.category].text}>
              {k + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
