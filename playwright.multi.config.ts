import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, E2E_DATABASE_URL, E2E_PORT, webServer } from './tests/e2e-server';

// Two servers on one PostgreSQL database, as behind a load balancer: what one writes, the other
// must serve at once, and concurrent writes through both must neither be lost nor merged.
if (!E2E_DATABASE_URL) throw new Error('playwright.multi.config.ts : E2E_DATABASE_URL (une base PostgreSQL vide) est nécessaire.');

const ports = [E2E_PORT + 1, E2E_PORT + 2];

export default defineConfig({
	testDir: 'tests/multi-instance',
	outputDir: 'test-results-multi',
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: [['list'], ['json', { outputFile: 'reports/playwright-multi.json' }]],
	use: {
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		launchOptions: chromiumLaunchOptions
	},
	projects: [{ name: 'js', use: { javaScriptEnabled: true } }],
	// stdout too: the first start's seed lines show whether both instances seeded.
	webServer: ports.map((port) => ({ ...webServer(port), stdout: 'pipe' as const }))
});
