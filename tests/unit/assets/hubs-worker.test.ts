import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { HUBS_POINTS_PER_MESSAGE, handleHubs, hubsMessages, type HubsMessage } from '../../../src/data/hubs.worker';
import { parseHubsOffMainThread } from '../../../src/data/hubsFile';
import { HUBS_COLUMNS, geocoderFromIndex, parseHubsCsv } from '../../../src/lib/assets/hubs';
import type { IndicatorBundle, PostcodeIndex } from '../../../src/lib/core/types';

// The worker's handler gives exactly what parsing on the page gave before (same geocoder, same wards).
describe('hubs file handler (run in a worker)', () => {
  const bundle = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as IndicatorBundle;
  const postcodes = JSON.parse(readFileSync('public/data/postcodes.json', 'utf8')) as PostcodeIndex;
  const text = readFileSync('tests/fixtures/hubs-champions-sample.csv', 'utf8');
  const req = { text, postcodes, wardCodes: bundle.areas.ward.codes, wardNames: bundle.areas.ward.names, source: 's', licence: 'l' };

  it('places hubs by postcode with their ward, counts champions per ward, reports bad rows', () => {
    const res = handleHubs(req);
    expect(res.error).toBeUndefined();
    expect(res.points.length).toBeGreaterThan(0);
    expect(res.points.every((p) => p.source === 's' && p.licence === 'l')).toBe(true);
    expect(res.points.some((p) => p.wardCode && bundle.areas.ward.codes.includes(p.wardCode))).toBe(true);
  });

  it('matches parsing on the main thread with the same inputs', () => {
    const geocode = geocoderFromIndex(postcodes, bundle.areas.ward.codes);
    const wardByName = new Map(bundle.areas.ward.names.map((n, i) => [n.toLowerCase(), bundle.areas.ward.codes[i]]));
    expect(handleHubs(req)).toEqual(parseHubsCsv(text, geocode, wardByName, { source: 's', licence: 'l' }));
  });

  it('the postcode geocoder reads postcodes however they are typed', () => {
    const geocode = geocoderFromIndex(postcodes, bundle.areas.ward.codes);
    const pc = Object.keys(postcodes)[0];
    expect(geocode(pc)).not.toBeNull();
    expect(geocode(pc.toLowerCase().replace(' ', ''))).toEqual(geocode(pc));
    expect(geocode('ZZ99 9ZZ')).toBeNull();
  });

  it('an empty file is refused in words', () => {
    expect(handleHubs({ ...req, text: '' }).error).toMatch(/empty/);
  });
});

describe('hubs from the worker, in parts', () => {
  afterEach(() => vi.unstubAllGlobals());
  const bundle = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as IndicatorBundle;
  const postcodes = JSON.parse(readFileSync('public/data/postcodes.json', 'utf8')) as PostcodeIndex;
  const codes = Object.keys(postcodes);
  // A synthetic file longer than one message: every row a hub at a real postcode.
  const rows = HUBS_POINTS_PER_MESSAGE + 7;
  const lines = [HUBS_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) lines.push(`Hub ${i},,hub,,,${codes[i % codes.length]},,,,,`);
  const req = { text: lines.join('\n'), postcodes, wardCodes: bundle.areas.ward.codes, wardNames: bundle.areas.ward.names, source: 's', licence: 'l' };

  it.each([
    [0, 1],
    [1, 2],
    [HUBS_POINTS_PER_MESSAGE, 2],
    [HUBS_POINTS_PER_MESSAGE + 1, 3],
  ])('%i points go in %i messages, the last holding no points', (n, messages) => {
    const res = { points: Array.from({ length: n }, (_, i) => ({ id: String(i) }) as never), championCounts: {}, rejected: [], warnings: ['w'] };
    const out = hubsMessages(res);
    expect(out).toHaveLength(messages);
    const last = out.at(-1)!;
    expect('done' in last && last.done.points).toEqual([]);
    expect('done' in last && last.done.warnings).toEqual(['w']);
  });

  it('the page puts the parts back together: the same result as parsing in one go', async () => {
    const made: { terminated: boolean; sent: number }[] = [];
    class FakeWorker {
      onmessage: ((e: { data: HubsMessage }) => void) | null = null;
      onerror: ((e: { preventDefault(): void }) => void) | null = null;
      terminated = false;
      sent = 0;
      constructor() {
        made.push(this);
      }
      postMessage(r: typeof req) {
        for (const m of hubsMessages(handleHubs(r)))
          setTimeout(() => {
            this.sent++;
            this.onmessage?.({ data: structuredClone(m) });
          });
      }
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    const res = await parseHubsOffMainThread(req);
    expect(res.points).toHaveLength(rows);
    expect(res).toEqual(handleHubs(req));
    expect(made[0].sent).toBe(3);
    expect(made[0].terminated).toBe(true);
  }, 30_000);
});
