/**
 * Community hubs and champions from a user-supplied CSV (a small subset of Open Referral UK fields). Pure.
 *
 * Privacy rule: individual champions are only ever counted per ward. Their names, contacts, postcodes and
 * coordinates are read, used to find a ward, and dropped; nothing about them reaches the output except the count.
 * Free text is kept as plain text (trimmed, never interpreted): render it with textContent / React text, never as HTML.
 */
import Papa from 'papaparse';
import { inUk, type Asset } from './categories';
import type { PostcodeIndex } from '../core/types';
import { MAX_TEXT, UPLOAD_LIMIT_BYTES, cleanText, fileTooLarge, normalisePostcode, textTooLarge } from '../core/text';

export const HUBS_COLUMNS = [
  'name',
  'organisation',
  'kind',
  'services',
  'address',
  'postcode',
  'latitude',
  'longitude',
  'ward',
  'contact',
  'last_verified',
] as const;
export type HubsColumn = (typeof HUBS_COLUMNS)[number];

export type HubKind = 'hub' | 'champion_organisation' | 'champion_individual';
export const HUB_KINDS: readonly HubKind[] = ['hub', 'champion_organisation', 'champion_individual'] as const;

/** An empty template: the header row only. */
export const HUBS_TEMPLATE_CSV = `${HUBS_COLUMNS.join(',')}\n`;

export interface HubsColumnDoc {
  column: HubsColumn;
  required: 'required' | 'optional' | 'conditional';
  format: string;
  description: string;
  /** The nearest Open Referral UK (HSDS) field, for people mapping an existing directory. */
  openReferral: string;
}

export const HUBS_SCHEMA_DOC: readonly HubsColumnDoc[] = [
  { column: 'name', required: 'required', format: `Text, up to ${MAX_TEXT} characters`, description: 'Name of the hub, organisation or champion. For individual champions it is never shown or kept.', openReferral: 'service.name / organization.name' },
  { column: 'organisation', required: 'optional', format: `Text, up to ${MAX_TEXT} characters`, description: 'Organisation that runs the hub or service.', openReferral: 'organization.name' },
  { column: 'kind', required: 'required', format: 'One of: hub, champion_organisation, champion_individual', description: 'Hubs and champion organisations are shown as points. Individual champions are counted per ward only.', openReferral: '(none: local extension)' },
  { column: 'services', required: 'optional', format: `Text, up to ${MAX_TEXT} characters (separate items with ;)`, description: 'What is offered.', openReferral: 'service.description' },
  { column: 'address', required: 'optional', format: `Text, up to ${MAX_TEXT} characters`, description: 'Street address.', openReferral: 'physical_address.address_1' },
  { column: 'postcode', required: 'conditional', format: 'UK postcode, e.g. SW1A 1AA', description: 'Needed when latitude and longitude are blank: the location is then the postcode centre (OS Code-Point Open).', openReferral: 'physical_address.postal_code' },
  { column: 'latitude', required: 'conditional', format: 'Decimal degrees WGS84, e.g. 54.5616 (UK range 49.8 to 60.9)', description: 'Give with longitude, or leave both blank and give a postcode. Ignored for individual champions.', openReferral: 'location.latitude' },
  { column: 'longitude', required: 'conditional', format: 'Decimal degrees WGS84, e.g. -1.3190 (UK range -8.7 to 1.8)', description: 'Give with latitude.', openReferral: 'location.longitude' },
  { column: 'ward', required: 'conditional', format: 'Ward name, or its ONS code (E05…)', description: 'Needed for individual champions without a borough postcode; otherwise taken from the postcode.', openReferral: '(none: local extension)' },
  { column: 'contact', required: 'optional', format: `Phone, email or web address, up to ${MAX_TEXT} characters`, description: 'Public contact for hubs and organisations. For individual champions it is never shown or kept.', openReferral: 'contact / phone.number / service.email' },
  { column: 'last_verified', required: 'optional', format: 'Date YYYY-MM-DD (DD/MM/YYYY also accepted)', description: 'When the entry was last checked. Entries without a date are marked unverified.', openReferral: 'service.assured_date' },
] as const;

/** Uploads over this size are refused before parsing. */
export const HUBS_MAX_BYTES = UPLOAD_LIMIT_BYTES;
const HUBS_TOO_LARGE_ADVICE = 'Split it or remove unused columns.';

