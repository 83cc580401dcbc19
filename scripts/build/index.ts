/**
 * The data build as steps: read inputs -> validate -> derive -> aggregate -> write.
 * Each step takes its inputs as arguments (directories or data), so tests can run any of them on
 * temporary directories or edited inputs.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorBundle } from '../../src/lib/core/types';
import { areaLists } from './aggregate';
import { deriveAccess, deriveBoroughIndicators, deriveQof, deriveTableIndicators } from './derive';
import { readText, roundPlaces } from './io';
import { buildLookups2011 } from './legacy';
import { derivePlaceData } from './placeData';
import { placeIndex, postcodeIndex, resolvePresets } from './locate';
import { publicPlace } from './place';
import { parseQuotes } from './quotes';
import { readInputs, type Inputs } from './read';
import { validate } from './validate';
import { writeOutputs, type Outputs } from './write';
import { buildTiles, DEFAULT_TILE_ZOOMS, valueFiles, writeTiles, writeValueFiles } from './tiles';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA_DIR = join(ROOT, 'data');
export const DEFAULT_OUT_DIR = join(ROOT, 'public', 'data');

export interface BuildOptions {
  /** Where the inputs are (default data/). */
  dataDir?: string;
  /** Where the browser's files go (default public/data/). */
  outDir?: string;
  /** Timestamp written into indicators.json (default now); fixed in tests and output comparisons. */
  builtAt?: string;
  /**
   * Also write boundaries as vector tiles (tiles/) and indicator values per indicator (values/), for places too
   * big for one GeoJSON file per geography. indicators.json then names the tiles and the map draws from them.
   */
  tiles?: boolean;
}

/** What the tiles option adds to the outputs. */
export interface TileOutputs {
  tiles: ReturnType<typeof buildTiles>;
  values: Record<string, unknown>;
}

