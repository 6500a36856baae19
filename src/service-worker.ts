/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { registerRoute, setCatchHandler, setDefaultHandler } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

// Hashed build files never change; everything else is versioned with the build.
const precache = [
	...build.map((url) => ({ url, revision: null })),
	...files.filter((url) => !url.endsWith('/.DS_Store')).map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
];

// Audio answers range requests from the precache, as media elements (Safari) ask for them.
registerRoute(
	({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/audio/'),
	async ({ request, url }) => {
		const cached = await matchPrecache(url.pathname);
		if (!cached) return fetch(request);
		return request.headers.has('range') ? createPartialResponse(request, cached) : cached;
	},
	'GET'
);

precacheAndRoute(precache, {
	// /nu?x=1 is still the /nu page.
	ignoreURLParametersMatching: [/.*/],
	cleanURLs: true
});
cleanupOutdatedCaches();

setDefaultHandler(new NetworkOnly());

// Offline, a page that is not in the cache shows the home page instead of an error.
setCatchHandler(async ({ request }) => {
	if (request.mode === 'navigate') {
		const home = await matchPrecache('/');
		if (home) return home;
	}
	return Response.error();
});

// The first install takes control at once, so the first visit already works offline.
// A later version waits until the person chooses to update (see src/lib/sw/bridge.ts).
self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
