import { useEffect } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import { useStore, currentIndicator } from '../store';
import { buildChoropleth } from '../lib/indicators/choropleth';
import { formatRadius } from '../lib/core/format';
import { mapUsable } from './webgl';

const INK = '#0b0c0c';
const SITE = '#d4351c';
const LEGEND_W = 260;

/** Lines of at most `width` pixels, broken at spaces. */
function wrap(g: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (g.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Answers store.requestMapImage() with a PNG of the map and its legend beside it, for the printed
 * site summary. The legend is the same model the panel's Legend renders (buildChoropleth), plus the
 * site's keys; the attribution is the data's own (place.attribution from the provenance files).
 */
export function usePrintImage(map: MlMap) {
  const request = useStore((s) => s.mapImageRequest);
  useEffect(() => {
    if (!request || !mapUsable(map)) return;
    map.once('render', () => {
      const st = useStore.getState();
      const ind = currentIndicator(st);
      const b = st.bundle!;
      const ch = ind ? buildChoropleth(ind, st.geography, b.areas[st.geography].codes, st.mode, st.classes) : null;
      const c = map.getCanvas();
      const out = document.createElement('canvas');
      out.width = c.width + LEGEND_W;
      out.height = c.height;
      const g = out.getContext('2d')!;
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, out.width, out.height);
      g.drawImage(c, 0, 0);
      const x = c.width + 12;
      const textW = LEGEND_W - 24;
      let y = 24;
      const text = (s: string, font = '12px sans-serif', lineH = 15, indent = 0) => {
        g.font = font;
        g.fillStyle = INK;
        for (const l of wrap(g, s, textW - indent)) {
          g.fillText(l, x + indent, y);
          y += lineH;
        }
      };
      text('Legend', 'bold 14px sans-serif', 20);
      g.fillStyle = SITE;
      g.fillRect(x, y - 10, 16, 12);
      text('Site', '12px sans-serif', 18, 24);
      g.strokeStyle = SITE;
      g.setLineDash([6, 4]);
      g.lineWidth = 2;
      g.strokeRect(x, y - 10, 16, 12);
      g.setLineDash([]);
      text(`Catchments (straight line): ${st.rings.map(formatRadius).join(', ')}`, '12px sans-serif', 15, 24);
      y += 9;
      if (ch) {
        text(ch.title, 'bold 12px sans-serif');
        y += 4;
        for (const item of ch.legend) {
          g.strokeStyle = '#505a5f';
          g.lineWidth = 1;
          if (item.color) {
            g.fillStyle = item.color;
            g.fillRect(x, y - 10, 16, 12);
          }
          g.strokeRect(x, y - 10, 16, 12);
          text(`${item.label}${item.england ? ' ◆ England' : ''}`, '12px sans-serif', 17, 24);
        }
        if (ind?.modelled) text('Modelled estimate (see the method in the app).', 'italic 11px sans-serif', 14);
      }
      // The attribution sits at the foot of the legend column, below everything else.
      g.font = '10px sans-serif';
      const credits = b.place.attribution.flatMap((a) => wrap(g, a.text, textW));
      y = Math.max(y + 8, out.height - 12 * credits.length - 4);
      for (const l of credits) {
        g.fillText(l, x, y);
        y += 12;
      }
      useStore.getState().setMapImage(out.toDataURL('image/png'));
    });
    map.triggerRepaint();
  }, [map, request]);
}
