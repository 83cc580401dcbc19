/** Text that arrives from outside (files, links, storage): cleaned, measured, never interpreted. Pure. */

export const MAX_TEXT = 200;

/**
 * Free text to a safe plain string: control characters removed, whitespace collapsed, trimmed,
 * and cut to `max` characters. Markup is left as literal text (never interpreted here); render it as text.
 */
export function cleanText(raw: unknown, max = MAX_TEXT): { text: string; trimmed: boolean } {
  if (raw === null || raw === undefined) return { text: '', trimmed: false };
  const s = String(raw).replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g, ' ').replace(/\s+/g, ' ').trim();
  if (s.length <= max) return { text: s, trimmed: false };
  // Do not split a surrogate pair.
  let cut = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return { text: cut.trimEnd(), trimmed: true };
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

/** A UK postcode in its standard form ("SW1A 1AA"), or null when the text is not a full postcode. */
export function normalisePostcode(input: string | null | undefined): string | null {
  const m = (input ?? '').toUpperCase().replace(/\s+/g, ' ').trim().match(POSTCODE);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** UTF-8 byte length without allocating a copy. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The one limit on a file a person loads (hubs, site boundaries): 5 MB, in decimal megabytes as file managers show them. */
export const UPLOAD_LIMIT_BYTES = 5_000_000;

/** The message for a file over the limit, or null when it is within it. Use before reading a File. */
export function fileTooLarge(bytes: number, advice: string, limitBytes = UPLOAD_LIMIT_BYTES): string | null {
  if (bytes <= limitBytes) return null;
  return `The file is ${(bytes / 1_000_000).toFixed(1)} MB; the limit is ${limitBytes / 1_000_000} MB. ${advice}`.trim();
}

/** As fileTooLarge, for text already read; a text longer in characters than the limit is over it without counting bytes. */
export function textTooLarge(text: string, advice: string, limitBytes = UPLOAD_LIMIT_BYTES): string | null {
  return fileTooLarge(text.length > limitBytes ? text.length : utf8Bytes(text), advice, limitBytes);
}
