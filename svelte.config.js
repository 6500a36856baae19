import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** CSP hashes of the inline scripts in src/app.html (Kit hashes only its own). */
function appHtmlScriptHashes() {
	const html = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
		([, body]) => `sha256-${createHash('sha256').update(body).digest('base64')}`
	);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		// Asset paths from the root (/_app/...), not relative: a page served at another address
		// (the "not found" page, build/404.html, for /en/oefening/x) still finds its code.
		paths: { relative: false },
		// CSS stays in its own files: inlined, every one of the 60 prerendered pages carried its
		// own copy (170 KB more to download for offline use). The service worker serves the
		// files from its cache, so the first paint waits on no network (bench:first-frame).
		inlineStyleThreshold: 0,
		// A strict Content Security Policy in every prerendered page: scripts only from the app
		// itself or with a hash, no eval, no connections anywhere but the app's own origin and the weather sites of quick exit.
		// Style attributes are allowed (the prerendered pacer's size), style elements are not.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...appHtmlScriptHashes()],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'media-src': ['self', 'blob:', 'data:'],
				'font-src': ['self'],
				// The weather sites of quick exit, asked whether they answer (else it goes to the
				// app's own notes page; src/lib/safety/quick-exit.ts).
				'connect-src': ['self', 'https://www.buienradar.nl', 'https://www.bbc.com'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
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
