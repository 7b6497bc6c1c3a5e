import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, E2E_PORT, webServer } from './tests/e2e-server';

// One server, on SQLite (reports/e2e.sqlite) or on the PostgreSQL database of E2E_DATABASE_URL.
// The two-instance tests have their own config (playwright.multi.config.ts).
export default defineConfig({
	testDir: 'tests',
	testIgnore: 'multi-instance/**',
	// E2E_OUTPUT: .ci/run runs the SQLite and the PostgreSQL suites at the same time.
	outputDir: process.env.E2E_OUTPUT || 'test-results',
	// The tests share one database and one server, and some of them read the latest row written.
	workers: 1,
	retries: 0,
	timeout: 90_000,
	// CI runs two suites side by side on two cores: a page may take longer than the default 5 s to
	// show what it shows, without anything being wrong.
	expect: { timeout: 15_000 },
	// E2E_REPORT keeps the report of a PostgreSQL run next to the SQLite one.
	reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT || 'reports/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		launchOptions: chromiumLaunchOptions
	},
	// A project's testIgnore replaces the top-level one, hence multi-instance again.
	projects: [
		{ name: 'js', use: { javaScriptEnabled: true }, testIgnore: ['multi-instance/**', 'http/**'] },
		{ name: 'nojs', use: { javaScriptEnabled: false }, testIgnore: ['multi-instance/**', 'http/**'] },
		// tests/http holds the browser-less specs (raw requests, servers of their own): once is enough.
		{ name: 'http', testMatch: 'http/**/*.spec.ts' }
	],
	webServer: webServer(E2E_PORT)
});
