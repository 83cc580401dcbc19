// Reads the JSON reports of the unit and browser runs and fails unless both ran tests and none failed.
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const name of ['unit', 'browser']) {
  const file = `test-results/${name}.json`;
  if (!existsSync(file)) {
    console.error(`${file} is missing: the ${name} tests did not run.`);
    process.exit(1);
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  if (!(r.numPassedTests > 0)) {
    console.error(`The ${name} tests ran no test.`);
    process.exit(1);
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
