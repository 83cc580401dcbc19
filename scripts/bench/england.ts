/**
 * England-scale benchmark: a SYNTHETIC England-size geography (33,755 LSOA-like cells, see synthetic-england.ts)
 * is made in a temporary folder, cut into vector tiles and per-indicator value files by the data build's own tile
 * step (scripts/build/tiles.ts), and drawn by a benchmark-only page (england-page/, never shipped) that uses the
 * app's own area layers and feature-state colouring. Nothing here is real data, and nothing is kept.
 *   tsx scripts/bench/england.ts        (on its own; npm run bench also runs it)
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild, preview } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { median } from 'simple-statistics';
import { buildTiles, DEFAULT_TILE_ZOOMS, valueFiles, writeTiles, writeValueFiles } from '../build/tiles';
import { ENGLAND_BBOX, syntheticAreas, syntheticEngland, syntheticIndicator } from './synthetic-england';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface EnglandResult {
  lsoas: number;
  msoas: number;
  /** Synthetic geography made and cut into tiles (the data build's tile step), ms. */
  tileBuildMs: number;
  tileFiles: number;
  tileBytes: number;
  /** Navigation to first idle, coloured: England view (MSOA-like areas, zoom 5.5), median ms. */
  englandFirstIdleMs: number;
  /** Navigation to first idle, coloured: a borough view (LSOA-like areas, zoom 11), median ms. */
  boroughFirstIdleMs: number;
  /** Every LSOA-like area's fill set by feature-state (33,755) until the map is idle, at zoom 8 (the widest LSOA view), median ms. */
  recolourMs: number;
  /** One redraw of that zoom-8 view with nothing changed (the renderer's floor under any recolour), median ms. */
  redrawMs: number;
  /** Every MSOA-like area's fill at the England view, median ms. */
  msoaRecolourMs: number;
  runs: number;
}

export interface EnglandOptions {
  runs?: number;
  /** Keep the temporary folder (for looking at the tiles). */
  keep?: boolean;
  log?: (s: string) => void;
}