/** Everything between reading and writing: the content of every output file, and a summary of the checks. */
export function buildOutputs(
  inputs: Inputs,
  { builtAt = new Date().toISOString(), tiles = false }: Pick<BuildOptions, 'builtAt' | 'tiles'> = {},
): { outputs: Outputs; summary: string[]; tiled?: TileOutputs } {
  const v = validate(inputs);
  const table = deriveTableIndicators(v);
  const qof = deriveQof(v);
  const access = deriveAccess(v);
  const boroughIndicators = deriveBoroughIndicators(v);
  const legacy = v.place.files.legacy === undefined ? null : buildLookups2011(v);
  // Place data held on 2011 areas (IoD 2019, green space, gardens) needs the 2011 lookups and its three files.
  const placeDataFiles = [v.place.files.imd2019, v.place.files.greenspace, v.place.files.gardens];
  const placeData =
    legacy && placeDataFiles.every((f) => f !== undefined)
      ? derivePlaceData(v, legacy.lookups)
      : { indicators: [], summary: ['place data on 2011 areas (IoD 2019, green space, gardens): none (place.json names no "files.legacy", "files.imd2019", "files.greenspace" and "files.gardens")'] };

  const areas = areaLists(v);
  const { lsoa, ward, msoa, borough, context } = v.layers;
  const pc = postcodeIndex(v, areas);
  const presets = resolvePresets(v, pc.postcodes);

  const quotes = v.place.quotes
    ? parseQuotes(v.place.quotes, readText(v.dataDir, v.place.quotes), (rel) => readText(v.dataDir, rel), presets.presets.map((p) => p.id), [...new Set(qof.hc.practices.flatMap((p) => Object.keys(p.conditions)))])
    : { quoted: [], summary: [] };

  const indicators = [...table.indicators, ...qof.indicators, ...access.indicators, ...placeData.indicators];
  const bundle: IndicatorBundle = {
    builtAt,
    place: publicPlace(v.place),
    areas,
    lsoaLinks: {
      msoa: v.lsoaMsoa,
      ward: v.lsoaWard,
      pwc: v.lsoaPwc,
      // The exact parts the build aggregates wards with, so the browser can aggregate by the same rule.
      wardParts: v.parts.ward.map((parts) => parts.map((p): [number, number] => [p.lsoa, roundPlaces(p.weight, 6)])),
    },
    themes: [...new Set(indicators.map((d) => d.theme))],
    indicators,
    presets: presets.presets,
    practices: qof.hc.practices,
    qof: { years: qof.hc.years, method: qof.hc.model.method, beta: qof.hc.model.beta, ...(qof.hc.model.crossingKm != null ? { crossingKm: qof.hc.model.crossingKm } : {}), rmse: qof.hc.model.rmse, note: qof.hc.model.note, flows: qof.hc.flows },
    boroughIndicators,
    quoted: quotes.quoted,
  };
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  const outputs: Outputs = {
    'indicators.json': bundle,
    'geo-lsoa.json': fc(lsoa.features),
    'geo-ward.json': fc(ward.features),
    'geo-msoa.json': fc(msoa.features),
    'geo-borough.json': fc(borough.features),
    // Neighbouring districts for context, without the borough itself.
    'geo-context.json': fc(context.features.filter((f) => f.properties?.code !== v.place.code)),
    'postcodes.json': pc.postcodes,
    'places.json': placeIndex(v, areas),
    'assets.json': access.assets,
    ...(legacy ? { 'lookups-2011.json': legacy.lookups } : {}),
  };
  const summary = [
    ...table.summary,
    ...qof.summary,
    ...access.summary,
    ...placeData.summary,
    `areas: ${lsoa.codes.length} LSOAs, ${ward.codes.length} wards, ${msoa.codes.length} MSOAs; residents ${v.population.reduce((a, b) => a + b, 0)}`,
    pc.summary,
    ...(v.place.files.postcodesArea === undefined ? ['postcodes of the surrounding area: none (place.json names no "files.postcodesArea"); practices are placed with the place\'s own postcodes only'] : []),
    ...presets.summary,
    ...quotes.summary,
    ...(legacy ? legacy.summary : [`lookups-2011: none (place.json names no 2011 lookups, "files.legacy"); lookups-2011.json not written, so files of 2011 codes are not recognised`]),
  ];
  let tiled: TileOutputs | undefined;
  if (tiles) {
    const layers = (['context', 'borough', 'msoa', 'ward', 'lsoa'] as const).map((id) => ({
      id,
      features: (outputs[`geo-${id}.json`] as GeoJSON.FeatureCollection).features,
      minzoom: DEFAULT_TILE_ZOOMS[id][0],
      maxzoom: DEFAULT_TILE_ZOOMS[id][1],
    }));
    const t = buildTiles(layers);
    bundle.tiles = t.manifest;
    tiled = { tiles: t, values: valueFiles(bundle) };
    // The values live in values/<id>.json only: indicators.json keeps each indicator's description.
    outputs['indicators.json'] = { ...bundle, valuesSplit: true, indicators: bundle.indicators.map((i) => ({ ...i, data: {} })) } satisfies IndicatorBundle;
    summary.push(`tiles: ${Object.entries(t.manifest.sets).map(([id, s]) => `${id} ${s.tiles} (z${s.minzoom}-${s.maxzoom})`).join(', ')}; values: ${Object.keys(tiled.values).length} files`);
  }
  return { outputs, summary, tiled };
}

/** Read, build and write. Nothing is written unless every step succeeds. */
export function build({ dataDir = DEFAULT_DATA_DIR, outDir = DEFAULT_OUT_DIR, builtAt, tiles }: BuildOptions = {}): { summary: string[] } {
  const { outputs, summary, tiled } = buildOutputs(readInputs(dataDir), { builtAt, tiles });
  writeOutputs(outDir, outputs);
  if (tiled) {
    writeTiles(outDir, tiled.tiles);
    writeValueFiles(outDir, tiled.values);
  }
  return { summary };
}
