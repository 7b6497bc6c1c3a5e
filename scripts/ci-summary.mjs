// Prints the one line CI reads ("N passed, N failed") from the vitest JSON report and one or more
// Playwright JSON reports (SQLite, PostgreSQL, two instances): a report named but missing counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const [vitestFile, ...playwrightFiles] = process.argv.slice(2);

if (vitestFile && existsSync(vitestFile)) {
	const r = JSON.parse(readFileSync(vitestFile, 'utf8'));
	passed += r.numPassedTests ?? 0;
	failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
	skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else failed++;

if (playwrightFiles.length === 0) failed++;
for (const playwrightFile of playwrightFiles) {
	if (existsSync(playwrightFile)) {
		const r = JSON.parse(readFileSync(playwrightFile, 'utf8'));
		passed += r.stats?.expected ?? 0;
		failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) + (r.errors?.length ?? 0);
		skipped += r.stats?.skipped ?? 0;
	} else failed++;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
