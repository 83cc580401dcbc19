import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useStore } from '../store';
import type { GeographyId, IndicatorRecord } from '../lib/core/types';
import { boroughValue, type PlaceValue } from '../lib/indicators/value';
import { CATEGORY_STYLE, type Category } from '../lib/indicators/benchmark';
import { areaValues, hasIntervals, rankedAriaLabel, rankedBars, rankedLayout } from '../lib/indicators/ranked';
import './charts.css';

export interface RankedChartProps {
  /** The indicator to chart (the current one). */
  ind: IndicatorRecord;
  geography: GeographyId;
  /** Each area's value in the geography's area order; defaults to areaValue for every area (as the table). */
  values?: PlaceValue[];
}

const DEFAULT_WIDTH = 560;
const ENGLAND_STROKE = '#0b0c0c';
const BOROUGH_STROKE = '#505a5f';

/** The drawing's width follows its container, so text is drawn at its real size on any screen. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth((old) => (Math.abs(old - w) >= 1 ? w : old));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** An interval whisker with end caps, edged in white so it shows on dark bars. */
function Whisker({ x1, x2, y }: { x1: number; x2: number; y: number }) {
  const path = `M${x1},${y}H${x2}M${x1},${y - 3}V${y + 3}M${x2},${y - 3}V${y + 3}`;
  return (
    <>
      <path d={path} stroke="#ffffff" strokeWidth={3} fill="none" />
      <path d={path} stroke={ENGLAND_STROKE} strokeWidth={1} fill="none" />
    </>
  );
}

/**
 * The ranked bar chart ("compare areas"): each area's value as a bar, highest first, filled by its
 * comparison with England where the indicator has intervals, with 95% interval whiskers and the
 * England (dashed) and borough lines. Clicking a bar selects the area; the table beside it is the
 * keyboard and screen-reader route to the same areas.
 */
