import { whenIdle } from '$lib/platform/idle';
import type { appLock as AppLock } from './app-lock.svelte';

let loading: Promise<typeof AppLock> | undefined;

/**
 * The app lock, its code loaded when first asked for and listening from then on (start()
 * runs once): an open page ("breathe now") never carries it among the bytes of its first
 * breaths.
 */
export function startAppLock(): Promise<typeof AppLock> {
	loading ??= import('./app-lock.svelte').then(({ appLock }) => {
		appLock.start();
		return appLock;
	});
	return loading;
}

/** On an open page, the lock starts listening once the browser is idle, never before. */
export function startAppLockWhenIdle(): Promise<typeof AppLock> {
	return new Promise((resolve) => whenIdle(() => resolve(startAppLock()), 200, 2000));
}
