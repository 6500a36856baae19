import type { Plugin } from 'vite';

/** The crisis island's entry, as the client build's manifest names it. */
export const ISLAND_SOURCE = 'src/lib/crisis/island.svelte.ts';

/**
 * Builds the crisis island (src/lib/crisis/island.svelte.ts) as an entry of its own in the app's
 * client build, beside SvelteKit's: a crisis page opened as a page loads it instead of the
 * app (src/lib/platform/crisis-page.ts). It shares its chunks with the app, so the code is
 * stored once for offline use.
 */
export function crisisIslandPlugin(): Plugin {
	let client = false;
	return {
		name: 'rustpunt-crisis-island',
		apply: 'build',
		configResolved(config) {
			// SvelteKit builds the server first, then the client in a build of its own.
			client = !config.build.ssr;
		},
		buildStart() {
			if (!client) return;
			this.emitFile({ type: 'chunk', id: ISLAND_SOURCE, name: 'entry/crisis' });
		}
	};
}
