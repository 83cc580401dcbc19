/**
 * Data build CLI: reads the real data in data/ (see data/place.json and data/registry.ts), validates it,
 * and writes what the browser loads to public/data/. Fails loudly on any mismatch. The steps are in scripts/build/.
 *   npm run data                              rebuild
 *   tsx scripts/build-data.ts --if-missing    rebuild only when outputs are missing
 *   tsx scripts/build-data.ts --data DIR --out DIR   other input and output directories
 *   tsx scripts/build-data.ts --tiles         also vector tiles (tiles/) and per-indicator values (values/)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, DEFAULT_DATA_DIR, DEFAULT_OUT_DIR } from './build/index';
import { outputsPresent } from './build/write';


function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const dataDir = resolve(option(args, '--data') ?? DEFAULT_DATA_DIR);
  const outDir = resolve(option(args, '--out') ?? DEFAULT_OUT_DIR);
  if (args.includes('--if-missing') && outputsPresent(outDir)) {
    console.log(`data: outputs present in ${outDir} (run \`npm run data\` to rebuild)`);
  } else {
    const t0 = Date.now();
    try {
      const { summary } = build({ dataDir, outDir, tiles: args.includes('--tiles') });
      for (const s of summary) console.log(`  ${s}`);
      console.log(`data: built ${outDir} in ${Date.now() - t0} ms`);
    } catch (e) {
      console.error(`\nDATA BUILD FAILED: ${(e as Error).message}\n`);
      process.exit(1);
    }
  }
}
