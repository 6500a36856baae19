import type { Plugin } from 'vite';

/** The islands' entries, as the client build's manifest names them, by the name of their chunk. */
export const ISLAND_SOURCES = {
	/** "Breathe now" opened as a page. */
	crisis: 'src/lib/crisis/island.svelte.ts',
	/** The home screen opened as a page, while no app lock is set. */
	home: 'src/lib/crisis/home.svelte.ts'
} as const;

/**
 * Builds the islands (src/lib/crisis/) as entries of their own in the app's client build,
 * beside SvelteKit's: a page opened as a page loads its island instead of the app
 * (src/lib/platform/crisis-page.ts). They share their chunks with the app, so the code is
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
			for (const [name, id] of Object.entries(ISLAND_SOURCES)) {
				this.emitFile({ type: 'chunk', id, name: `entry/${name}` });
			}
		}
	};
}
