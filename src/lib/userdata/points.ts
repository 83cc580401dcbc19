/**
 * People's own point files — a CSV with latitude/longitude, easting/northing (British National Grid) or
 * postcodes, or a GeoJSON of points — read into assets of the category 'user' ("Your points"), which
 * "Near me" and "Appraise a site" count like the built-in layers. Pure: no I/O, no DOM; never throws.
 *
 * A file laid out as the hubs-and-champions template (isHubsFile) is read with parseHubsCsv instead, so
 * hubs and champion organisations keep their own layers and individual champions are only ever counted
 * per ward. In any other file a row whose category says it is an individual champion is refused, so a
 * person's details can never become a point on the map.
 *
 * Text from the file is cleaned (cleanText: control characters removed, whitespace collapsed, length
 * capped) and otherwise kept literally: render it as text (React text, textContent), never as HTML.
 */
import { inUk, type Asset } from '../assets/categories';
import { HUBS_COLUMNS } from '../assets/hubs';
import { MAX_TEXT, cleanText, normalisePostcode, textTooLarge } from '../core/text';
import { BNG_EXTENT, bngToWgs84, detectCrs, type CrsId } from '../site/crs';
import { USER_FILE_LIMIT_BYTES, type ParsedTable, type RowIssue } from './types';

export { HUBS_COLUMNS, HUBS_TEMPLATE_CSV, HUBS_SCHEMA_DOC, parseHubsCsv, geocoderFromMap, hubsFileSizeError } from '../assets/hubs';
export type { HubsParseResult, HubsGeocoder, HubsParseOptions, HubsRejectedRow } from '../assets/hubs';

export type PointsGeocoder = (postcode: string) => { lon: number; lat: number; wardCode: string } | null;

export interface PointsOptions {
  /** The file's name as the person chose it; written into every point's source. */
  fileName: string;
  /** Postcode → its centre and ward code (null when unknown). Given the postcode as it appears, normalised ("AB12 3CD"). */
  geocode: PointsGeocoder;
  /** Whether a point lies in the borough. Points outside are kept (people cross boundaries) and marked. */
  inBorough: (lon: number, lat: number) => boolean;
  /** The borough ward containing a point, if any. Without it, postcode rows take the geocoder's ward code. */
  wardAt?: (lon: number, lat: number) => { code: string; name: string } | null;
}

export interface PointsLocated {
  byLatLon: number;
  byEastNorth: number;
  byPostcode: number;
}

export interface PointsResult {
  /** Points of the category 'user', in file order. */
  assets: Asset[];
  /** Rows (CSV: header = row 1) or features (GeoJSON: first feature = 1) that were not used, with the reason in words. */
  rejected: RowIssue[];
  /** What `rejected[].row` counts: 'row' for a CSV, 'feature' for GeoJSON. */
  itemWord: 'row' | 'feature';
  /** Things the person should know that did not stop a row being used. */
  warnings: string[];
  /** How the points in `assets` were located. */
  located: PointsLocated;
  /** Set when nothing in the file could be used at all (no location columns, not GeoJSON, too large…). */
  error?: string;
}

/** The licence written into every point from a person's file. */
export const USER_POINTS_LICENCE = 'Your own data';

/** "Your file: <name> (loaded in this browser only)". */
export function userPointsSource(fileName: string): string {
  const name = cleanText(fileName, 120).text || 'unnamed file';
  return `Your file: ${name} (loaded in this browser only)`;
}

// ---------------------------------------------------------------- column roles

type Role = 'name' | 'organisation' | 'lat' | 'lon' | 'easting' | 'northing' | 'postcode' | 'address' | 'category' | 'contact' | 'phone' | 'date';

