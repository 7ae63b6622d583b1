// Sums the vitest JSON reports of every CI suite into the one line CI reads:
// "N passed, N failed". A suite that produced no report counts as one failure.
import fs from 'node:fs';

const [smokePassed, smokeFailed, ...reports] = process.argv.slice(2);
let passed = Number(smokePassed);
let failed = Number(smokeFailed);
let skipped = 0;
for (const file of reports) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    console.log(`${file}: no report (suite crashed or did not run)`);
    failed += 1;
    continue;
  }
  // A file that failed to load has no failing test of its own: count it once.
  const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  const suiteFailed = report.numFailedTests + brokenFiles + (report.numTotalTests === 0 ? 1 : 0);
  console.log(`${file}: ${report.numPassedTests} passed, ${suiteFailed} failed, ${report.numPendingTests + (report.numTodoTests ?? 0)} skipped`);
  passed += report.numPassedTests;
  failed += suiteFailed;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
