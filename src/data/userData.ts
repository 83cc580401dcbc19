/**
 * Reading a person's own CSV off the main thread: a size check, then the parsing worker (a module worker
 * Vite bundles), with progress; where workers are unavailable (or fail to start) the same code runs on the
 * main thread. The file is read in this browser only.
 */
import { USER_FILE_LIMIT_BYTES, type ParsedTable, type WorkerMessage } from '../lib/userdata/types';
import { runParse } from './userData.worker';

export interface ParseProgress {
  fraction: number;
  rows: number;
}

const mb = (bytes: number) => {
  const x = bytes / 1_000_000;
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
};

/** The message for a file over the limit ("This file is 61.2 MB; the limit is 50 MB."), or null. */
export function fileSizeProblem(bytes: number, limit = USER_FILE_LIMIT_BYTES): string | null {
  return bytes > limit ? `This file is ${mb(bytes)} MB; the limit is ${mb(limit)} MB.` : null;
}

/** Parse on this thread (the fallback), reporting progress the same way. */
export async function parseOnMainThread(file: File, onProgress?: (p: ParseProgress) => void): Promise<ParsedTable> {
  let error = 'The file could not be read.';
  const table = await runParse({ file, fileName: file.name }, (m) => {
    if (m.type === 'progress') onProgress?.({ fraction: m.fraction, rows: m.rows });
    else if (m.type === 'error') error = m.message;
  });
  if (!table) throw new Error(error);
  return table;
}

/**
 * Read and parse a CSV in a worker. Rejects with a plain-English Error (too large, empty, one column, no
 * rows…); `signal` stops the worker (e.g. "Cancel").
 */
export function parseInWorker(file: File, onProgress?: (p: ParseProgress) => void, signal?: AbortSignal): Promise<ParsedTable> {
  const tooBig = fileSizeProblem(file.size);
  if (tooBig) return Promise.reject(new Error(tooBig));
  if (typeof Worker === 'undefined') return parseOnMainThread(file, onProgress);
  return new Promise<ParsedTable>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./userData.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      parseOnMainThread(file, onProgress).then(resolve, reject);
      return;
    }
    let settled = false;
    const finish = () => {
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      if (settled) return;
      finish();
      reject(new DOMException('Reading the file was cancelled.', 'AbortError'));
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (settled) return;
      if (m.type === 'progress') onProgress?.({ fraction: m.fraction, rows: m.rows });
      else if (m.type === 'parsed') {
        finish();
        resolve(m.table);
      } else {
        finish();
        reject(new Error(m.message));
      }
    };
    // The worker could not start (e.g. blocked): read the file here instead.
    worker.onerror = (e) => {
      if (settled) return;
      e.preventDefault?.();
      finish();
      parseOnMainThread(file, onProgress).then(resolve, reject);
    };
    worker.postMessage({ file, fileName: file.name });
  });
}