/** Synthetic geography -> tiles and value files in `dataDir` (the data build's tile step, as `--tiles` runs it). */
export function buildSyntheticEngland(dataDir: string) {
  const g = syntheticEngland();
  // The district-like layer plays the part of the borough outline layer, from zoom 0.
  const layers = [
    { id: 'borough', features: g.district, minzoom: DEFAULT_TILE_ZOOMS.borough[0], maxzoom: DEFAULT_TILE_ZOOMS.borough[1] },
    ...(['msoa', 'ward', 'lsoa'] as const).map((id) => ({ id, features: g[id] as GeoJSON.Feature[], minzoom: DEFAULT_TILE_ZOOMS[id][0], maxzoom: DEFAULT_TILE_ZOOMS[id][1] })),
  ];
  const tiled = buildTiles(layers);
  const tileFiles = writeTiles(dataDir, tiled);
  let tileBytes = 0;
  for (const set of Object.values(tiled.tiles)) for (const b of set.values()) tileBytes += b.length;
  const areas = { lsoa: syntheticAreas(g.lsoa), msoa: syntheticAreas(g.msoa), ward: syntheticAreas(g.ward) };
  const codes = { lsoa: areas.lsoa.codes, msoa: areas.msoa.codes, ward: areas.ward.codes };
  const indicators = [syntheticIndicator('synthetic_a', codes, 1), syntheticIndicator('synthetic_b', codes, 2)];
  writeValueFiles(dataDir, valueFiles({ areas, indicators }));
  // No context districts around a synthetic England: an empty GeoJSON file stands in for them.
  writeFileSync(join(dataDir, 'geo-context.json'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
  return { lsoas: g.lsoa.length, msoas: g.msoa.length, tileFiles, tileBytes };
}

export async function benchEngland(browser: Browser, { runs = 3, keep = false, log = () => {} }: EnglandOptions = {}): Promise<EnglandResult> {
  const dir = mkdtempSync(join(tmpdir(), 'nhe-bench-england-synthetic-'));
  const site = join(dir, 'site');
  try {
    // The page first (the build empties its folder), then the data into it.
    log('england: building the benchmark page');
    await viteBuild({ configFile: false, root: join(HERE, 'england-page'), base: './', logLevel: 'error', plugins: [react()], build: { outDir: site, emptyOutDir: true, target: 'es2022' } });
    log('england: making the synthetic geography and its tiles');
    const t0 = Date.now();
    const dataDir = join(site, 'data');
    mkdirSync(dataDir, { recursive: true });
    const made = buildSyntheticEngland(dataDir);
    const tileBuildMs = Date.now() - t0;

    const server = await preview({ configFile: false, root: site, build: { outDir: site }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
    const base = server.resolvedUrls!.local[0];
    try {
      const [w, s, e, n] = ENGLAND_BBOX;
      const mid = { lon: (w + e) / 2, lat: (s + n) / 2 };
      const url = (geo: string, lon: number, lat: number, zoom: number) => `${base}?geo=${geo}&lon=${lon}&lat=${lat}&zoom=${zoom}&ind=synthetic_a`;
      const firstIdle = async (u: string) => {
        const ms: number[] = [];
        for (let i = 0; i < runs; i++) {
          const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const p = await ctx.newPage();
          const t = Date.now();
          await p.goto(u);
          await p.waitForFunction('window.__bench && (window.__bench.ready || window.__bench.error)', undefined, { timeout: 120_000 });
          const err = await p.evaluate('window.__bench.error');
          if (err) throw new Error(`england bench page: ${err}`);
          ms.push(Date.now() - t);
          await ctx.close();
        }
        return ms;
      };
      const recolour = async (u: string, geo: string) => {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const p = await ctx.newPage();
        await p.goto(u);
        await p.waitForFunction('window.__bench && (window.__bench.ready || window.__bench.error)', undefined, { timeout: 120_000 });
        const ms: number[] = [];
        const repaint: number[] = [];
        for (let i = 0; i < runs * 2; i++) {
          ms.push(Math.round((await p.evaluate(`window.__bench.recolour(${JSON.stringify(i % 2 ? 'synthetic_a' : 'synthetic_b')}, ${JSON.stringify(geo)})`)) as number));
          repaint.push(Math.round((await p.evaluate('window.__bench.repaint()')) as number));
        }
        await ctx.close();
        return { ms, repaint };
      };
      log('england: timing');
      const england = await firstIdle(url('msoa', mid.lon, mid.lat, 5.5));
      const borough = await firstIdle(url('lsoa', -1.5, 53.4, 11));
      const lsoaRecolour = await recolour(url('lsoa', mid.lon, mid.lat, 8), 'lsoa');
      const msoaRecolour = await recolour(url('msoa', mid.lon, mid.lat, 5.5), 'msoa');
      log(`england: first idle England ${england.join(', ')}; borough ${borough.join(', ')}; recolour LSOAs ${lsoaRecolour.ms.join(', ')} (redraw ${lsoaRecolour.repaint.join(', ')}); MSOAs ${msoaRecolour.ms.join(', ')} ms`);
      return {
        ...made,
        tileBuildMs,
        englandFirstIdleMs: median(england),
        boroughFirstIdleMs: median(borough),
        recolourMs: median(lsoaRecolour.ms),
        redrawMs: median(lsoaRecolour.repaint),
        msoaRecolourMs: median(msoaRecolour.ms),
        runs,
      };
    } finally {
      // The browser outlives this server (the caller owns it): drop its keep-alive connections, or close() waits on them.
      (server.httpServer as import('node:http').Server).closeAllConnections?.();
      await server.close();
    }
  } finally {
    if (keep) log(`england: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** The script-readable lines (`england first-idle ms: N`, `england recolour ms: N`) and context. */
export function printEngland(r: EnglandResult, out: (s: string) => void = console.log): void {
  out(`\nEngland scale (SYNTHETIC geography made at bench time: ${r.lsoas.toLocaleString('en-GB')} LSOA-like cells, ${r.msoas.toLocaleString('en-GB')} MSOA-like; vector tiles, headless Chromium, software WebGL; medians of ${r.runs} runs)`);
  out(`  tile build: ${r.tileFiles.toLocaleString('en-GB')} tiles, ${(r.tileBytes / 1e6).toFixed(1)} MB, ${r.tileBuildMs} ms (synthetic geography included)`);
  out(`england first-idle ms: ${Math.round(r.englandFirstIdleMs)}`);
  out(`borough first-idle ms: ${Math.round(r.boroughFirstIdleMs)}`);
  out(`england recolour ms: ${Math.round(r.recolourMs)}`);
  out(`  (first idle: navigation to coloured map idle; England view = MSOA-like areas at zoom 5.5, borough view = LSOA-like at zoom 11;`);
  out(`   recolour: all ${r.lsoas.toLocaleString('en-GB')} LSOA-like fills set by feature-state at zoom 8, the widest view LSOAs are drawn at, until idle, value file fetch included;`);
  out(`   one redraw of that view with nothing changed: ${Math.round(r.redrawMs)} ms; MSOA-like recolour at the England view: ${Math.round(r.msoaRecolourMs)} ms)`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    printEngland(await benchEngland(browser, { runs: Number(process.env.BENCH_RUNS ?? 3), keep: process.argv.includes('--keep'), log: (s) => console.error(s) }));
  } finally {
    await browser.close();
  }
}
