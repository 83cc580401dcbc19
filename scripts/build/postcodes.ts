/** The one postcode loader (OS Code-Point Open extracts), shared by the data build, QOF and assets modules. */
import { inUk } from '../../src/lib/assets/categories';
import { toNumber } from '../../src/lib/core/csv';
import { normalisePostcode } from '../../src/lib/core/text';
import { fail, parseTable } from './io';

export interface PostcodePoint {
  lon: number;
  lat: number;
  wardCode: string;
  wardName: string;
  ladCode: string;
}

export const POSTCODE_COLUMNS = ['postcode', 'lat', 'lon', 'ward_code', 'ward_name', 'lad_code'] as const;

/**
 * Postcode -> point, ward and district, keyed "OUTCODE INCODE", in file and row order.
 * Fails on a row that is not a postcode with UK coordinates, on a postcode listed twice in one file,
 * and on a postcode that a later file places differently (files overlap: the borough's are also in the area file).
 */
export function parsePostcodes(sources: readonly { rel: string; text: string }[], into: Map<string, PostcodePoint> = new Map()): Map<string, PostcodePoint> {
  const out = into;
  for (const { rel, text } of sources) {
    const seen = new Set<string>();
    for (const r of parseTable(rel, text, POSTCODE_COLUMNS).rows) {
      const pc = normalisePostcode(r.postcode);
      const lon = toNumber(r.lon);
      const lat = toNumber(r.lat);
      if (!pc || lon === null || lat === null || !inUk(lon, lat)) fail(`${rel}: bad row for postcode "${r.postcode}"`);
      if (seen.has(pc)) fail(`${rel}: duplicate postcode ${pc}`);
      seen.add(pc);
      const prev = out.get(pc);
      if (prev && (Math.abs(prev.lon - lon) > 1e-6 || Math.abs(prev.lat - lat) > 1e-6 || prev.ladCode !== r.lad_code))
        fail(`${rel}: postcode ${pc} disagrees with an earlier postcode file`);
      out.set(pc, { lon, lat, wardCode: r.ward_code, wardName: r.ward_name, ladCode: r.lad_code });
    }
  }
  return out;
}
