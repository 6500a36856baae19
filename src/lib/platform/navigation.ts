// The one place that may call SvelteKit's goto (eslint.config.js refuses it elsewhere).
import { goto } from '$app/navigation';

/**
 * Goes to another page of the app in place of this one. The app keeps a single history
 * entry (links replace too, see src/app.html), so after quick exit Back never leads into it.
 */
export function navigate(href: string): Promise<void> {
	return goto(href, { replaceState: true });
}
