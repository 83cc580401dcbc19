import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { handleHubs } from '../../../src/data/hubs.worker';
import { geocoderFromIndex, parseHubsCsv } from '../../../src/lib/assets/hubs';
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
