import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// CI runs the PostgreSQL tests beside the browser suite on two cores: a test that takes
		// 1 s alone can take several there, without anything being wrong.
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
