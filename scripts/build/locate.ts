/** Point lookups resolved to areas by point in polygon: the postcode index, gazetteer places, and preset neighbourhoods. */
import type { AreaList, GeographyId, PostcodeIndex, PresetArea } from '../../src/lib/core/types';
import { findArea } from './aggregate';
import { fail, round5 } from './io';
import type { Validated } from './validate';

type Areas = Record<GeographyId, AreaList>;

/** Postcodes: LSOA by point in polygon (Code-Point has no LSOA), ward from Code-Point itself. */
export function postcodeIndex(v: Validated, areas: Areas): { postcodes: PostcodeIndex; summary: string } {
  const postcodes: PostcodeIndex = {};
  let unmatched = 0;
  for (const [pc, p] of v.postcodes.points) {
    const li = findArea({ layer: v.layers.lsoa, bboxes: areas.lsoa.bbox, lon: p.lon, lat: p.lat });
    if (li < 0) unmatched++;
    postcodes[pc] = [round5(p.lon), round5(p.lat), li, v.wardIndex.get(p.wardCode) ?? -1];
  }
  return { postcodes, summary: `postcodes: ${v.postcodes.points.size} (${unmatched} fall outside the generalised LSOA boundaries and carry only their ward)` };
}

/** Gazetteer places for search, with the LSOA and ward each lies in. */
export function placeIndex(v: Validated, areas: Areas) {
  return v.gazetteer.features
    .filter((f) => f.geometry?.type === 'Point' && f.properties?.name)
    .map((f) => {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      return {
        name: String(f.properties!.name),
        type: String(f.properties!.type ?? f.properties!.kind ?? 'place'),
        lon: round5(lon),
        lat: round5(lat),
        lsoa: findArea({ layer: v.layers.lsoa, bboxes: areas.lsoa.bbox, lon, lat }),
        ward: findArea({ layer: v.layers.ward, bboxes: areas.ward.bbox, lon, lat }),
      };
    });
}

/** Presets: rules in presets.json resolved to LSOAs (best-fit ward, and/or the LSOA's most common postcode sector). */
export function resolvePresets(v: Validated, postcodes: PostcodeIndex): { presets: PresetArea[]; summary: string[] } {
  const { lsoa } = v.layers;
  const sectorCounts = lsoa.codes.map(() => new Map<string, number>());
  for (const [pc, [, , li]] of Object.entries(postcodes)) {
    if (li < 0) continue;
    const sector = pc.slice(0, -2);
    sectorCounts[li].set(sector, (sectorCounts[li].get(sector) ?? 0) + 1);
  }
  const dominantSector = (i: number) => [...sectorCounts[i].entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const summary: string[] = v.place.files.presets === undefined ? ['presets: none (place.json names no presets file, "files.presets")'] : [];
  const presets = v.presets.map((p) => {
    const lsoas = lsoa.codes.filter(
      (_, i) =>
        (!p.rule.bestFitWard || v.lsoaWard[i] === v.wardIndex.get(p.rule.bestFitWard)) &&
        (!p.rule.dominantPostcodeSector || dominantSector(i) === p.rule.dominantPostcodeSector),
    );
    if (!lsoas.length) fail(`${v.place.files.presets}: rule for "${p.name}" selects no LSOAs`);
    summary.push(`preset ${p.name}: ${lsoas.map((c) => lsoa.names[v.lsoaIndex.get(c)!]).join(', ')}`);
    return { id: p.id, name: p.name, ruleText: p.ruleText, lsoas };
  });
  return { presets, summary };
}
