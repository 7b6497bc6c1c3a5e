import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs (a fresh-clone CI and a working copy) share one machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests',
	outputDir: 'test-results',
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
				'--disable-dev-shm-usage',
				'--disable-gpu',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader'
			]
		}
	},
	projects: [
		{ name: 'js', use: { javaScriptEnabled: true } },
		{ name: 'nojs', use: { javaScriptEnabled: false } }
	],
	webServer: {
		// Its own fresh database file: the first start seeds it with the real data.
		// ORIGIN as scripts/start.js sets it: without it adapter-node assumes https, so SvelteKit refuses
		// every form POST as cross-site, marks the session cookie Secure and writes https links in mails.
		command: `rm -f reports/e2e.sqlite* && DATABASE_PATH=reports/e2e.sqlite ORIGIN=http://127.0.0.1:${PORT} IP_RATE_FACTOR=50 PORT=${PORT} HOST=127.0.0.1 node build`,
		url: `http://127.0.0.1:${PORT}/api/v1/areas.geojson`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
