import { dev } from '$app/environment';

// Opened as a page, "breathe now" is not hydrated by SvelteKit: its pacer breathes by CSS from
// the first paint, and a small island of its own (src/lib/crisis/island.svelte.ts) takes over after
// the first frame, without the router, the layout and the rest of the app
// (src/lib/platform/crisis-page.ts adds it at prerender). Reached by the app's router, the page
// renders as every other page does. During development Kit hydrates it (hot reload).
export const csr = dev;
