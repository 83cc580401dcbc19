/**
 * Reading a hubs-and-champions file off the main thread: a 5 MB file (about 125,000 rows) takes around
 * a second to parse and place, which would freeze the page. The same handler runs on the main thread
 * when workers are unavailable.
 */
import { geocoderFromIndex, parseHubsCsv, type HubsParseResult } from '../lib/assets/hubs';
import type { PostcodeIndex } from '../lib/core/types';

export interface HubsRequest {
  text: string;
  postcodes: PostcodeIndex;
  /** Ward codes in the bundle's ward order, and their names (lower case keys are made by the parser). */
  wardCodes: string[];
  wardNames: string[];
  source: string;
  licence: string;
}

export function handleHubs(req: HubsRequest): HubsParseResult {
  const geocode = geocoderFromIndex(req.postcodes, req.wardCodes);
  const wardByName = new Map(req.wardNames.map((n, i) => [n.toLowerCase(), req.wardCodes[i]]));
  return parseHubsCsv(req.text, geocode, wardByName, { source: req.source, licence: req.licence });
}

/** Points per message: receiving 125,000 in one message held the page's thread for a quarter of a second. */
export const HUBS_POINTS_PER_MESSAGE = 20_000;

/** What the worker sends: the points in parts, then the rest of the result (with no points). */
export type HubsMessage = { part: HubsParseResult['points'] } | { done: HubsParseResult };

/** The messages for one result: points in parts, then the rest. */
export function hubsMessages(res: HubsParseResult): HubsMessage[] {
  const out: HubsMessage[] = [];
  for (let i = 0; i < res.points.length; i += HUBS_POINTS_PER_MESSAGE) out.push({ part: res.points.slice(i, i + HUBS_POINTS_PER_MESSAGE) });
  out.push({ done: { ...res, points: [] } });
  return out;
}

const g = globalThis as unknown as { WorkerGlobalScope?: new () => unknown; postMessage: (m: HubsMessage) => void; onmessage: ((e: MessageEvent<HubsRequest>) => void) | null };
if (typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope) {
  g.onmessage = (e) => hubsMessages(handleHubs(e.data)).forEach((m) => g.postMessage(m));
}
