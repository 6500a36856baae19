import { updateState } from '$lib/platform/update-state.svelte';
import { exerciseActivity } from './activity.svelte';

/**
 * Whether to offer the new version that waits: never while an exercise runs (its page would
 * reload). Reactive: read it in a template or an effect.
 */
export function offersUpdate(): boolean {
	return updateState.waiting && !exerciseActivity.busy;
}
