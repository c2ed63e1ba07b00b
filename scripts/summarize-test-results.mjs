// Adds up vitest JSON reports of several runs and prints "N passed, N failed[, N skipped]" as the
// last line. Failures outside any test count too, so they cannot pass unnoticed: a test file that
// failed with no failed test (an import error, a failing beforeAll) counts as one, and so does a
// run that exited non-zero with nothing else failed (a failing global setup, an unhandled error).
// usage: node scripts/summarize-test-results.mjs DIR RUN... (reads DIR/RUN.json and DIR/RUN.exit)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, ...runs] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const run of runs) {
  const exitFile = path.join(dir, `${run}.exit`);
  const exitCode = existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 1;
  const reportFile = path.join(dir, `${run}.json`);
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    report = undefined;
  }

  let runFailed = report?.numFailedTests ?? 0;
  for (const file of report?.testResults ?? []) {
    const anyTestFailed = file.assertionResults.some((test) => test.status === 'failed');
    if (file.status !== 'failed' || anyTestFailed) continue;
    runFailed += 1;
    console.log(`${run}: ${path.relative(process.cwd(), file.name)} failed outside its tests: ${firstLine(file.message)}`);
  }
  passed += report?.numPassedTests ?? 0;
  failed += runFailed;
  skipped += (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);

  if (exitCode !== 0 && runFailed === 0) {
    failed += 1;
    const why = report ? 'exited with an error outside any test' : 'wrote no report';
    console.log(`${run}: vitest ${why} (exit ${exitCode}); counted as 1 failure`);
  }
}

function firstLine(text) {
  return String(text ?? '').split('\n')[0];
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