export function RankedChart({ ind, geography, values }: RankedChartProps) {
  const bundle = useStore((s) => s.bundle)!;
  const selected = useStore((s) => s.selected);
  const storeGeography = useStore((s) => s.geography);
  const [ref, width] = useWidth();
  const areas = bundle.areas[geography];
  const boroughName = bundle.place.name;

  const bars = useMemo(
    () => rankedBars(ind, areas, values ?? areaValues(ind, geography, areas.codes.length), storeGeography === geography ? selected : null),
    [ind, areas, values, geography, selected, storeGeography],
  );
  const refs = useMemo(() => ({ england: ind.england?.value, borough: boroughValue(ind).value, boroughName }), [ind, boroughName]);
  const layout = useMemo(() => rankedLayout(bars, ind, refs, { width }), [bars, ind, refs, width]);
  const label = rankedAriaLabel(ind, geography, refs, bars);
  const coloured = hasIntervals(ind);
  const shown = new Set<Category>(bars.filter((b) => b.value != null).map((b) => b.category));
  const select = (code: string) => useStore.getState().selectArea(geography, code, true);
  const mid = (y: number) => y + layout.rowHeight / 2;
  const textY = (y: number) => mid(y) + layout.fontSize * 0.35;

  return (
    <div className="ranked-chart">
      <ul className="chart-key" aria-label="Chart key">
        {coloured ? (
          (['Better', 'Similar', 'Worse', 'Lower', 'Higher', 'NotCompared'] as const)
            .filter((c) => shown.has(c))
            .map((c) => (
              <li key={c}>
                <span className="chart-swatch" style={{ background: CATEGORY_STYLE[c].fill ?? '#b1b4b6' }} aria-hidden="true" />
                {c === 'NotCompared' ? 'Not compared (no interval)' : CATEGORY_STYLE[c].words}
              </li>
            ))
        ) : (
          <li>
            <span className="chart-swatch" style={{ background: '#b1b4b6' }} aria-hidden="true" />
            Bars show the value (this indicator is not compared with England by interval)
          </li>
        )}
        {bars.some((b) => b.lower != null) ? (
          <li>
            <svg width="22" height="10" aria-hidden="true" focusable="false">
              <line x1="2" x2="20" y1="5" y2="5" stroke={ENGLAND_STROKE} />
              <line x1="2" x2="2" y1="2" y2="8" stroke={ENGLAND_STROKE} />
              <line x1="20" x2="20" y1="2" y2="8" stroke={ENGLAND_STROKE} />
            </svg>
            95% interval
          </li>
        ) : null}
      </ul>
      {/* Focusable so that a keyboard can scroll it; the table beside it lists the same areas. */}
      <div className="chart-scroll" ref={ref} tabIndex={0} role="group" aria-label="Bar chart (scrolls)">
        <svg
          role="img"
          aria-label={label}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width="100%"
          className="ranked-svg"
          fontSize={layout.fontSize}
          preserveAspectRatio="xMinYMin meet"
        >
          {layout.ticks.map((t) => (
            <line key={t.value} x1={t.x} x2={t.x} y1={layout.top - 2} y2={layout.bottom} stroke="#e5e6e7" />
          ))}
          {layout.rows.map((r) => (
            <g key={r.bar.code} className={`chart-row${r.bar.selected ? ' selected' : ''}`} onClick={() => select(r.bar.code)}>
              <title>{r.bar.title}</title>
              {/* A full-width band so the whole row is a target, and the highlight for the selected area. */}
              <rect x={0} y={r.y} width={layout.width} height={layout.rowHeight} className="chart-band" />
              <text x={layout.labelRight} y={textY(r.y)} textAnchor="end" fontWeight={r.bar.selected ? 700 : 400} fill="#0b0c0c">
                {r.label}
              </text>
              {r.rect ? (
                <rect
                  x={r.rect.x}
                  y={r.rect.y}
                  width={r.rect.width}
                  height={r.rect.height}
                  fill={r.bar.fill}
                  stroke="#0b0c0c"
                  strokeWidth={r.bar.selected ? 2 : 0.5}
                />
              ) : (
                <text x={layout.plotLeft + 4} y={textY(r.y)} fill="#505a5f" fontStyle="italic">
                  no data
                </text>
              )}
              {r.whisker ? <Whisker {...r.whisker} /> : null}
              {r.rect ? (
                <text x={layout.width - 2} y={textY(r.y)} textAnchor="end" fontWeight={r.bar.selected ? 700 : 400} fill="#0b0c0c">
                  {r.valueText}
                </text>
              ) : null}
            </g>
          ))}
          {layout.lines.map((l) => (
            <g key={l.key} className={`chart-ref chart-ref-${l.key}`}>
              {/* A white edge keeps the line visible over bars of any colour. */}
              <line x1={l.x} x2={l.x} y1={l.labelY + 3} y2={layout.bottom} stroke="#ffffff" strokeWidth={l.dashed ? 4 : 5} />
              <line
                x1={l.x}
                x2={l.x}
                y1={l.labelY + 3}
                y2={layout.bottom}
                stroke={l.dashed ? ENGLAND_STROKE : BOROUGH_STROKE}
                strokeWidth={l.dashed ? 1.5 : 2}
                strokeDasharray={l.dashed ? '5 3' : undefined}
              />
              <text x={l.labelX} y={l.labelY} textAnchor={l.anchor} fill={l.dashed ? ENGLAND_STROKE : BOROUGH_STROKE} fontWeight={700}>
                {l.label}
              </text>
            </g>
          ))}
          {/* Tick labels last, over the lines, top and bottom. */}
          <g className="chart-tick" fill="#505a5f" textAnchor="middle">
            {layout.ticks.map((t) => (
              <g key={t.value}>
                <text x={t.x} y={layout.top - 5}>
                  {t.label}
                </text>
                <text x={t.x} y={layout.bottom + layout.fontSize + 3}>
                  {t.label}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
    </div>
  );
}
