import { Workbox } from 'workbox-window';
import { updateState } from './update-state.svelte';

/**
 * Registers the service worker. A new version waits (it never takes over mid-exercise);
 * the app offers it, and when the person accepts, it takes over and the page reloads.
 */
export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator)) return;
	const wb = new Workbox('/service-worker.js', { scope: '/' });
	wb.addEventListener('waiting', () => {
		updateState.offer(() => {
			wb.addEventListener('controlling', () => window.location.reload());
			/** Tell the waiting service worker to take over. */
			wb.messageSkipWaiting();
		});
	});
	void wb.register().catch((error: unknown) => console.error('Offline support unavailable', error));
}
