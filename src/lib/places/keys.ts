/**
 * Places a user can compare: standard areas, preset and custom neighbourhoods, GP practice groups.
 * A place is named by a short key "kind:id" so it fits in a URL.
 */
export type PlaceKind = 'ward' | 'lsoa' | 'msoa' | 'preset' | 'custom' | 'pcn';
export const PLACE_KINDS: readonly PlaceKind[] = ['ward', 'lsoa', 'msoa', 'preset', 'custom', 'pcn'];
export const MAX_COMPARISON = 6;

export interface PlaceRef {
  kind: PlaceKind;
  id: string;
}

export const placeKey = (p: PlaceRef) => `${p.kind}:${p.id}`;

export function parsePlaceKey(key: string): PlaceRef | null {
  const m = key.match(/^(ward|lsoa|msoa|preset|custom|pcn):([A-Za-z0-9_-]{1,40})$/);
  return m ? { kind: m[1] as PlaceKind, id: m[2] } : null;
}

/** A neighbourhood the user built: a name and a set of LSOA indices. */
export interface CustomArea {
  id: string;
  name: string;
  lsoas: number[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** LSOA indices as a bitset in base64url: 124 LSOAs take 21 characters whatever the selection. */
export function encodeLsoaSet(indices: number[], total: number): string {
  const bits = new Uint8Array(Math.ceil(total / 6));
  for (const i of indices) if (i >= 0 && i < total) bits[Math.floor(i / 6)] |= 1 << (i % 6);
  // Trim trailing zero characters to keep links short.
  let end = bits.length;
  while (end > 1 && bits[end - 1] === 0) end--;
  return Array.from(bits.slice(0, end), (b) => B64[b]).join('');
}

export function decodeLsoaSet(s: string, total: number): number[] | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(s) || s.length > Math.ceil(total / 6)) return null;
  const out: number[] = [];
  for (let c = 0; c < s.length; c++) {
    const v = B64.indexOf(s[c]);
    for (let b = 0; b < 6; b++) if (v & (1 << b)) out.push(c * 6 + b);
  }
  if (out.some((i) => i >= total)) return null;
  return out;
}

/** Clean a user-supplied name: plain text, no control characters, at most 60 characters. */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  // Cut by characters (not UTF-16 units) so an emoji is never split, then trim again.
  return Array.from(clean).slice(0, 60).join('').trim();
}

/** "name.bits" for the URL; the name is last so it may contain any character. */
export function serialiseCustom(a: CustomArea, total: number): string {
  return `${encodeLsoaSet(a.lsoas, total)}.${a.name}`;
}

export function parseCustom(raw: string, id: string, total: number): CustomArea | null {
  const dot = raw.indexOf('.');
  if (dot < 1) return null;
  const lsoas = decodeLsoaSet(raw.slice(0, dot), total);
  const name = cleanName(raw.slice(dot + 1));
  if (!lsoas || lsoas.length === 0 || !name) return null;
  return { id, name, lsoas };
}
