import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { handleHubs } from '../../../src/data/hubs.worker';
import { parseHubsCsv } from '../../../src/lib/assets/hubs';
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
    const geocode = (pc: string) => {
      const hit = postcodes[pc.toUpperCase().replace(/\s+/g, ' ').trim()];
      return hit ? { lon: hit[0], lat: hit[1], wardCode: hit[3] >= 0 ? bundle.areas.ward.codes[hit[3]] : '' } : null;
    };
    const wardByName = new Map(bundle.areas.ward.names.map((n, i) => [n.toLowerCase(), bundle.areas.ward.codes[i]]));
    expect(handleHubs(req)).toEqual(parseHubsCsv(text, geocode, wardByName, { source: 's', licence: 'l' }));
  });

  it('an empty file is refused in words', () => {
    expect(handleHubs({ ...req, text: '' }).error).toMatch(/empty/);
  });
});
