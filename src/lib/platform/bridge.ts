import { Workbox } from 'workbox-window';
import { updateState } from './update-state.svelte';

/**
 * Registers the service worker. A new version waits (it never takes over mid-exercise);
 * the app offers it, and when the person accepts, it takes over and the page reloads.
 */
export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator)) return;
	const wb = new Workbox('/service-worker.js', { scope: '/' });
	// A newer version taking over a page that already had one (accepted in this tab or another).
	if (navigator.serviceWorker.controller) {
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			updateState.markOutdated();
			document.addEventListener('click', loadLinksInFull, true);
		});
	}
	wb.addEventListener('waiting', () => {
		updateState.offer(() => {
			wb.addEventListener('controlling', reloadWithoutStarting);
			// Tell the waiting service worker to take over.
			wb.messageSkipWaiting();
		});
	});
	void wb.register().catch((error: unknown) => console.error('Offline support unavailable', error));
}

/** Reloads into the new version; "breathe now" would start again, so it goes home instead. */
function reloadWithoutStarting(): void {
	const { pathname } = window.location;
	if (/(^|\/)nu$/.test(pathname)) window.location.replace(pathname.replace(/\/?nu$/, '') || '/');
	else window.location.reload();
}

/**
 * After a newer version took over (accepted in another tab), this page's code may ask for files
 * that are gone, and SvelteKit would then load the page in full as a new history entry. Links
 * load in full at once instead, in place of this page, so Back still leaves (navigate() too).
 */
function loadLinksInFull(event: MouseEvent): void {
	const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
	if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
	if (link.origin !== location.origin || link.target || link.hasAttribute('download')) return;
	if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
	event.preventDefault();
	window.location.replace(link.href);
}
