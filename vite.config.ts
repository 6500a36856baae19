import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { exercisesPlugin } from './src/lib/content/build/vite-plugin.ts';
import { crisisIslandPlugin } from './src/lib/crisis/build/vite-plugin.ts';

export default defineConfig({
	plugins: [
		// Unit tests use the messages `npm run i18n` compiled (the plugin keeps files open).
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './src/lib/i18n/project.inlang',
				outdir: './src/lib/paraglide',
				// The URL decides (/en/...); the first-visit choice is made in src/app.html.
				strategy: ['url', 'baseLocale'],
				emitGitIgnore: false
			}),
		exercisesPlugin(),
		crisisIslandPlugin(),
		sveltekit()
	],
	preview: { port: 4173, strictPort: true },
	// Unit tests run Svelte's client build, so runes behave as they do in the browser.
	resolve: process.env.VITEST ? { conditions: ['browser'] } : {},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/test-setup.ts']
	}
});