/** Header words → role. `exact`: the whole header (words joined by '_'); `word`: any one word of it. */
const ROLES: readonly { role: Role; exact: readonly string[]; word: readonly string[] }[] = [
  { role: 'lat', exact: ['lat', 'latitude', 'wgs84_lat', 'lat_wgs84', 'y_lat'], word: ['latitude', 'lat'] },
  { role: 'lon', exact: ['lon', 'lng', 'long', 'longitude', 'wgs84_lon', 'lon_wgs84', 'x_lon'], word: ['longitude', 'lon', 'lng'] },
  { role: 'easting', exact: ['easting', 'eastings', 'east', 'x', 'x_coord', 'x_coordinate', 'bng_e', 'os_easting', 'grid_easting'], word: ['easting', 'eastings'] },
  { role: 'northing', exact: ['northing', 'northings', 'north', 'y', 'y_coord', 'y_coordinate', 'bng_n', 'os_northing', 'grid_northing'], word: ['northing', 'northings'] },
  { role: 'postcode', exact: ['postcode', 'post_code', 'postal_code', 'postalcode', 'pcd', 'pcds', 'pcode', 'zip'], word: ['postcode', 'postcodes'] },
  { role: 'name', exact: ['name', 'title', 'site_name', 'site', 'venue', 'place', 'place_name', 'label'], word: ['name', 'title'] },
  { role: 'organisation', exact: ['organisation', 'organization', 'org', 'organisation_name', 'organization_name', 'provider'], word: ['organisation', 'organization'] },
  { role: 'address', exact: ['address', 'street', 'street_address', 'address_1', 'address1', 'address_line_1', 'full_address'], word: ['address', 'street'] },
  { role: 'category', exact: ['category', 'type', 'kind', 'subcategory', 'sub_category', 'service_type', 'asset_type'], word: ['category', 'type', 'kind'] },
  { role: 'phone', exact: ['phone', 'telephone', 'tel', 'phone_number', 'telephone_number', 'mobile'], word: ['phone', 'telephone'] },
  { role: 'contact', exact: ['contact', 'email', 'e_mail', 'website', 'web', 'url', 'web_address', 'email_address', 'contact_details'], word: ['contact', 'email', 'website', 'web', 'url'] },
  { role: 'date', exact: ['last_updated', 'updated', 'date', 'last_verified', 'verified', 'date_updated', 'updated_at', 'last_checked', 'as_at'], word: ['updated', 'date', 'verified'] },
];
/** Header words that say a column is about something else (a ward's name is not the point's name). */
const NOT_NAME = new Set(['ward', 'lsoa', 'msoa', 'code', 'id', 'contact', 'file', 'district', 'borough', 'la', 'lad']);
/** Roles that may take several columns (joined). */
const MULTI: ReadonlySet<Role> = new Set(['contact', 'address']);

const headerWords = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

/** Which column holds each role: an exact header first, then a header containing one of the role's words. */
function assignColumns(headers: readonly string[]): { cols: Partial<Record<Role, number[]>>; notes: string[] } {
  const cols: Partial<Record<Role, number[]>> = {};
  const used = new Set<number>();
  const notes: string[] = [];
  const words = headers.map((h) => headerWords(String(h ?? '')));
  const take = (role: Role, i: number) => {
    const have = cols[role];
    if (have && !MULTI.has(role)) {
      notes.push(`Columns "${cleanText(headers[have[0]], 40).text}" and "${cleanText(headers[i], 40).text}" both look like ${ROLE_WORDS[role]}; the first is used.`);
      used.add(i);
      return;
    }
    (cols[role] ??= []).push(i);
    used.add(i);
  };
  words.forEach((w, i) => {
    if (!w.length) return;
    const key = w.join('_');
    const r = ROLES.find((x) => x.exact.includes(key));
    if (r) take(r.role, i);
  });
  words.forEach((w, i) => {
    if (!w.length || used.has(i)) return;
    const r = ROLES.find((x) => !cols[x.role] && w.some((word) => x.word.includes(word)) && !(x.role === 'name' && w.some((word) => NOT_NAME.has(word))));
    if (r) take(r.role, i);
  });
  return { cols, notes };
}

const ROLE_WORDS: Record<Role, string> = {
  name: 'a name',
  organisation: 'an organisation',
  lat: 'latitude',
  lon: 'longitude',
  easting: 'eastings',
  northing: 'northings',
  postcode: 'postcodes',
  address: 'an address',
  category: 'a category',
  contact: 'contact details',
  phone: 'a phone number',
  date: 'a date',
};

// ---------------------------------------------------------------- numbers, dates, lists

/** A decimal degree: "54.56", "-1.3", "+1.2", ".5", or with a decimal comma "54,56". NaN when not a number. */
function parseDegrees(raw: string): number {
  const s = raw.trim().replace(/^\+/, '');
  if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number(s);
  if (/^-?\d{1,3},\d+$/.test(s)) return Number(s.replace(',', '.'));
  return NaN;
}

