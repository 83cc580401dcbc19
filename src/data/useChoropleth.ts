import { useStore, currentIndicator } from '../store';
import { buildChoropleth, type Choropleth } from '../lib/indicators/choropleth';
import type { GeographyId, IndicatorBundle } from '../lib/core/types';
import type { ClassMethod } from '../lib/indicators/classify';
import type { ShareState } from '../lib/share/url';
import { useValues } from './values';

// The legend, the map and the table all show the same view: it is computed once per view change and
// shared (a per-component useMemo would compute it once for each of them).
let last: { bundle: IndicatorBundle; indicator: string; geography: GeographyId; mode: ShareState['mode']; classes: ClassMethod; ch: Choropleth | null } | null = null;

function choroplethFor(bundle: IndicatorBundle | null, indicator: string, geography: GeographyId, mode: ShareState['mode'], classes: ClassMethod): Choropleth | null {
  if (!bundle) return null;
  if (last && last.bundle === bundle && last.indicator === indicator && last.geography === geography && last.mode === mode && last.classes === classes) return last.ch;
  const ind = currentIndicator({ bundle, indicator });
  const ch = ind ? buildChoropleth(ind, geography, bundle.areas[geography].codes, mode, classes) : null;
  last = { bundle, indicator, geography, mode, classes, ch };
  return ch;
}

/** The current view's fills, labels and legend, computed once per view change. */
export function useChoropleth(): Choropleth | null {
  const bundle = useStore((s) => s.bundle);
  const indicator = useStore((s) => s.indicator);
  const geography = useStore((s) => s.geography);
  const mode = useStore((s) => s.mode);
  const classes = useStore((s) => s.classes);
  // A tiled build's values arrive when the indicator is first shown: until then there is no view to draw.
  const ready = useValues([indicator]);
  return ready ? choroplethFor(bundle, indicator, geography, mode, classes) : null;
}
