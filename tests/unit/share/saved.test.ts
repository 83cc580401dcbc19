import { beforeEach, describe, expect, it } from 'vitest';

/** A corrupt local-storage entry is dropped with a notice, never a crash. */
const store = new Map<string, string>();
const fakeStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
};
(globalThis as unknown as { window: unknown }).window = { localStorage: fakeStorage };

const { restoreSaved, SAVED_UNREADABLE } = await import('../../../src/share/urlSync');
const { useStore } = await import('../../../src/store');

describe('saved neighbourhoods in this browser', () => {
  beforeEach(() => {
    store.clear();
    useStore.setState({ messages: [] });
  });

  it.each(['{not json', '"a string"', '{"a":1}', '42', 'null', '\u0000'])('an unreadable entry (%j) is removed, with a notice', (raw) => {
    store.set('nhe:neighbourhoods', raw);
    expect(restoreSaved()).toEqual([]);
    expect(store.has('nhe:neighbourhoods')).toBe(false);
    expect(useStore.getState().messages).toContain(SAVED_UNREADABLE);
  });

  it('a readable list is kept and nothing is said', () => {
    store.set('nhe:neighbourhoods', JSON.stringify(['Bw.Mine', 42, 'x'.repeat(100_000)]));
    const out = restoreSaved();
    expect(out.every((c) => typeof c === 'string' && c.length <= 400)).toBe(true);
    expect(store.has('nhe:neighbourhoods')).toBe(true);
    expect(useStore.getState().messages).toEqual([]);
  });

  it('no entry: nothing to say', () => {
    expect(restoreSaved()).toEqual([]);
    expect(useStore.getState().messages).toEqual([]);
  });
});
