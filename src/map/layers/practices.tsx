import { useEffect, useState } from 'react';
import { Marker, type Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import { usePracticeValues } from '../../data/usePractices';
import { CATEGORY_STYLE } from '../../lib/indicators/benchmark';
import { formatNumber, formatValue } from '../../lib/core/format';
import { PRACTICE_GLYPH, practiceSymbolSize } from '../../ui/icons';

/** Offsets in pixels that fan out practices sharing one point (a building), so each can be seen and clicked. */
function fanOut(k: number, n: number): [number, number] {
  if (n < 2) return [0, 0];
  const a = (2 * Math.PI * k) / n;
  return [Math.round(14 * Math.cos(a)), Math.round(14 * Math.sin(a))];
}

/** GP practices (QOF): HTML symbols (focusable, labelled in words), coloured by comparison with England. */
export function PracticesLayer({ map }: { map: MlMap }) {
  const on = useStore((s) => s.layers.includes('qof'));
  const pv = usePracticeValues();
  const [tip, setTip] = useState<{ x: number; y: number; code: string } | null>(null);
  useEffect(() => {
    if (!on || !pv) return;
    const year = pv.ind.qof?.year ?? '';
    const maxList = Math.max(...pv.rows.map((r) => r.practice.listSize[year] ?? 0), 1);
    const atPoint = new Map<string, string[]>();
    for (const { practice: p } of pv.rows) if (p.lon != null) atPoint.set(`${p.lon},${p.lat}`, [...(atPoint.get(`${p.lon},${p.lat}`) ?? []), p.code]);
    const markers = pv.rows.flatMap(({ practice: p, v }) => {
      if (p.lon == null || p.lat == null) return [];
      const group = atPoint.get(`${p.lon},${p.lat}`)!;
      const cat = v?.category ?? 'NotCompared';
      const el = document.createElement('button');
      el.type = 'button';
      el.className = 'practice-symbol';
      const size = practiceSymbolSize(p.listSize[year] ?? 0, maxList);
      Object.assign(el.style, { width: `${size}px`, height: `${size}px`, background: CATEGORY_STYLE[cat].fill ?? '#ffffff', color: CATEGORY_STYLE[cat].text });
      el.textContent = PRACTICE_GLYPH[cat];
      el.setAttribute('aria-label', `${p.name}: ${CATEGORY_STYLE[cat].words} for ${pv.ind.label}`);
      el.dataset.practice = p.code;
      const show = () => {
        const pt = map.project([p.lon!, p.lat!]);
        setTip({ x: pt.x, y: pt.y, code: p.code });
      };
      el.addEventListener('mouseenter', show);
      el.addEventListener('focus', show);
      el.addEventListener('mouseleave', () => setTip(null));
      el.addEventListener('blur', () => setTip(null));
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        useStore.getState().setShare({ practice: p.code });
      });
      return [new Marker({ element: el, offset: fanOut(group.indexOf(p.code), group.length) }).setLngLat([p.lon, p.lat]).addTo(map)];
    });
    return () => {
      markers.forEach((m) => m.remove());
      setTip(null);
    };
  }, [map, on, pv]);

  const row = tip && pv ? pv.rows.find((r) => r.practice.code === tip.code) : undefined;
  if (!tip || !row || !pv) return null;
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: tip.x + 14, top: tip.y + 14 }}>
      <strong>{row.practice.name}</strong>
      <span>List size {formatNumber(row.practice.listSize[pv.ind.qof?.year ?? ''], 0)}</span>
      <span>
        {pv.ind.label} {pv.ind.qof?.year}: {formatNumber(row.v?.numerator, 0)} of {formatNumber(row.v?.denominator, 0)} = {formatValue(row.v?.value, pv.ind)} (95% CI{' '}
        {formatNumber(row.v?.lower, 1)}–{formatNumber(row.v?.upper, 1)})
      </span>
      <span>
        England {formatValue(pv.ind.england?.value, pv.ind)} · {CATEGORY_STYLE[row.v?.category ?? 'NotCompared'].words}
      </span>
      <span className="sub">Located by postcode (OS Code-Point Open centroid)</span>
    </div>
  );
}