/** Grid metres: "444136", "444136.5", "444,136" or "444 136". NaN when not a number. */
function parseMetres(raw: string): number {
  const s = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/[, ]/g, ''));
  return NaN;
}

/** ISO date from YYYY-MM-DD or DD/MM/YYYY; other text (e.g. "Sep 2025") kept as written. */
function readDate(raw: string): string {
  const t = cleanText(raw, 40).text;
  let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/);
  let y = 0;
  let mo = 0;
  let d = 0;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = t.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return t;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return t;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "rows 3, 5 and 9" / "features 2 and 4 more" — at most `max` numbers written out. */
export function itemList(word: 'row' | 'feature', nums: readonly number[], max = 8): string {
  if (nums.length === 1) return `${word} ${nums[0]}`;
  const shown = nums.slice(0, max);
  const rest = nums.length - shown.length;
  const list = rest > 0 ? `${shown.join(', ')} and ${rest} more` : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `${word}s ${list}`;
}

const UK_RANGE_WORDS = 'latitude 49.8 to 60.9, longitude -8.7 to 1.8';
const fmt = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : String(x));

/** A category that marks an individual champion (never a point: they are counted per ward, through the hubs template). */
const isIndividualChampion = (category: string) => /\b(champion[\s_-]*individual|individual[\s_-]*champion)\b/i.test(category);

// ---------------------------------------------------------------- shared row → asset

interface Fields {
  name: string;
  organisation: string;
  address: string;
  category: string;
  contact: string;
  phone: string;
  date: string;
  postcodeRaw: string;
}

type Where = { lon: number; lat: number; how: keyof PointsLocated; postcode: string | null; geocodedWard: string | null };

class Collector {
  readonly out: PointsResult;
  private readonly source: string;
  private readonly seen = new Map<string, number>();
  readonly repeats: number[] = [];
  readonly unnamed: number[] = [];
  readonly trimmed: number[] = [];
  readonly outside: number[] = [];
  readonly dates: number[] = [];

  constructor(
    private readonly opts: PointsOptions,
    itemWord: 'row' | 'feature',
  ) {
    this.out = { assets: [], rejected: [], itemWord, warnings: [], located: { byLatLon: 0, byEastNorth: 0, byPostcode: 0 } };
    this.source = userPointsSource(opts?.fileName ?? '');
  }

  reject(row: number, text: string) {
    this.out.rejected.push({ row, text });
  }

  add(item: number, f: Fields, w: Where, suffix = '') {
    let cut = false;
    const t = (raw: string, max = MAX_TEXT) => {
      const c = cleanText(raw, max);
      if (c.trimmed) cut = true;
      return c.text;
    };
    let name = t(f.name);
    const organisation = t(f.organisation);
    if (!name && organisation) name = organisation;
    if (!name) {
      name = `Unnamed point (${this.out.itemWord} ${item})`;
      this.unnamed.push(item);
    }
    if (suffix) name = `${name}${suffix}`;
    const lon = Math.round(w.lon * 1e6) / 1e6;
    const lat = Math.round(w.lat * 1e6) / 1e6;
    let inBorough = false;
    try {
      inBorough = !!this.opts.inBorough(lon, lat);
    } catch {
      inBorough = false;
    }
    if (!inBorough) this.outside.push(item);
    const asset: Asset = {
      id: `user:${this.out.assets.length + 1}`,
      name,
      category: 'user',
      subcategory: t(f.category, 80),
      address: t(f.address),
      postcode: w.postcode ?? '',
      lon,
      lat,
      source: this.source,
      licence: USER_POINTS_LICENCE,
      lastUpdated: f.date ? readDate(f.date) : '',
      status: 'open',
      inBorough,
    };
    if (f.date && !/^\d{4}-\d{2}-\d{2}$/.test(asset.lastUpdated)) this.dates.push(item);
    let ward: { code: string; name: string } | null = null;
    try {
      ward = this.opts.wardAt?.(lon, lat) ?? null;
    } catch {
      ward = null;
    }
    if (ward && typeof ward.code === 'string') {
      asset.wardCode = cleanText(ward.code, 20).text;
      const wn = cleanText(ward.name, 80).text;
      if (wn) asset.ward = wn;
    } else if (!this.opts.wardAt && w.geocodedWard) asset.wardCode = cleanText(w.geocodedWard, 20).text;
    if (organisation && organisation !== name) asset.organisation = organisation;
    const contact = t(f.contact);
    if (contact) asset.contact = contact;
    const phone = t(f.phone, 40);
    if (phone) asset.phone = phone;
    if (cut) this.trimmed.push(item);
    const key = `${name.toLowerCase()}|${lon.toFixed(5)},${lat.toFixed(5)}`;
    if (this.seen.has(key)) this.repeats.push(item);
    else this.seen.set(key, item);
    this.out.assets.push(asset);
    this.out.located[w.how]++;
  }

