// Prints the one line CI reads ("N passed, N failed") from the vitest and Playwright JSON reports,
// and a line per report so a missing or failing run is named. A report that is missing counts as
// a failure: a run that never happened must not look green.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.log(`${file}: absent`);
		failed++;
		continue;
	}
	const r = JSON.parse(readFileSync(file, 'utf8'));
	const counts = r.stats
		? // Playwright
			{ passed: r.stats.expected ?? 0, failed: (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0) + (r.errors?.length ?? 0), skipped: r.stats.skipped ?? 0 }
		: // vitest
			{ passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0), skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
	if (counts.passed + counts.failed === 0) counts.failed = 1; // a runner that ran nothing
	console.log(`${file}: ${counts.passed} passed, ${counts.failed} failed`);
	passed += counts.passed;
	failed += counts.failed;
	skipped += counts.skipped;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
