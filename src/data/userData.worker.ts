/**
 * The parsing worker for people's own files: reads the file in slices (so a large file never holds up
 * the page), parses it with the same code as the main thread, and reports progress at most about 20
 * times a second. Messages out are WorkerMessage; nothing leaves the browser.
 */
import { decodeBytes, parseCsvText } from '../lib/userdata/parse';
import type { ParsedTable, WorkerMessage } from '../lib/userdata/types';

export type ParseRequest = { file: Blob & { name?: string }; fileName?: string } | { text: string; fileName: string };

/** Bytes read per slice. */
const SLICE = 4 << 20;
/** Least time between progress messages (ms): at most ~20 a second. */
const PROGRESS_EVERY_MS = 50;
/** Share of the progress bar given to reading the bytes; the rest is parsing. */
const READ_SHARE = 0.3;

async function readBlob(file: Blob, onFraction: (f: number) => void): Promise<{ text: string; note?: string }> {
  const bytes = new Uint8Array(file.size);
  for (let offset = 0; offset < file.size; offset += SLICE) {
    const part = new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer());
    bytes.set(part, offset);
    onFraction(Math.min(1, (offset + part.length) / (file.size || 1)));
  }
  return decodeBytes(bytes);
}

/**
 * One parse request to messages: progress (throttled), then parsed or error. Exported so tests and the
 * main-thread fallback run exactly what the worker runs.
 */
export async function runParse(req: ParseRequest, post: (m: WorkerMessage) => void, now: () => number = () => Date.now()): Promise<ParsedTable | null> {
  let last = -Infinity;
  const progress = (fraction: number, rows: number, force = false) => {
    const t = now();
    if (!force && t - last < PROGRESS_EVERY_MS) return;
    last = t;
    post({ type: 'progress', fraction, rows });
  };
  try {
    let text: string;
    let notes: string[] = [];
    const fileName = ('fileName' in req && req.fileName) || ('file' in req && req.file.name) || 'file';
    if ('file' in req) {
      const read = await readBlob(req.file, (f) => progress(f * READ_SHARE, 0));
      text = read.text;
      if (read.note) notes = [read.note];
    } else text = req.text;
    const table = parseCsvText(text, fileName, { notes, onProgress: (f, rows) => progress(READ_SHARE + f * (1 - READ_SHARE), rows) });
    progress(1, table.rows.length, true);
    post({ type: 'parsed', table });
    return table;
  } catch (e) {
    post({ type: 'error', message: e instanceof Error && e.message ? e.message : 'The file could not be read.' });
    return null;
  }
}

// Inside a worker (not when the main thread imports runParse for its fallback): answer each request.
const g = globalThis as unknown as { WorkerGlobalScope?: new () => unknown; postMessage: (m: WorkerMessage) => void; onmessage: ((e: MessageEvent<ParseRequest>) => void) | null };
if (typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope) {
  g.onmessage = (e) => {
    void runParse(e.data, (m) => g.postMessage(m));
  };
}