export type HubsGeocoder = (postcode: string) => { lon: number; lat: number; wardCode: string } | null;

export interface HubsRejectedRow {
  /** 1-based line in the file where the row starts (the header is line 1). */
  row: number;
  reason: string;
}

export interface HubsParseResult {
  /** Hubs and champion organisations, as map points. */
  points: Asset[];
  /** Individual champions per ward code. */
  championCounts: Record<string, number>;
  rejected: HubsRejectedRow[];
  warnings: string[];
  /** Set when the whole file could not be used (too large, no header, missing columns). */
  error?: string;
}

export interface HubsParseOptions {
  /** Written into each point's `source`. */
  source?: string;
  /** Written into each point's `licence`. */
  licence?: string;
  /**
   * Ward code containing a point (e.g. point in polygon), for hubs given by latitude/longitude without a postcode.
   * Without it such points have no ward and count as outside the borough. Not used for individual champions.
   */
  wardAt?: (lon: number, lat: number) => string | null;
}

/** The message for a file over the size limit, or null when it is fine. Use before reading a File. */
export function hubsFileSizeError(bytes: number): string | null {
  return fileTooLarge(bytes, HUBS_TOO_LARGE_ADVICE, HUBS_MAX_BYTES);
}

function parseDate(raw: string): string | null {
  let m = raw.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = raw.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseCoord(raw: string): number | null {
  const s = raw.trim();
  if (!s) return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return NaN;
  return Number(s);
}

const fold = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, ' ').trim();

/** Index of the line each character offset starts, for 1-based line numbers. */
function lineCounter(text: string, linebreak: string) {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    // Offsets only increase, so count forward from the last position.
    while (pos < offset) {
      const next = text.indexOf(linebreak, pos);
      if (next < 0 || next >= offset) {
        pos = offset;
        break;
      }
      line++;
      pos = next + linebreak.length;
    }
    return line;
  };
}

/**
 * Parse a hubs-and-champions CSV. Never throws.
 * @param geocode postcode -> point and ward code (null when unknown)
 * @param wardNameToCode borough ward name -> ward code; its values are the borough's ward codes
 */
