import type { IndicatorBundle } from '../lib/core/types';
import { hubsFileSizeError, placeHubsInWards, wardLocator, type HubsParseResult } from '../lib/assets/hubs';
import { handleHubs, type HubsMessage, type HubsRequest } from './hubs.worker';

/** Parse in a worker (a large file would freeze the page); on this thread if workers are unavailable. */
export function parseHubsOffMainThread(req: HubsRequest): Promise<HubsParseResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(handleHubs(req));
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./hubs.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(handleHubs(req));
      return;
    }
    const points: HubsParseResult['points'] = [];
    worker.onmessage = (e: MessageEvent<HubsMessage>) => {
      if ('part' in e.data) {
        for (const p of e.data.part) points.push(p);
        return;
      }
      worker.terminate();
      resolve({ ...e.data.done, points });
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      worker.terminate();
      resolve(handleHubs(req));
    };
    worker.postMessage(req);
  });
}
import type { UserHubs } from '../store/data';
import { dataUrl, loadPostcodes } from './load';

/** Ward boundaries, loaded once, to place hubs given by latitude/longitude in their ward. */
let wardAtPromise: Promise<((lon: number, lat: number) => string | null) | null> | null = null;
function loadWardAt() {
  wardAtPromise ??= fetch(dataUrl('geo-ward.json'))
    .then((r) => (r.ok ? r.json() : null))
    .then((fc) => (fc ? wardLocator(fc) : null))
    .catch(() => null);
  return wardAtPromise;
}

/**
 * Read a hubs-and-champions file (the council template): hubs and organisations placed by postcode,
 * individual champions only counted per ward. Used by "Load hubs and champions" and by "Add your data"
 * when a file has the template's columns.
 */
export async function readHubsFile(file: File, bundle: IndicatorBundle): Promise<{ hubs: UserHubs; message: string } | { error: string }> {
  const sizeError = hubsFileSizeError(file.size);
  if (sizeError) return { error: `${file.name}: ${sizeError}` };
  try {
    const [text, postcodes] = await Promise.all([file.text(), loadPostcodes()]);
    const res = await parseHubsOffMainThread({
      text,
      postcodes,
      wardCodes: bundle.areas.ward.codes,
      wardNames: bundle.areas.ward.names,
      source: `Loaded from ${file.name} (in this browser only)`,
      licence: 'As supplied by the user',
    });
    if (res.error) return { error: `${file.name}: ${res.error}` };
    const ind = Object.values(res.championCounts).reduce((a, b) => a + b, 0);
    // Hubs given by latitude/longitude are in the borough when they fall in one of its wards (as postcode hubs are).
    const wardAt = res.points.some((p) => !p.wardCode) ? await loadWardAt() : null;
    const wardNames = new Map(bundle.areas.ward.codes.map((c, i) => [c, bundle.areas.ward.names[i]]));
    const points = wardAt ? placeHubsInWards(res.points, wardAt, wardNames) : res.points;
    return {
      hubs: { fileName: file.name, points, championCounts: res.championCounts, rejected: res.rejected, warnings: res.warnings, text },
      message: `Loaded ${file.name}: ${res.points.length} hubs and organisations placed, ${ind} individual champions counted by ward, ${res.rejected.length} row${res.rejected.length === 1 ? '' : 's'} could not be placed.`,
    };
  } catch (e) {
    return { error: `Could not read ${file.name}: ${(e as Error).message}` };
  }
}
