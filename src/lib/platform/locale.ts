import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

/**
 * Paraglide finds the locale in the address on every message it renders, parsing the URL each
 * time: several milliseconds of a page's start on a slow phone. In the browser the language
 * changes only with the address, so it is found once per address.
 */
export function findLocaleOncePerAddress(): void {
	const find = getLocale;
	let href = location.href;
	let locale = find();
	overwriteGetLocale(() => {
		if (location.href !== href) {
			href = location.href;
			locale = find();
		}
		return locale;
	});
}
