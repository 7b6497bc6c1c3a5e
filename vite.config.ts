import { sveltekit } from '@sveltejs/kit/vite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Test files that replace a module with vi.mock: each needs a module registry of its own. */
function mockingTestFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return mockingTestFiles(path);
		return entry.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes('vi.mock(') ? [path] : [];
	});
}
const MOCKING = [...mockingTestFiles('src'), ...mockingTestFiles('scripts')];

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		environment: 'node',
		// CI runs the PostgreSQL tests beside the browser suite on two cores: a test that takes
		// 1 s alone can take several there, without anything being wrong.
		testTimeout: 30_000,
		hookTimeout: 60_000,
		projects: [
			// Every other file shares its worker's modules: importing the server's module graph once
			// instead of once per file halves the unit tests' CPU (each file opens its own database).
			{ extends: true, test: { name: 'shared', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: MOCKING, isolate: false } },
			{ extends: true, test: { name: 'isolated', include: MOCKING } }
		]
	}
});
