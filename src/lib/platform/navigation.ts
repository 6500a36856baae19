// The one place that may call SvelteKit's goto (eslint.config.js refuses it elsewhere).
import { goto } from '$app/navigation';
import { updateState } from './update-state.svelte';

/**
 * Goes to another page of the app in place of this one. The app keeps a single history
 * entry (links replace too, see src/app.html), so after quick exit Back never leads into it.
 * `state` is handed to the next page (`page.state`); a reload does not bring it back.
 */
export function navigate(href: string, state?: App.PageState): Promise<void> {
	// A page whose version was replaced loads the next one in full (see src/lib/platform/bridge.ts).
	if (updateState.outdated) {
		window.location.replace(href);
		return new Promise(() => {});
	}
	return goto(href, { replaceState: true, ...(state && { state }) });
}
