import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		// The app's CSS is small: inline it, so the first paint waits for no stylesheet.
		inlineStyleThreshold: 8192,
		// workbox-window registers the worker, so that an update can wait for a quiet moment.
		serviceWorker: { register: false },
		prerender: {
			// Every page in both languages; the language links on each page reach the rest.
			entries: ['*', '/en'],
			handleHttpError: 'fail',
			// #lang=xx on the language links is read by src/app.html, not an element id.
			handleMissingId: ({ id, message }) => {
				if (!id.startsWith('lang=')) throw new Error(message);
			}
		}
	}
};

export default config;
