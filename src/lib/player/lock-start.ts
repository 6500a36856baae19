import { whenIdle } from '$lib/platform/idle';
import type { appLock as AppLock } from './app-lock.svelte';

let loading: Promise<typeof AppLock | undefined> | undefined;

/**
 * The app lock, its code loaded when first asked for and listening from then on (start()
 * runs once): an open page ("breathe now") never carries it among the bytes of its first
 * breaths. Undefined when its code could not load: a page that needs unlocking stays closed,
 * and the next ask loads it again.
 */
export function startAppLock(): Promise<typeof AppLock | undefined> {
	loading ??= import('./app-lock.svelte').then(
		({ appLock }) => {
			appLock.start();
			return appLock;
		},
		(error: unknown) => {
			loading = undefined;
			console.warn('Could not load the app lock', error);
			return undefined;
		}
	);
	return loading;
}

/** On an open page, the lock starts listening once the browser is idle, never before. */
export function startAppLockWhenIdle(): Promise<typeof AppLock | undefined> {
	return new Promise((resolve) => whenIdle(() => resolve(startAppLock()), 200, 2000));
}
