// Prints the one line CI reads ("N passed, N failed") from the vitest and Playwright JSON reports,
// a line per report so a missing or failing run is named, and, just above, each failed test with
// the first line of its error: CI keeps only the end of the output, and a red run must say why.
// A report that is missing counts as a failure: a run that never happened must not look green.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const lines = [];

const firstLine = (text) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';

/** Playwright: every test whose outcome is not the expected one, flaky included. */
function playwrightFailures(file, suite) {
	for (const child of suite.suites ?? []) playwrightFailures(file, child);
	for (const spec of suite.specs ?? []) {
		for (const test of spec.tests ?? []) {
			if (test.status === 'expected' || test.status === 'skipped') continue;
			const error = test.results?.find((r) => r.error)?.error;
			failures.push(`${file}: [${test.projectName}] ${spec.file}:${spec.line} › ${spec.title} (${test.status})\n    ${firstLine(error?.message)}`);
		}
	}
}

function vitestFailures(file, report) {
	for (const suite of report.testResults ?? []) {
		const name = suite.name.replace(/^.*?\/src\//, 'src/');
		if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((a) => a.status === 'failed'))
			failures.push(`${file}: ${name} (the file did not run)\n    ${firstLine(suite.message)}`);
		for (const test of suite.assertionResults ?? [])
			if (test.status === 'failed') {
				// vitest writes STACK_TRACE_ERROR for a timeout: its duration says more.
				const message = firstLine(test.failureMessages?.[0]);
				const why = message === 'Error: STACK_TRACE_ERROR' ? `no error message (${Math.round(test.duration ?? 0)} ms: a timeout?)` : message;
				failures.push(`${file}: ${name} › ${test.fullName}\n    ${why}`);
			}
	}
}

for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		lines.push(`${file}: absent`);
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
	if (r.stats) {
		for (const suite of r.suites ?? []) playwrightFailures(file, suite);
		for (const error of r.errors ?? []) failures.push(`${file}: ${firstLine(error.message)}`);
	} else vitestFailures(file, r);
	lines.push(`${file}: ${counts.passed} passed, ${counts.failed} failed`);
	passed += counts.passed;
	failed += counts.failed;
	skipped += counts.skipped;
}

if (failures.length) console.log(`Failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