export function parseHubsCsv(
  text: string,
  geocode: HubsGeocoder,
  wardNameToCode: Map<string, string>,
  opts: HubsParseOptions = {},
): HubsParseResult {
  const out: HubsParseResult = { points: [], championCounts: {}, rejected: [], warnings: [] };
  const fail = (msg: string) => ({ ...out, error: msg });
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  const sizeErr = textTooLarge(text, HUBS_TOO_LARGE_ADVICE, HUBS_MAX_BYTES);
  if (sizeErr) return fail(sizeErr);
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail('The file is empty. Start from the template: it needs a header row and one row per entry.');

  const source = cleanText(opts.source ?? 'Uploaded hubs and champions file').text;
  const licence = cleanText(opts.licence ?? 'As supplied by the uploader').text;
  const wardCodes = new Set(wardNameToCode.values());
  const wardByName = new Map<string, string>();
  const wardNameByCode = new Map<string, string>();
  for (const [name, code] of wardNameToCode) {
    wardByName.set(fold(name), code);
    if (!wardNameByCode.has(code)) wardNameByCode.set(code, name);
  }
  const resolveWard = (raw: string): string | null => {
    if (!raw) return null;
    const code = raw.trim().toUpperCase();
    if (wardCodes.has(code)) return code;
    return wardByName.get(fold(raw)) ?? null;
  };

  // ---- Read rows with the line each starts on.
  const rows: { line: number; cells: string[]; badQuotes: boolean }[] = [];
  const st: { unterminatedAt: number | null; lineOf: ((offset: number) => number) | null; prevCursor: number } = { unterminatedAt: null, lineOf: null, prevCursor: 0 };
  try {
    Papa.parse<string[]>(body, {
      header: false,
      delimiter: ',',
      skipEmptyLines: false,
      step: (res) => {
        if (!st.lineOf) st.lineOf = lineCounter(body, res.meta.linebreak || '\n');
        const line = st.lineOf(st.prevCursor);
        st.prevCursor = res.meta.cursor;
        if (res.errors.some((e) => e.code === 'MissingQuotes')) {
          // The quote swallows the rest of the file: nothing after this line can be trusted.
          if (st.unterminatedAt === null) st.unterminatedAt = line;
          return;
        }
        const badQuotes = res.errors.some((e) => e.code === 'InvalidQuotes');
        rows.push({ line, cells: res.data.map((c) => (typeof c === 'string' ? c : String(c ?? ''))), badQuotes });
      },
    });
  } catch (e) {
    return fail(`The file could not be read as CSV (${cleanText((e as Error)?.message ?? e, 120).text}).`);
  }

  while (rows.length && rows[0].cells.every((c) => !c.trim()) && !rows[0].badQuotes) rows.shift();
  const header = rows.shift();
  if (!header || header.cells.every((c) => !c.trim())) return fail('The file has no header row.');
  const cols = header.cells.map((c) => c.replace(/^\uFEFF/, '').trim().toLowerCase());
  const idx = new Map<string, number>();
  cols.forEach((c, i) => {
    if (!c) return;
    if (idx.has(c)) out.warnings.push(`Column "${cleanText(c, 40).text}" appears twice; the first is used.`);
    else idx.set(c, i);
  });
  const unknown = cols.filter((c) => c && !(HUBS_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) out.warnings.push(`Ignored unknown column(s): ${unknown.map((c) => cleanText(c, 40).text).join(', ')}.`);
  const missing: string[] = ['name', 'kind'].filter((c) => !idx.has(c));
  if (!idx.has('postcode') && !(idx.has('latitude') && idx.has('longitude'))) missing.push('postcode (or latitude and longitude)');
  if (missing.length)
    return fail(`The header row is missing required column(s): ${missing.join(', ')}. Expected columns: ${HUBS_COLUMNS.join(', ')}.`);

  const seen = new Set<string>();
  for (const { line, cells, badQuotes } of rows) {
    if (cells.every((c) => !c.trim())) continue; // blank line
    const reject = (reason: string) => out.rejected.push({ row: line, reason });
    if (badQuotes) {
      reject('malformed double quotes: a quoted value must be followed straight away by a comma or the end of the line');
      continue;
    }
    if (cells.length > cols.length) {
      reject(`has ${cells.length} fields but the header has ${cols.length}: a comma in a value needs the value in double quotes`);
      continue;
    }
    const raw = (c: HubsColumn) => {
      const i = idx.get(c);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const trimmedCols: string[] = [];
    const text = (c: HubsColumn) => {
      const t = cleanText(raw(c));
      if (t.trimmed) trimmedCols.push(c);
      return t.text;
    };

    const kindRaw = cleanText(raw('kind'), 40).text.toLowerCase().replace(/[\s-]+/g, '_');
    const kind = HUB_KINDS.find((k) => k === kindRaw);
    if (!kind) {
      reject(kindRaw ? `unknown kind "${kindRaw}" (use hub, champion_organisation or champion_individual)` : 'no kind (use hub, champion_organisation or champion_individual)');
      continue;
    }
    const name = text('name');
    if (!name) {
      reject('no name');
      continue;
    }
    const postcodeRaw = cleanText(raw('postcode'), 20).text;
    const postcode = postcodeRaw ? normalisePostcode(postcodeRaw) : null;
    const latS = raw('latitude').trim();
    const lonS = raw('longitude').trim();
    const wardRaw = cleanText(raw('ward'), 80).text;

    if (kind === 'champion_individual') {
      // Only a ward comes out of this row. Reasons never quote the row's values.
      let wardCode = resolveWard(wardRaw);
      if (wardRaw && !wardCode) {
        reject('individual champion: the ward is not one of the borough’s wards (use a ward name or code)');
        continue;
      }
      if (!wardCode && postcode) {
        const g = geocode(postcode);
        wardCode = g && wardCodes.has(g.wardCode) ? g.wardCode : null;
        if (!wardCode) {
          reject(g ? 'individual champion: the postcode is outside the borough’s wards' : 'individual champion: postcode not found');
          continue;
        }
      }
      if (!wardCode) {
        reject(postcodeRaw ? 'individual champion: the postcode is not a valid UK postcode and no ward is given' : 'individual champion: needs a ward (name or code) or a borough postcode');
        continue;
      }
      out.championCounts[wardCode] = (out.championCounts[wardCode] ?? 0) + 1;
      continue;
    }

    // ---- Hubs and champion organisations: points.
    let lon: number;
    let lat: number;
    let geoWard: string | null = null;
    const latN = parseCoord(latS);
    const lonN = parseCoord(lonS);
    if (latN !== null || lonN !== null) {
      if (latN === null || lonN === null) {
        reject(latN === null ? 'longitude given without latitude' : 'latitude given without longitude');
        continue;
      }
      if (Number.isNaN(latN) || Number.isNaN(lonN)) {
        reject(`latitude/longitude must be decimal numbers (got "${cleanText(latS, 20).text}", "${cleanText(lonS, 20).text}")`);
        continue;
      }
      if (!inUk(lonN, latN)) {
        reject(
          inUk(latN, lonN)
            ? `latitude ${latN} and longitude ${lonN} look swapped`
            : `latitude ${latN}, longitude ${lonN} is outside the UK (latitude 49.8 to 60.9, longitude -8.7 to 1.8)`,
        );
        continue;
      }
      lon = lonN;
      lat = latN;
      geoWard = opts.wardAt?.(lon, lat) ?? (postcode ? (geocode(postcode)?.wardCode ?? null) : null);
    } else if (postcode) {
      const g = geocode(postcode);
      if (!g) {
        reject(`postcode "${postcode}" not found; give latitude and longitude instead`);
        continue;
      }
      if (!inUk(g.lon, g.lat)) {
        reject(`postcode "${postcode}" has no usable location`);
        continue;
      }
      lon = g.lon;
      lat = g.lat;
      geoWard = g.wardCode;
    } else {
      reject(postcodeRaw ? `"${postcodeRaw}" is not a valid UK postcode and no latitude/longitude is given` : 'no location: give a postcode, or latitude and longitude');
      continue;
    }
    let wardCode = resolveWard(wardRaw);
    if (wardRaw && !wardCode) out.warnings.push(`Line ${line}: ward "${wardRaw}" is not a borough ward; ${geoWard && wardCodes.has(geoWard) ? 'the postcode’s ward is used' : 'ignored'}.`);
    if (!wardCode && geoWard && wardCodes.has(geoWard)) wardCode = geoWard;
    else if (wardCode && geoWard && wardCodes.has(geoWard) && geoWard !== wardCode)
      out.warnings.push(`Line ${line}: the ward given differs from the postcode’s ward; the ward given is used.`);

    const lvRaw = cleanText(raw('last_verified'), 40).text;
    const lastVerified = lvRaw ? parseDate(lvRaw) : null;
    if (lvRaw && !lastVerified) out.warnings.push(`Line ${line}: last_verified "${lvRaw}" is not a date (YYYY-MM-DD); entry marked unverified.`);

    const organisation = text('organisation');
    const services = text('services');
    const address = text('address');
    const contact = text('contact');
    if (trimmedCols.length) out.warnings.push(`Line ${line}: ${trimmedCols.join(', ')} cut to ${MAX_TEXT} characters.`);

    const key = `${fold(name)}|${postcode ?? `${lon.toFixed(4)},${lat.toFixed(4)}`}`;
    if (seen.has(key)) out.warnings.push(`Line ${line}: same name and location as an earlier row (kept).`);
    seen.add(key);

    const asset: Asset = {
      id: `upload:${kind === 'hub' ? 'hub' : 'org'}:${line}`,
      name,
      category: kind === 'hub' ? 'hub' : 'champion_org',
      subcategory: kind === 'hub' ? 'Community hub' : 'Community champion organisation',
      address,
      postcode: postcode ?? '',
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      source,
      licence,
      lastUpdated: lastVerified ?? '',
      status: lastVerified ? 'open' : 'unverified',
      inBorough: !!wardCode,
      verified: !!lastVerified,
    };
    if (wardCode) {
      asset.wardCode = wardCode;
      const wn = wardNameByCode.get(wardCode);
      if (wn) asset.ward = wn;
    }
    if (organisation) asset.organisation = organisation;
    if (services) asset.services = services;
    if (contact) asset.contact = contact;
    out.points.push(asset);
  }

  if (st.unterminatedAt !== null) {
    out.rejected.push({ row: st.unterminatedAt, reason: 'a quoted value is never closed (missing ")' });
    out.warnings.push(`Line ${st.unterminatedAt}: a double quote is not closed, so the rest of the file from this line could not be read.`);
  }
  if (!rows.some((r) => r.cells.some((c) => c.trim())) && st.unterminatedAt === null) out.warnings.push('The file has a header but no entries.');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Wards for hubs given by latitude/longitude
// ---------------------------------------------------------------------------------------------

type Ring = number[][];
interface WardShape {
  code: string;
  bbox: [number, number, number, number];
  polygons: Ring[][];
}

/** Even–odd ray test of one ring. */
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Ward code containing a point, from the ward boundaries (geo-ward.json: features with properties.code,
 * Polygon or MultiPolygon, holes respected): the `wardAt` of HubsParseOptions. A hub placed by latitude
 * and longitude is then in the borough by the same rule as one placed by postcode — the ward it falls in —
 * rather than counted as outside for want of a postcode.
 */
export function wardLocator(wards: { features: readonly { properties?: Record<string, unknown> | null; geometry?: { type: string; coordinates?: unknown } | null }[] }): (lon: number, lat: number) => string | null {
  const shapes: WardShape[] = [];
  for (const f of wards?.features ?? []) {
    const g = f?.geometry;
    const code = f?.properties?.code;
    if (typeof code !== 'string' || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polygons)
      for (const p of poly[0] ?? []) {
        bbox[0] = Math.min(bbox[0], p[0]);
        bbox[1] = Math.min(bbox[1], p[1]);
        bbox[2] = Math.max(bbox[2], p[0]);
        bbox[3] = Math.max(bbox[3], p[1]);
      }
    shapes.push({ code, bbox, polygons });
  }
  return (lon, lat) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    for (const s of shapes) {
      if (lon < s.bbox[0] || lon > s.bbox[2] || lat < s.bbox[1] || lat > s.bbox[3]) continue;
      for (const [outer, ...holes] of s.polygons) if (outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h))) return s.code;
    }
    return null;
  };
}