  finish(): PointsResult {
    const word = this.out.itemWord;
    const W = this.out.warnings;
    if (this.unnamed.length) W.push(`${cap(itemList(word, this.unnamed))} had no name; shown as "Unnamed point".`);
    if (this.trimmed.length) W.push(`${cap(itemList(word, this.trimmed))}: long text cut to ${MAX_TEXT} characters.`);
    if (this.repeats.length) W.push(`${cap(itemList(word, this.repeats))} repeat an earlier name and location (kept).`);
    if (this.dates.length) W.push(`${cap(itemList(word, this.dates))}: the date is not in the form YYYY-MM-DD or DD/MM/YYYY; kept as written.`);
    if (this.outside.length)
      W.push(
        this.outside.length === this.out.assets.length
          ? 'None of the points is in the borough; they are kept and counted wherever they are in reach.'
          : `${this.outside.length} of ${this.out.assets.length} points lie outside the borough (${itemList(word, this.outside)}); they are kept and counted wherever they are in reach.`,
      );
    if (this.out.rejected.length) W.push(`${this.out.rejected.length} ${word}${this.out.rejected.length === 1 ? ' was' : 's were'} not used; see the list for why.`);
    if (!this.out.assets.length && !this.out.error) W.push('No point in the file could be placed on the map.');
    return this.out;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Locate by postcode; a reason in words when that fails. */
function byPostcode(raw: string, geocode: PointsGeocoder): Where | string {
  const shown = cleanText(raw, 20).text;
  const pc = normalisePostcode(shown);
  if (!pc) return `"${shown}" is not a full UK postcode`;
  let g: ReturnType<PointsGeocoder> = null;
  try {
    g = geocode(pc);
  } catch {
    g = null;
  }
  if (!g || !Number.isFinite(g.lon) || !Number.isFinite(g.lat)) return `postcode ${pc} was not found (the app knows postcodes in and around the borough)`;
  if (!inUk(g.lon, g.lat)) return `postcode ${pc} has no usable location`;
  return { lon: g.lon, lat: g.lat, how: 'byPostcode', postcode: pc, geocodedWard: typeof g.wardCode === 'string' ? g.wardCode : null };
}

/** Grid metres within the British National Grid to a point in the UK; a reason in words when not. */
function byGrid(e: number, n: number): { lon: number; lat: number } | string {
  if (!(e >= 0 && e <= BNG_EXTENT.eastingMax && n >= 0 && n <= BNG_EXTENT.northingMax))
    return `easting ${fmt(e)}, northing ${fmt(n)} is outside the British National Grid (eastings 0 to 700000, northings 0 to 1300000)`;
  const [lon, lat] = bngToWgs84([e, n]);
  if (!inUk(lon, lat)) return `easting ${fmt(e)}, northing ${fmt(n)} is off the coast of Great Britain`;
  return { lon, lat };
}

// ---------------------------------------------------------------- CSV

/**
 * Read a parsed CSV of points. Location per row, first that works: latitude and longitude; easting and
 * northing (British National Grid, converted with crs.ts); postcode. A row with none usable is rejected
 * with its row number (header = row 1) and the reason. Never throws.
 */
export function readPointsCsv(table: ParsedTable, opts: PointsOptions): PointsResult {
  const c = new Collector(opts, 'row');
  const out = c.out;
  try {
    if (!table || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
      out.error = 'The file could not be read as a table.';
      return c.finish();
    }
    const { cols, notes } = assignColumns(table.columns);
    out.warnings.push(...notes);
    const one = (r: Role) => cols[r]?.[0];
    const iLat = one('lat');
    const iLon = one('lon');
    let iE = one('easting');
    let iN = one('northing');
    const iPc = one('postcode');
    const hasLatLon = iLat !== undefined && iLon !== undefined;
    const hasGrid = iE !== undefined && iN !== undefined;
    if ((iLat === undefined) !== (iLon === undefined)) out.warnings.push(`There is a ${iLat === undefined ? 'longitude' : 'latitude'} column but no ${iLat === undefined ? 'latitude' : 'longitude'} column, so it is not used.`);
    if ((iE === undefined) !== (iN === undefined)) out.warnings.push(`There is ${iE === undefined ? 'a northing' : 'an easting'} column but no ${iE === undefined ? 'easting' : 'northing'} column, so it is not used.`);
    if (!hasGrid) iE = iN = undefined;
    if (!hasLatLon && !hasGrid && iPc === undefined) {
      const shown = table.columns.slice(0, 12).map((h) => `"${cleanText(h, 40).text}"`).join(', ');
      out.error = `No location columns were found (the columns are ${shown || 'none'}). A point file needs latitude and longitude, easting and northing, or postcode columns.`;
      return c.finish();
    }
    if (one('name') === undefined && one('organisation') === undefined) out.warnings.push('No name column (name, title or organisation) was found; points are named by their row.');

    const cell = (cells: readonly string[], i: number | undefined) => (i === undefined ? '' : String(cells[i] ?? ''));
    const cells = (cells: readonly string[], r: Role) => (cols[r] ?? []).map((i) => cleanText(cell(cells, i)).text).filter(Boolean);

    // The latitude and longitude columns swapped in every row with numbers in both: read the other way round.
    let latLonSwapped = false;
    if (hasLatLon) {
      let numeric = 0;
      let swapped = 0;
      for (const r of table.rows) {
        if (!Array.isArray(r)) continue;
        const la = parseDegrees(cell(r, iLat));
        const lo = parseDegrees(cell(r, iLon));
        if (!Number.isFinite(la) || !Number.isFinite(lo)) continue;
        numeric++;
        if (!inUk(lo, la) && inUk(la, lo)) swapped++;
      }
      if (numeric > 0 && swapped === numeric) {
        latLonSwapped = true;
        out.warnings.push(
          `The latitude and longitude columns look swapped: every row's "${cleanText(table.columns[iLat!], 40).text}" is a longitude in the UK and "${cleanText(table.columns[iLon!], 40).text}" a latitude, so they were read the other way round. Check the points are where you expect.`,
        );
      }
    }
    const swappedRows: number[] = [];
    let gridWasDegrees = false;

    table.rows.forEach((r, k) => {
      const row = k + 2;
      if (!Array.isArray(r) || r.every((x) => !String(x ?? '').trim())) return;
      const category = cells(r, 'category').join('; ');
      if (isIndividualChampion(category)) {
        c.reject(row, 'an individual champion is never shown as a point; use the hubs-and-champions template, which counts them per ward');
        return;
      }
      const reasons: string[] = [];
      let looksSwapped = false;
      let where: Where | null = null;
      const latS = cell(r, iLat).trim();
      const lonS = cell(r, iLon).trim();
      if (hasLatLon && (latS || lonS)) {
        let la = parseDegrees(latS);
        let lo = parseDegrees(lonS);
        if (latLonSwapped) [la, lo] = [lo, la];
        if (!latS || !lonS) reasons.push(latS ? 'latitude given without longitude' : 'longitude given without latitude');
        else if (!Number.isFinite(la) || !Number.isFinite(lo)) reasons.push(`latitude and longitude must be decimal numbers (got "${cleanText(latS, 20).text}", "${cleanText(lonS, 20).text}")`);
        else if (!inUk(lo, la)) {
          if (inUk(la, lo)) {
            looksSwapped = true;
            reasons.push(`latitude ${fmt(la)} and longitude ${fmt(lo)} look swapped (in the UK, latitude is 49.8 to 60.9 and longitude -8.7 to 1.8)`);
          } else reasons.push(`latitude ${fmt(la)}, longitude ${fmt(lo)} is outside Great Britain (${UK_RANGE_WORDS})`);
        } else where = { lon: lo, lat: la, how: 'byLatLon', postcode: null, geocodedWard: null };
      }
      const eS = cell(r, iE).trim();
      const nS = cell(r, iN).trim();
      if (!where && hasGrid && (eS || nS)) {
        const e = parseMetres(eS);
        const n = parseMetres(nS);
        if (!eS || !nS) reasons.push(eS ? 'easting given without northing' : 'northing given without easting');
        else if (!Number.isFinite(e) || !Number.isFinite(n)) reasons.push(`easting and northing must be numbers of metres (got "${cleanText(eS, 20).text}", "${cleanText(nS, 20).text}")`);
        else if (inUk(e, n) && !hasLatLon) {
          // "x"/"y" columns holding longitude and latitude (a common GIS export).
          gridWasDegrees = true;
          where = { lon: e, lat: n, how: 'byLatLon', postcode: null, geocodedWard: null };
        } else {
          const g = byGrid(e, n);
          if (typeof g === 'string') reasons.push(g);
          else where = { ...g, how: 'byEastNorth', postcode: null, geocodedWard: null };
        }
      }
      const pcS = cell(r, iPc).trim();
      if (!where && iPc !== undefined && pcS) {
        const p = byPostcode(pcS, opts.geocode);
        if (typeof p === 'string') reasons.push(p);
        else {
          where = p;
          if (reasons.length) out.warnings.push(`Row ${row}: ${reasons.join('; ')}; placed by its postcode instead.`);
        }
      }
      if (!where) {
        if (looksSwapped) swappedRows.push(row);
        c.reject(row, reasons.length ? reasons.join('; ') : `no location: give ${[hasLatLon && 'latitude and longitude', hasGrid && 'easting and northing', iPc !== undefined && 'a postcode'].filter(Boolean).join(', or ')}`);
        return;
      }
      if (where.how !== 'byPostcode' && pcS) {
        const pc = normalisePostcode(cleanText(pcS, 20).text);
        if (pc) where.postcode = pc;
      }
      if (where.how === 'byEastNorth' && reasons.length) out.warnings.push(`Row ${row}: ${reasons.join('; ')}; placed by its easting and northing instead.`);
      c.add(row, {
        name: cell(r, one('name')),
        organisation: cell(r, one('organisation')),
        address: cells(r, 'address').join(', '),
        category,
        contact: cells(r, 'contact').join('; '),
        phone: cell(r, one('phone')),
        date: cell(r, one('date')).trim(),
        postcodeRaw: pcS,
      }, where);
    });
    if (swappedRows.length)
      out.warnings.push(`${cap(itemList('row', swappedRows))} ${swappedRows.length === 1 ? 'has' : 'have'} latitude and longitude the wrong way round (other rows do not), so ${swappedRows.length === 1 ? 'it was' : 'they were'} not used. Swap the two values and load the file again.`);
    if (gridWasDegrees)
      out.warnings.push(`The columns "${cleanText(table.columns[iE!], 40).text}" and "${cleanText(table.columns[iN!], 40).text}" hold longitude and latitude in degrees, not grid metres, where they look like it; those rows were read as longitude and latitude.`);
  } catch (e) {
    out.error = `The file could not be read (${cleanText((e as Error)?.message ?? e, 120).text}).`;
  }
  return c.finish();
}

// ---------------------------------------------------------------- GeoJSON

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const propText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const isPos = (p: unknown): p is number[] => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** A feature's properties as Fields, keys matched like CSV headers. */
function propFields(props: Record<string, unknown>): Fields {
  const keys = Object.keys(props);
  const { cols } = assignColumns(keys);
  const one = (r: Role) => (cols[r]?.[0] === undefined ? '' : propText(props[keys[cols[r]![0]]]));
  const all = (r: Role, sep: string) => (cols[r] ?? []).map((i) => cleanText(propText(props[keys[i]])).text).filter(Boolean).join(sep);
  return {
    name: one('name'),
    organisation: one('organisation'),
    address: all('address', ', '),
    category: all('category', '; '),
    contact: all('contact', '; '),
    phone: one('phone'),
    date: one('date').trim(),
    postcodeRaw: one('postcode').trim(),
  };
}

/**
 * Read a GeoJSON FeatureCollection (or a single Feature) of Point and MultiPoint features. Coordinates in
 * WGS84 longitude/latitude, or British National Grid when a `crs` member names EPSG:27700 or every
 * position lies in the grid's range (converted with crs.ts). Other geometries are rejected with their
 * feature number (first = 1); a feature with no geometry but a postcode property is placed by postcode.
 * Never throws.
 */
export function readPointsGeoJson(text: string, opts: PointsOptions): PointsResult {
  const c = new Collector(opts, 'feature');
  const out = c.out;
  try {
    if (typeof text !== 'string') {
      out.error = 'The file could not be read as text.';
      return c.finish();
    }
    const tooBig = textTooLarge(text, 'Split it into smaller files.', USER_FILE_LIMIT_BYTES);
    if (tooBig) {
      out.error = tooBig;
      return c.finish();
    }
    let obj: unknown;
    try {
      obj = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      out.error = 'The file is not valid GeoJSON (it could not be read as JSON).';
      return c.finish();
    }
    let features: unknown[];
    if (isObj(obj) && obj.type === 'FeatureCollection' && Array.isArray(obj.features)) features = obj.features;
    else if (isObj(obj) && obj.type === 'Feature') features = [obj];
    else {
      out.error = 'The file is not a GeoJSON FeatureCollection of points.';
      return c.finish();
    }
    if (!features.length) {
      out.error = 'The GeoJSON has no features.';
      return c.finish();
    }

    // Which coordinate system: a named crs member first, else the ranges of the point positions.
    let crs: CrsId = 'unknown';
    const named = isObj(obj) && obj.crs !== undefined && obj.crs !== null;
    if (named) {
      crs = detectCrs({ type: 'FeatureCollection', crs: (obj as Record<string, unknown>).crs, features: [] });
      if (crs === 'unknown') {
        const props = isObj((obj as Record<string, unknown>).crs) ? ((obj as Record<string, Record<string, unknown>>).crs.properties as unknown) : null;
        const nm = isObj(props) ? cleanText(propText(props.name ?? props.code), 60).text : '';
        out.error = `The file's coordinate reference system${nm ? ` (${nm})` : ''} is not WGS84 longitude/latitude or British National Grid (EPSG:27700). Export it in one of those.`;
        return c.finish();
      }
    } else {
      const pts: unknown[] = [];
      for (const f of features) {
        const g = isObj(f) && isObj(f.geometry) ? f.geometry : null;
        if (g?.type === 'Point' && isPos(g.coordinates)) pts.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: g.coordinates.slice(0, 2) } });
        else if (g?.type === 'MultiPoint' && Array.isArray(g.coordinates))
          for (const p of g.coordinates) if (isPos(p)) pts.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p.slice(0, 2) } });
      }
      crs = pts.length ? detectCrs({ type: 'FeatureCollection', features: pts }) : 'EPSG:4326';
      if (crs === 'EPSG:27700') out.warnings.push('The coordinates are British National Grid eastings and northings (judged from their range); they were converted to longitude and latitude.');
      else if (crs === 'unknown') out.warnings.push('The coordinates mix longitude/latitude and grid metres; each point was read by its range.');
    }

    // [lat, lon] written in every point: swapped back with a warning (unambiguous: no UK point fits both ways).
    let swapAll = false;
    if (crs !== 'EPSG:27700') {
      let n = 0;
      let sw = 0;
      for (const f of features) {
        const g = isObj(f) && isObj(f.geometry) ? f.geometry : null;
        const ps = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates : [];
        for (const p of ps) {
          if (!isPos(p) || !(Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 180)) continue;
          n++;
          if (!inUk(p[0], p[1]) && inUk(p[1], p[0])) sw++;
        }
      }
      if (n > 0 && sw === n) {
        swapAll = true;
        out.warnings.push('Every point is written [latitude, longitude]; GeoJSON puts longitude first, so they were read the other way round. Check the points are where you expect.');
      }
    }

    const swapped: number[] = [];
    const locate = (p: unknown): Where | string => {
      if (!isPos(p)) return 'a position must be two numbers';
      const [x, y] = p;
      const grid = crs === 'EPSG:27700' || (crs === 'unknown' && !(Math.abs(x) <= 180 && Math.abs(y) <= 90));
      if (grid) {
        const g = byGrid(x, y);
        return typeof g === 'string' ? g : { ...g, how: 'byEastNorth', postcode: null, geocodedWard: null };
      }
      const [lon, lat] = swapAll ? [y, x] : [x, y];
      if (inUk(lon, lat)) return { lon, lat, how: 'byLatLon', postcode: null, geocodedWard: null };
      if (inUk(lat, lon)) return `longitude ${fmt(lon)} and latitude ${fmt(lat)} look swapped (GeoJSON puts longitude first)`;
      return `longitude ${fmt(lon)}, latitude ${fmt(lat)} is outside Great Britain (${UK_RANGE_WORDS})`;
    };

    features.forEach((f, k) => {
      const item = k + 1;
      if (!isObj(f) || f.type !== 'Feature') {
        c.reject(item, 'not a GeoJSON Feature');
        return;
      }
      const fields = propFields(isObj(f.properties) ? f.properties : {});
      if (isIndividualChampion(fields.category)) {
        c.reject(item, 'an individual champion is never shown as a point; use the hubs-and-champions template, which counts them per ward');
        return;
      }
      const pcNorm = fields.postcodeRaw ? normalisePostcode(cleanText(fields.postcodeRaw, 20).text) : null;
      const g = f.geometry;
      if (g === null || g === undefined) {
        if (fields.postcodeRaw) {
          const p = byPostcode(fields.postcodeRaw, opts.geocode);
          if (typeof p === 'string') c.reject(item, `no geometry, and ${p}`);
          else c.add(item, fields, p);
        } else c.reject(item, 'no geometry and no postcode');
        return;
      }
      if (!isObj(g) || typeof g.type !== 'string') {
        c.reject(item, 'the geometry is not GeoJSON');
        return;
      }
      if (g.type !== 'Point' && g.type !== 'MultiPoint') {
        c.reject(item, `a ${cleanText(g.type, 30).text}, not a point`);
        return;
      }
      const positions: unknown[] = g.type === 'Point' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [];
      if (!positions.length) {
        c.reject(item, g.type === 'MultiPoint' && Array.isArray(g.coordinates) ? 'a MultiPoint with no points' : 'the coordinates are missing');
        return;
      }
      const placed: Where[] = [];
      const reasons: string[] = [];
      for (const p of positions) {
        const w = locate(p);
        if (typeof w === 'string') {
          if (!reasons.includes(w)) reasons.push(w);
        } else placed.push(pcNorm ? { ...w, postcode: pcNorm } : w);
      }
      if (!placed.length) {
        if (reasons.some((r) => r.includes('look swapped'))) swapped.push(item);
        c.reject(item, reasons.join('; '));
        return;
      }
      if (reasons.length) out.warnings.push(`Feature ${item}: ${positions.length - placed.length} of its ${positions.length} points not used (${reasons.join('; ')}).`);
      placed.forEach((w, i) => c.add(item, fields, w, placed.length > 1 ? ` (${i + 1} of ${placed.length})` : ''));
    });
    const uniq = [...new Set(swapped)];
    if (uniq.length)
      out.warnings.push(`${cap(itemList('feature', uniq))} ${uniq.length === 1 ? 'has' : 'have'} latitude first (other features do not), so ${uniq.length === 1 ? 'it was' : 'they were'} not used. GeoJSON positions are [longitude, latitude].`);
  } catch (e) {
    out.error = `The file could not be read (${cleanText((e as Error)?.message ?? e, 120).text}).`;
  }
  return c.finish();
}

