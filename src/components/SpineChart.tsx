import type { ReactNode } from 'react';
import type { ComparisonRow } from '../lib/places/comparison';
import { CATEGORY_STYLE, type Category } from '../lib/indicators/benchmark';
import { formatValue } from '../lib/core/format';
import type { PlaceValue } from '../lib/indicators/value';
import './charts.css';

const W = 170;
const ROW = 13;
/** Drawing styles shared by the chart and its key, so the key always matches. */
const INK = '#0b0c0c';
/** "Better than England" → "better than England". */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const BOROUGH_GREY = '#8a8a8a';
const ENGLAND_DASH = '3 2';

/** One place in words for the chart's accessible name: "1 <place name> 18.2% (higher than England)". */
function placeWords(row: ComparisonRow, v: PlaceValue, k: number, name: string | undefined): string {
  const who = name ? `${k + 1} ${name}` : `place ${k + 1}`;
  if (v.value == null) return `${who} no data`;
  const cat = v.category === 'NotCompared' ? '' : ` (${lowerFirst(CATEGORY_STYLE[v.category].words)})`;
  return `${who} ${formatValue(v.value, row.ind)}${cat}`;
}

/** The spine chart's accessible name: every dot and line in words. */
export function spineLabel(row: ComparisonRow, placeNames?: readonly string[], placeName?: string): string {
  const dots = row.places.map((v, k) => placeWords(row, v, k, placeNames?.[k])).join('; ');
  const lines = [
    row.england.value != null ? `dashed line England ${formatValue(row.england.value, row.ind)}` : null,
    row.borough.value != null ? `grey line ${placeName ?? 'the borough'} ${formatValue(row.borough.value, row.ind)}` : null,
  ].filter(Boolean);
  const intervals = row.places.some((v) => v.lower != null && v.upper != null) ? ' with 95% intervals' : '';
  return `Chart of ${row.ind.label}: numbered dots for the places${intervals}: ${dots || 'none'}${lines.length ? `; ${lines.join(', ')}` : ''}`;
}

/**
 * A compact chart: each place as a numbered dot with its interval, England dashed, the borough grey.
 * `placeNames` (in the places' order) and `placeName` (the borough) make its accessible name say
 * which dot is which; without them the dots are "place 1", "place 2"… SpineKey explains it.
 */
export function SpineChart({ row, placeNames, placeName }: { row: ComparisonRow; placeNames?: readonly string[]; placeName?: string }) {
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
    <svg width={W} height={h} role="img" aria-label={spineLabel(row, placeNames, placeName)} className="spine">
      {row.borough.value != null ? <line x1={x(row.borough.value)} x2={x(row.borough.value)} y1={0} y2={h} stroke={BOROUGH_GREY} strokeWidth={2} /> : null}
      {row.england.value != null ? <line x1={x(row.england.value)} x2={x(row.england.value)} y1={0} y2={h} stroke={INK} strokeDasharray={ENGLAND_DASH} /> : null}
      {row.places.map((v, k) => {
        if (v.value == null) return null;
        const y = 3 + k * ROW + ROW / 2;
        return (
          <g key={k}>
            {v.lower != null && v.upper != null ? <line x1={x(v.lower)} x2={x(v.upper)} y1={y} y2={y} stroke={INK} /> : null}
            <Dot cx={x(v.value)} cy={y} n={k + 1} category={v.category} />
          </g>
        );
      })}
    </svg>
  );
}

function Dot({ cx, cy, n, category }: { cx: number; cy: number; n: number; category: Category }) {
  return (
    <>
      <circle cx={cx} cy={cy} r={5} fill={CATEGORY_STYLE[category].fill ?? '#ffffff'} stroke={INK} />
      <text x={cx} y={cy + 3} fontSize={7} textAnchor="middle" fill={CATEGORY_STYLE[category].text}>
        {n}
      </text>
    </>
  );
}

/** A small picture for one key entry (decorative: the words beside it say the same). */
function KeyIcon({ children }: { children: ReactNode }) {
  return (
    <svg width={26} height={14} viewBox="0 0 26 14" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const KEY_CATEGORIES: Category[] = ['Better', 'Similar', 'Worse', 'Lower', 'Higher', 'NotCompared'];

/**
 * The key to the spine chart: what the dots, lines and colours mean, each drawn as in the chart with
 * its words beside it. `placeName` is the borough's name (the grey line). `colours` (default true)
 * adds one entry per comparison colour.
 */
export function SpineKey({ placeName, colours = true }: { placeName: string; colours?: boolean }) {
  return (
    <ul className="spine-key" aria-label="Key to the chart">
      <li>
        <KeyIcon>
          <Dot cx={13} cy={7} n={1} category="NotCompared" />
        </KeyIcon>
        Numbered dot: a place (numbered as in the list of places and the table’s columns)
      </li>
      <li>
        <KeyIcon>
          <line x1={2} x2={24} y1={7} y2={7} stroke={INK} />
          <circle cx={13} cy={7} r={3} fill="#ffffff" stroke={INK} />
        </KeyIcon>
        Line through a dot: the place’s 95% interval
      </li>
      <li>
        <KeyIcon>
          <line x1={13} x2={13} y1={0} y2={14} stroke={INK} strokeDasharray={ENGLAND_DASH} />
        </KeyIcon>
        Dashed line: England
      </li>
      <li>
        <KeyIcon>
          <line x1={13} x2={13} y1={0} y2={14} stroke={BOROUGH_GREY} strokeWidth={2} />
        </KeyIcon>
        Grey line: {placeName}
      </li>
      {colours
        ? KEY_CATEGORIES.map((c) => (
            <li key={c}>
              <KeyIcon>
                <Dot cx={13} cy={7} n={1} category={c} />
              </KeyIcon>
              {c === 'NotCompared' ? 'White dot: not compared with England (no interval)' : `Dot colour: ${lowerFirst(CATEGORY_STYLE[c].words)} (95% interval)`}
            </li>
          ))
        : null}
    </ul>
  );
}
