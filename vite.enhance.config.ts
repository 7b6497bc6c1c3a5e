import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The directory pages' enhancement script, built on its own (after `vite build`) into the
 * adapter's static folder: those pages have no SvelteKit client, so their JavaScript before the
 * map is this one small file; MapLibre, Svelte and the map component load after it, on demand.
 */
export default defineConfig({
	plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
	resolve: { alias: { $lib: resolve('src/lib') } },
	base: '/_enhance/',
	publicDir: false,
	build: {
		outDir: 'build/client/_enhance',
		emptyOutDir: true,
		target: 'es2022',
		rollupOptions: {
			input: { enhance: resolve('src/lib/client/enhance.ts') },
			output: {
				entryFileNames: '[name].js',
				chunkFileNames: 'chunks/[name]-[hash].js',
				assetFileNames: 'assets/[name]-[hash][extname]'
			}
		}
	}
});