/**
 * Which ways of locating points a CSV's columns offer (the same header matching readPointsCsv uses):
 * for telling a point file from an indicator file before reading it.
 */
export function locationColumns(columns: readonly string[]): { latLon: boolean; eastNorth: boolean; postcode: boolean } {
  const { cols } = assignColumns(Array.isArray(columns) ? columns : []);
  return { latLon: !!cols.lat && !!cols.lon, eastNorth: !!cols.easting && !!cols.northing, postcode: !!cols.postcode };
}

// ---------------------------------------------------------------- the hubs-and-champions case

/**
 * True when a CSV's columns are the hubs-and-champions template's (HUBS_COLUMNS): a `name` and a `kind`
 * column, a location (postcode, or latitude and longitude), and no column the template does not have
 * (case, spaces and a byte-order mark ignored). Such a file is read with parseHubsCsv, so individual
 * champions are only ever counted per ward.
 */
export function isHubsFile(columns: readonly string[]): boolean {
  if (!Array.isArray(columns)) return false;
  const cols = columns.map((c) => String(c ?? '').replace(/^\uFEFF/, '').trim().toLowerCase()).filter(Boolean);
  const set = new Set(cols);
  const known = HUBS_COLUMNS as readonly string[];
  if (!set.has('name') || !set.has('kind')) return false;
  if (!set.has('postcode') && !(set.has('latitude') && set.has('longitude'))) return false;
  return cols.every((c) => known.includes(c));
}
