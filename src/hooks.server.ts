import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { minifySync } from 'rolldown/utils';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { manifestHref } from '$lib/platform/manifest';
import {
	bootHomeAfterFirstFrame,
	bootIslandAfterFirstFrame,
	isCrisisPath,
	isHomePath,
	islandFiles,
	type IslandFiles
} from '$lib/platform/crisis-page';
import { ISLAND_SOURCES } from '$lib/crisis/build/vite-plugin';
import { minifyFirstPaintScript } from '$lib/platform/first-paint-script';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

// Every page carries the same first-paint script: minified once.
const minified = new Map<string, string>();
function minify(code: string): string {
	let small = minified.get(code);
	if (small === undefined) {
		const { code: out, errors } = minifySync('first-paint.js', code);
		if (errors.length > 0) throw new Error(`src/app.html's script: ${errors[0]!.message}`);
		small = out;
		minified.set(code, small);
	}
	return small;
}

/** SvelteKit's client build, written before the pages are prerendered. */
const CLIENT_MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';
let islands: Record<keyof typeof ISLAND_SOURCES, IslandFiles> | undefined;
/** An island's files, read once from the client build's manifest. */
function islandOf(name: keyof typeof ISLAND_SOURCES): IslandFiles {
	if (!islands) {
		const manifest = JSON.parse(readFileSync(CLIENT_MANIFEST, 'utf8'));
		islands = {
			crisis: islandFiles(manifest, ISLAND_SOURCES.crisis),
			home: islandFiles(manifest, ISLAND_SOURCES.home)
		};
	}
	return islands[name];
}

/**
 * Renders each page in the language of its URL, with a matching <html lang> and manifest and
 * its first-paint script minified; a crisis page asks for its island, and the home screen for
 * its island or the app's code, only after their first frame.
 */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		// A crisis page is prerendered without SvelteKit's boot (src/routes/nu/+page.ts): it
		// gets its island. The home screen gets one too, beside SvelteKit's boot. During
		// development Kit hydrates both as any other page.
		const crisis = building && isCrisisPath(event.url.pathname);
		const home = building && isHomePath(event.url.pathname);
		return resolve(event, {
			transformPageChunk: ({ html }) => {
				const page = minifyFirstPaintScript(
					html
						.replace('%paraglide.lang%', locale)
						.replace('%rustpunt.manifest%', manifestHref(locale)),
					sha256,
					minify
				);
				if (crisis) return bootIslandAfterFirstFrame(page, islandOf('crisis'), sha256);
				if (home) return bootHomeAfterFirstFrame(page, islandOf('home'), sha256);
				return page;
			}
		});
	});
