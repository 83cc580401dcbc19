import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL_JS_BUDGET_KB, initialJsFiles, initialJsBytes, kB, mapChunk, mapPreloads, entryScripts, staticClosure, lazyFromInitial, staticImports, dynamicImports } from '../../scripts/bench/size';

/**
 * Size budget of the built app (not timed): the JS the first page loads stays under budget, and MapLibre
 * stays in a chunk of its own, loaded lazily. Measured by the same function `npm run bench` prints
 * ("initial JS gzip kB"), so the test and the bench cannot disagree.
 */
const DIST = process.env.DIST_DIR ?? 'dist';

describe('size budget of the build', () => {
  it(`initial JS (scripts, modulepreloads and their static imports) is under ${INITIAL_JS_BUDGET_KB} kB gzipped`, () => {
    const files = initialJsFiles(DIST);
    expect(files.length, 'the initial HTML loads some JS').toBeGreaterThan(0);
    const size = kB(initialJsBytes(DIST, files));
    expect(size, `initial JS ${size} kB gzip: ${files.join(', ')}`).toBeLessThan(INITIAL_JS_BUDGET_KB);
  });

  it('the map chunk exists, is loaded lazily, and is outside the initial module graph', () => {
    const map = mapChunk(DIST);
    expect(map, 'a built chunk carries MapLibre').not.toBeNull();
    const initial = initialJsFiles(DIST);
    expect(initial).not.toContain(map);
    // Nothing MapLibre's code has is in the initial files either (it was not inlined into the entry).
    for (const f of initial) expect(readFileSync(join(DIST, f), 'utf8').includes('maplibregl-canvas'), f).toBe(false);
    expect(lazyFromInitial(DIST, initial), 'the initial code loads the map chunk with import()').toContain(map);
  });

  it('the page preloads the map chunk, and what the budget leaves out as map preloads is only the map chunk and its imports', () => {
    const map = mapChunk(DIST)!;
    const preloads = mapPreloads(DIST);
    expect(preloads).toContain(map);
    // Only what the map chunk adds: its static imports, less anything the page's entry script needs anyway.
    const entry = new Set(staticClosure(DIST, entryScripts(DIST)));
    const closure = new Set(staticClosure(DIST, [map]));
    for (const f of preloads) expect(closure.has(f) && !entry.has(f), `${f} is marked as a map preload but is not something only the map chunk loads`).toBe(true);
  });
});

describe('reading built chunks (synthetic snippets)', () => {
  it.each([
    ['import{a as b}from"./index-abc.js";', ['./index-abc.js'], []],
    ['import"./side-effect.js";', ['./side-effect.js'], []],
    ['export{x}from"./re-export.js";', ['./re-export.js'], []],
    ['const m=()=>import(`./MapView-x.js`);', [], ['./MapView-x.js']],
    ['P(()=>import("./lazy.js"),[])', [], ['./lazy.js']],
    ['let s="no imports here"', [], []],
  ])('%s', (src, stat, dyn) => {
    expect(staticImports(src)).toEqual(stat);
    expect(dynamicImports(src)).toEqual(dyn);
  });
});
