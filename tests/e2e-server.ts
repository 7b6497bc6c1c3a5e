/**
 * What the two Playwright configs share: the test server's command and environment, and the
 * Chromium they drive. The server runs on the SQLite file reports/e2e.sqlite or E2E_SQLITE_PATH (tests/accounts.ts
 * writes into the same one), or on the PostgreSQL database named by E2E_DATABASE_URL: the caller
 * creates it empty, the server's first start migrates and seeds it.
 */
import { fileURLToPath } from 'node:url';
import type { PlaywrightTestConfig } from '@playwright/test';

/** E2E_PORT lets two runs (a fresh-clone CI and a working copy) share one machine. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);

export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || null;

/** The SQLite file of a run; E2E_SQLITE_PATH gives a second run (same machine) a file of its own. */
export const E2E_SQLITE_PATH = process.env.E2E_SQLITE_PATH || 'reports/e2e.sqlite';

type WebServer = NonNullable<Extract<PlaywrightTestConfig['webServer'], { command: string }>>;

/** One server on `port`, on the test database, started as `npm start` starts it (scripts/start.js: the same body limit). */
export function webServer(port: number): WebServer {
	const env: Record<string, string> = {
		// As scripts/start.js sets it: without it adapter-node assumes https, so SvelteKit refuses
		// every form POST as cross-site, marks the session cookie Secure and writes https links in mails.
		ORIGIN: `http://127.0.0.1:${port}`,
		// Every test asks for sign-in links from the same address.
		IP_RATE_FACTOR: '50',
		PORT: String(port),
		HOST: '127.0.0.1'
	};
	let command = 'node scripts/start.js';
	if (E2E_DATABASE_URL) env.DATABASE_URL = E2E_DATABASE_URL;
	else {
		// Its own fresh file each run: the first start seeds it with the real data. DATABASE_URL is
		// emptied so a URL left in the caller's shell cannot send the tests' writes to a real server.
		command = `rm -f ${E2E_SQLITE_PATH}* && ${command}`;
		env.DATABASE_PATH = E2E_SQLITE_PATH;
		// Not the default path: a missing file is created only when asked (README, « Configuration »).
		env.DATABASE_CREATE = '1';
		env.DATABASE_URL = '';
	}
	return { command, env, url: `http://127.0.0.1:${port}/api/v1/areas.geojson`, reuseExistingServer: false, timeout: 60_000 };
}

/**
 * Debian's Chromium (or CHROMIUM_PATH), started through tests/chromium/launch.sh: it turns off the
 * two address-bar pop-ups every new window preloads as renderer processes of their own, which took
 * about 40 % of the browser's CPU in the suites (a test opens a new context, so a window, each time).
 */
export const chromiumLaunchOptions = {
	executablePath: fileURLToPath(new URL('./chromium/launch.sh', import.meta.url)),
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
};