/**
 * Give hubs placed by latitude/longitude (no ward from a postcode or the ward column) the ward they fall in,
 * and so mark them in the borough, as parseHubsCsv does with `wardAt`. For results read without it; pure
 * (returns new points, the same objects where nothing changes).
 */
export function placeHubsInWards(points: readonly Asset[], wardAt: (lon: number, lat: number) => string | null, wardNames: Map<string, string>): Asset[] {
  return points.map((a) => {
    if (a.wardCode || (a.category !== 'hub' && a.category !== 'champion_org')) return a;
    const code = wardAt(a.lon, a.lat);
    if (!code || !wardNames.has(code)) return a;
    return { ...a, wardCode: code, ward: wardNames.get(code), inBorough: true };
  });
}

/** Most items a list from a loaded file draws at once; the rest are counted ("… and N more"). */
export const LIST_CAP = 200;

/** The first `cap` items to draw and how many more there are (lists that grow with people's files). */
export function capList<T>(items: readonly T[], cap = LIST_CAP): { shown: readonly T[]; more: number } {
  return items.length <= cap ? { shown: items, more: 0 } : { shown: items.slice(0, cap), more: items.length - cap };
}

/** The browser's postcode index (postcodes.json) as a geocoder: input normalised, ward by its index. */
export function geocoderFromIndex(postcodes: PostcodeIndex, wardCodes: readonly string[]): HubsGeocoder {
  return (pc) => {
    const n = normalisePostcode(pc);
    const hit = n ? postcodes[n] : undefined;
    return hit ? { lon: hit[0], lat: hit[1], wardCode: hit[3] >= 0 ? wardCodes[hit[3]] : '' } : null;
  };
}

/** Wrap a postcode map (as built by scripts/assets.ts postcodeGeocoder) as a geocoder; input is normalised first. */
export function geocoderFromMap(m: Map<string, { lon: number; lat: number; wardCode: string }>): HubsGeocoder {
  return (pc) => {
    const n = normalisePostcode(pc);
    const g = n ? m.get(n) : undefined;
    return g ? { lon: g.lon, lat: g.lat, wardCode: g.wardCode } : null;
  };
}
