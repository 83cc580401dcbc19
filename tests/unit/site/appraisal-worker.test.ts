/**
 * The appraisal worker's message protocol, run through its handler directly (as the worker and the
 * main-thread fallback do): init and assets once, then appraise → throttled progress → appraised; a site
 * that cannot be read; a GeoJSON file parsed off the main thread; errors as messages, never throws.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { IndicatorBundle } from '../../../src/lib/core/types';
import { createAppraisalHandler, type AppraisalMessage } from '../../../src/data/appraisal.worker';
import { appraise } from '../../../src/lib/site/appraisal';
import { decodeSite, encodeSite } from '../../../src/lib/site/link';
import { siteFromPolygon } from '../../../src/lib/site/geometry';
import { withCatchmentProgress, type CatchmentProgress } from '../../../src/lib/site/catchments';

const root = resolve(__dirname, '../../..');
const bundle = JSON.parse(readFileSync(resolve(root, 'public/data/indicators.json'), 'utf8')) as IndicatorBundle;
const geo = JSON.parse(readFileSync(resolve(root, 'public/data/geo-lsoa.json'), 'utf8')) as FeatureCollection;

/** A circle of `n` vertices and `radiusM` metres round [lon, lat] (a detailed boundary, as a planning GIS exports). */
export function circleRing([lon, lat]: [number, number], radiusM: number, n: number): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([lon + (radiusM * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (radiusM * Math.sin(a)) / 110_540]);
  }
  ring.push(ring[0]);
  return ring;
}

const TS18_1HU: [number, number] = [-1.318986, 54.561625];

function harness(opts: { fetchFails?: boolean } = {}) {
  const msgs: AppraisalMessage[] = [];
  const fetched: string[] = [];
  let clock = 0;
  const handle = createAppraisalHandler((m) => msgs.push(m), {
    fetchJson: async (url) => {
      fetched.push(url);
      if (opts.fetchFails) throw new Error('Could not load the small-area boundaries (HTTP 404).');
      return geo;
    },
    // Each clock read advances 1 ms: progress at most once per 50 ms.
    now: () => clock++,
  });
  return { msgs, fetched, handle, clock: () => clock };
}

describe('appraisal worker protocol', () => {
  it('fetches the boundaries once, posts throttled, rising progress and then the same appraisal as the main thread', async () => {
    const h = harness();
    await h.handle({ type: 'init', bundle, geoUrl: 'http://x/data/geo-lsoa.json' });
    await h.handle({ type: 'assets', assets: [{ name: 'Test GP', category: 'gp', lon: TS18_1HU[0], lat: TS18_1HU[1] }] });
    const raw = encodeSite(siteFromPolygon(circleRing(TS18_1HU, 400, 600)));
    await h.handle({ type: 'appraise', id: 7, site: raw, rings: [400, 800] });
    await h.handle({ type: 'appraise', id: 8, site: 'pt:-1.318986,54.561625', rings: [400] });
    expect(h.fetched).toEqual(['http://x/data/geo-lsoa.json']);
    const first = h.msgs.filter((m) => m.id === 7);
    const progress = first.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(h.clock() / 50) + 6);
    const fractions = progress.map((m) => (m.type === 'progress' ? m.fraction : -1));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(progress.some((m) => m.type === 'progress' && /Weighing small areas \(ring 2 of 2\)/.test(m.stage))).toBe(true);
    const done = first.at(-1)!;
    expect(done.type).toBe('appraised');
    if (done.type !== 'appraised') return;
    const expected = appraise(bundle, geo, decodeSite(raw)!, [400, 800], [{ name: 'Test GP', category: 'gp', lon: TS18_1HU[0], lat: TS18_1HU[1] }]);
    expect(done.appraisal.rings.map((r) => r.residents)).toEqual(expected.rings.map((r) => r.residents));
    expect(done.appraisal.rings[0].assetCounts.gp).toBe(1);
    expect(done.site.kind).toBe('polygon');
    expect(h.msgs.filter((m) => m.id === 8).at(-1)).toMatchObject({ type: 'appraised', site: { kind: 'point' } });
  });

  it('a site that cannot be read is reported as such; a failed boundary file as an error message', async () => {
    const h = harness();
    await h.handle({ type: 'init', bundle, geoUrl: 'u' });
    await h.handle({ type: 'appraise', id: 1, site: 'poly:nonsense', rings: [400] });
    expect(h.msgs.at(-1)).toEqual({ type: 'bad-site', id: 1 });
    const bad = harness({ fetchFails: true });
    await bad.handle({ type: 'init', bundle, geoUrl: 'u' });
    await expect(bad.handle({ type: 'appraise', id: 2, site: 'pt:-1.3,54.56', rings: [400] })).resolves.toBeUndefined();
    expect(bad.msgs.at(-1)).toEqual({ type: 'error', id: 2, message: expect.stringMatching(/HTTP 404/) });
    const early = harness();
    await early.handle({ type: 'appraise', id: 3, site: 'pt:-1.3,54.56', rings: [400] });
    expect(early.msgs.at(-1)).toMatchObject({ type: 'error', id: 3 });
  });

  it('parses a site GeoJSON file (Blob or text) into a site or a plain error', async () => {
    const h = harness();
    const text = JSON.stringify({ type: 'Polygon', coordinates: [circleRing(TS18_1HU, 300, 3900)] });
    await h.handle({ type: 'parse', id: 5, file: new Blob([text]) });
    expect(h.msgs.at(-1)).toMatchObject({ type: 'parsed', id: 5, result: { site: { kind: 'polygon' } } });
    await h.handle({ type: 'parse', id: 6, text: '{"type":' });
    expect(h.msgs.at(-1)).toMatchObject({ type: 'parsed', id: 6, result: { error: expect.stringMatching(/not valid JSON/) } });
  });

  it('withCatchmentProgress reports buffer steps and every LSOA weighed, and restores the previous listener', () => {
    const seen: CatchmentProgress[] = [];
    withCatchmentProgress((p) => seen.push(p), () => appraise(bundle, geo, decodeSite('pt:-1.318986,54.561625')!, [400, 800]));
    expect(seen.filter((p) => p.phase === 'buffer')).toHaveLength(2);
    expect(seen.filter((p) => p.phase === 'weights')).toHaveLength(2 * geo.features.length);
    const after: CatchmentProgress[] = [];
    appraise(bundle, geo, decodeSite('pt:-1.318986,54.561625')!, [400]);
    expect(after).toEqual([]);
    expect(seen.length).toBe(2 + 2 * geo.features.length);
  });
});
