/**
 * Sizes of the built app, shared by the bench (which prints them) and the budget test (which fails on them),
 * so both always measure the same thing the same way.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';
import { MAP_PRELOAD_ATTR } from '../vite/preloadMap';

/** The initial JS budget, gzip kB (1 kB = 1,000 bytes, as Vite's build report counts). */
export const INITIAL_JS_BUDGET_KB = 150;

/** Gzip size (level 9) of one built file, in bytes. */
export const gzipBytes = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Bytes → kB with one decimal (1 kB = 1,000 bytes). */
export const kB = (bytes: number) => Math.round(bytes / 100) / 10;

/** Files a built chunk imports statically (`import … from"./x.js"`, `import"./x.js"`, `export … from"./x.js"`); `import(…)` is lazy and not counted. */
export function staticImports(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"'`]+\.m?js)["']/g)) out.add(m[1]);
  return [...out];
}

/** Files a built chunk loads lazily (`import("./x.js")`, with any quote). */
export function dynamicImports(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)) out.add(m[1]);
  return [...out];
}

/** Script and link tags of the built index.html that name JS, with whether each is a map-chunk preload. */
function jsTags(dist: string): { file: string; script: boolean; mapPreload: boolean }[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<(script|link)\b[^>]*\b(?:src|href)="([^"]+\.m?js)"[^>]*>/g)].map((m) => ({
    file: posix.normalize(m[2].replace(/^\.?\//, '')),
    script: m[1] === 'script',
    mapPreload: new RegExp(`\\s${MAP_PRELOAD_ATTR}(?:[\\s=>])`).test(m[0]),
  }));
}

/**
 * The map chunk's preload links (scripts/vite/preloadMap.ts): it downloads with the page but is evaluated only
 * when imported, so, as the budget is defined ("initial JS without the lazily loaded map chunk"), it is not
 * initial JS. The budget test checks that these name only the map chunk and what it imports.
 */
export const mapPreloads = (dist: string): string[] => jsTags(dist).filter((t) => t.mapPreload).map((t) => t.file);

/** The page's module scripts (its entry points), whatever they are marked. */
export const entryScripts = (dist: string): string[] => jsTags(dist).filter((t) => t.script).map((t) => t.file);

/**
 * The JS the initial HTML loads: its module scripts and modulepreload links (but not the map chunk's, see
 * mapPreloads), and everything they import statically, followed through the chunks. Paths are relative to
 * `dist` (e.g. `assets/index-abc.js`).
 */
export function initialJsFiles(dist: string): string[] {
  return staticClosure(dist, jsTags(dist).filter((t) => !t.mapPreload).map((t) => t.file));
}

/** The files and everything they import statically, followed through the chunks (paths relative to `dist`). */
export function staticClosure(dist: string, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !existsSync(join(dist, f))) continue;
    seen.add(f);
    const dir = posix.dirname(f);
    for (const dep of staticImports(readFileSync(join(dist, f), 'utf8'))) queue.push(posix.normalize(posix.join(dir, dep)));
  }
  return [...seen];
}

/** Gzip bytes of the initial JS. */
export function initialJsBytes(dist: string, files = initialJsFiles(dist)): number {
  return files.reduce((s, f) => s + gzipBytes(dist, f), 0);
}

/** The chunk that carries MapLibre (found by a class name only MapLibre's code has), or null. */
export function mapChunk(dist: string): string | null {
  const js = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !f.includes('worker'));
  const hit = js.find((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes('maplibregl-canvas'));
  return hit ? `assets/${hit}` : null;
}

/** Every chunk some initial file loads with `import(…)`, relative to `dist`. */
export function lazyFromInitial(dist: string, files = initialJsFiles(dist)): string[] {
  const out = new Set<string>();
  for (const f of files) for (const dep of dynamicImports(readFileSync(join(dist, f), 'utf8'))) out.add(posix.normalize(posix.join(posix.dirname(f), dep)));
  return [...out];
}
