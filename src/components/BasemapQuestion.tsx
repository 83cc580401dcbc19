import { useSyncExternalStore } from 'react';
import { useStore } from '../store';
import { basemapRequest } from '../share/urlSync';

/**
 * A link asked for the online street map: nothing is requested from the tile server until the person
 * says yes here. "Not now" keeps the built-in map; the "Street basemap" checkbox stays the way to switch it on later.
 */
export function BasemapQuestion() {
  const pending = useSyncExternalStore(basemapRequest.subscribe, basemapRequest.pending);
  const on = useStore((s) => s.basemap);
  if (!pending || on) return null;
  return (
    <div className="message basemap-question" role="group" aria-labelledby="basemap-question-text">
      <p id="basemap-question-text">This link asks to show an online street map from OpenStreetMap. Show it?</p>
      <div className="button-row">
        <button type="button" onClick={() => basemapRequest.answer(true)}>
          Show street map
        </button>
        <button type="button" onClick={() => basemapRequest.answer(false)}>
          Not now
        </button>
      </div>
    </div>
  );
}
