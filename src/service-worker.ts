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
import {
	isLaunch,
	LAUNCH_CACHE,
	LAUNCH_LANGUAGE_URL,
	launchTarget
} from '$lib/platform/launch-language';
import { keptOffline } from '$lib/platform/offline-files.js';

declare const self: ServiceWorkerGlobalScope;

// Hashed build files never change; everything else is versioned with the build. Of the static
// files, those an install alone asks for are left to the network (src/lib/platform/offline-files.js).
const precache = [
	...build.map((url) => ({ url, revision: null })),
	...files.filter(keptOffline).map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
];

/** The language a launch should open in, as the pages last wrote it ('' when none). */
async function launchWish(): Promise<string> {
	const kept = await caches
		.open(LAUNCH_CACHE)
		.then((cache) => cache.match(LAUNCH_LANGUAGE_URL))
		.catch(() => undefined);
	return kept ? kept.text() : '';
}

/** A page of the app under its one address: /en/ is /en, /nu/ is /nu. */
function canonicalPath(pathname: string): string {
	return pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname;
}

// Every page the browser loads in full, in both languages, online and offline: an address with
// a trailing slash goes to the page without it; a launch (from the home screen, say) goes to
// the page in the language the person wants, without a second page load (launch-language.ts);
// a page in the cache comes from the cache; any
// other address is asked of the network and, offline or unknown there, gets the app's own
// "not found" page in its language (src/routes/404), with help and quick exit.
registerRoute(
	({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
	async ({ request, url }) => {
		const path = canonicalPath(url.pathname);
		if (path !== url.pathname) return Response.redirect(`${path}${url.search}`, 301);
		if (isLaunch(request.referrer, self.location.origin)) {
			const target = launchTarget(path, await launchWish());
			if (target !== null && (await matchPrecache(target))) {
				return Response.redirect(`${target}${url.search}`, 302);
			}
		}
		const cached = await matchPrecache(path);
		if (cached) return cached;
		const answer = await fetch(request).catch(() => undefined);
		if (answer && answer.status !== 404) return answer;
		const notFound = await matchPrecache(
			path === '/en' || path.startsWith('/en/') ? '/en/404' : '/404'
		);
		if (!notFound) return answer ?? Response.error();
		return new Response(notFound.body, { status: 404, headers: notFound.headers });
	}
);

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

// Offline, anything else not in the cache fails as the network would.
setCatchHandler(() => Promise.resolve(Response.error()));

// The first install takes control at once, so the first visit already works offline.
// A later version waits until the person chooses to update (see src/lib/platform/bridge.ts).
self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
