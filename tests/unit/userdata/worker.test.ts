/**
 * The parsing worker's messages (progress at most ~20 a second, then parsed or error) and parseInWorker's
 * size check and main-thread fallback (Node has no Worker, so the fallback is what runs here).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileSizeProblem, parseInWorker } from '../../../src/data/userData';
import { runParse } from '../../../src/data/userData.worker';
import type { WorkerMessage } from '../../../src/lib/userdata/types';
import { fixtureText } from './helpers';

const big = 'code,value\n' + Array.from({ length: 30000 }, (_, i) => `E${String(i).padStart(8, '0')},${i}`).join('\n') + '\n';

describe('runParse (the worker’s job)', () => {
  it('posts throttled progress, then the table', async () => {
    const msgs: WorkerMessage[] = [];
    let clock = 0;
    // Each clock read advances 1 ms: progress may be posted at most once per 50 ms.
    const table = await runParse({ file: new Blob([big]), fileName: 'big.csv' }, (m) => msgs.push(m), () => clock++);
    expect(table!.rows).toHaveLength(30000);
    const progress = msgs.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(clock / 50) + 2);
    expect(progress[progress.length - 1]).toEqual({ type: 'progress', fraction: 1, rows: 30000 });
    const fractions = progress.map((m) => (m.type === 'progress' ? m.fraction : 0));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(msgs[msgs.length - 1]).toMatchObject({ type: 'parsed', table: { fileName: 'big.csv', columns: ['code', 'value'] } });
  });

  it('reads text as well as files, and Windows-1252 bytes with a note', async () => {
    const msgs: WorkerMessage[] = [];
    await runParse({ text: fixtureText('synthetic-bom-crlf.csv'), fileName: 'x.csv' }, (m) => msgs.push(m));
    expect(msgs.at(-1)).toMatchObject({ type: 'parsed', table: { columns: ['area', 'value'] } });
    const bytes = new Uint8Array([...new TextEncoder().encode('name,value\nCaf'), 0xe9, ...new TextEncoder().encode(',1\n')]);
    const t = await runParse({ file: new Blob([bytes]), fileName: 'cp1252.csv' }, () => {});
    expect(t!.rows[0][0]).toBe('Café');
    expect(t!.notes[0]).toMatch(/Windows-1252/);
  });

  it('posts an error message, never throws', async () => {
    const msgs: WorkerMessage[] = [];
    expect(await runParse({ text: 'only\none\n', fileName: 'x.csv' }, (m) => msgs.push(m))).toBeNull();
    expect(msgs.at(-1)).toEqual({ type: 'error', message: expect.stringMatching(/only one column/) });
  });
});

describe('parseInWorker', () => {
  it('refuses files over the limit with the size in words', async () => {
    expect(fileSizeProblem(61_200_000)).toBe('This file is 61.2 MB; the limit is 50 MB.');
    expect(fileSizeProblem(50_000_000)).toBeNull();
    const huge = { size: 61_234_567, name: 'huge.csv' } as File;
    await expect(parseInWorker(huge)).rejects.toThrow('This file is 61.2 MB; the limit is 50 MB.');
  });

  it('falls back to the main thread without Worker, with progress', async () => {
    expect(typeof Worker).toBe('undefined');
    const seen: number[] = [];
    const table = await parseInWorker(new File([big], 'big.csv'), (p) => seen.push(p.fraction));
    expect(table.fileName).toBe('big.csv');
    expect(table.rows).toHaveLength(30000);
    expect(seen.at(-1)).toBe(1);
  });

  afterEach(() => vi.unstubAllGlobals());

  /** A stand-in Worker that runs runParse (as the real worker does) or fails to start. */
  function fakeWorker(mode: 'runs' | 'fails') {
    const made: { terminated: boolean }[] = [];
    class FakeWorker {
      onmessage: ((e: { data: WorkerMessage }) => void) | null = null;
      onerror: ((e: { preventDefault(): void }) => void) | null = null;
      terminated = false;
      constructor() {
        made.push(this);
      }
      postMessage(req: Parameters<typeof runParse>[0]) {
        if (mode === 'fails') setTimeout(() => this.onerror?.({ preventDefault() {} }));
        else void runParse(req, (m) => setTimeout(() => this.onmessage?.({ data: m })));
      }
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    return made;
  }

  it('with a worker: progress, then the table, then the worker is ended', async () => {
    const made = fakeWorker('runs');
    const seen: number[] = [];
    const table = await parseInWorker(new File([big], 'big.csv'), (p) => seen.push(p.fraction));
    expect(table.rows).toHaveLength(30000);
    expect(seen.length).toBeGreaterThan(0);
    expect(made).toHaveLength(1);
    expect(made[0].terminated).toBe(true);
  });

  it('with a worker: its error message rejects', async () => {
    fakeWorker('runs');
    await expect(parseInWorker(new File(['code\nE01\n'], 'one.csv'))).rejects.toThrow(/only one column/);
  });

  it('a worker that cannot start: the main thread reads the file instead', async () => {
    const made = fakeWorker('fails');
    const table = await parseInWorker(new File(['code,value\nE01,1\n'], 'x.csv'));
    expect(table.rows).toEqual([['E01', '1']]);
    expect(made[0].terminated).toBe(true);
  });

  it('Cancel (abort) ends the worker and rejects', async () => {
    const made = fakeWorker('runs');
    const ctrl = new AbortController();
    const p = parseInWorker(new File([big], 'big.csv'), undefined, ctrl.signal);
    ctrl.abort();
    await expect(p).rejects.toThrow(/cancelled/);
    expect(made[0].terminated).toBe(true);
  });

  it('rejects with the parser’s message', async () => {
    await expect(parseInWorker(new File([''], 'empty.csv'))).rejects.toThrow('The file is empty.');
  });
});
