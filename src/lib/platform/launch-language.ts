// A launch from the home screen opens the installed app's start address or shortcut, and those
// are in the language the app was installed in. src/app.html's first-paint script sends a page
// to the language the person wants, but only by loading a second page (a redirect on every
// launch, issue 17). The service worker answers such a launch with the right page at once: it
// keeps the same wish, which that script writes to the cache below on every page where it
// changed. No DOM, no worker globals: the page and the service worker both use it.

/** The cache holding the wish, apart from the precache (which each version replaces). */
export const LAUNCH_CACHE = 'rustpunt-launch';
/** Its one entry: 'en', 'nl' or '' (no wish: every page stays in its own language). */
export const LAUNCH_LANGUAGE_URL = '/launch-language';

export type LaunchLanguage = 'en' | 'nl' | '';

/**
 * The language a launch goes to, as src/app.html decides it: English when the person picked it
 * or, having picked nothing, the phone speaks English; Dutch only when the person picked Dutch
 * (an English address on a Dutch phone stays English, as a link someone followed).
 */
export function launchLanguage(chosen: string | null, browser: string): LaunchLanguage {
	const want = chosen ?? (/^en\b/i.test(browser) ? 'en' : 'nl');
	if (want === 'en') return 'en';
	return chosen === 'nl' ? 'nl' : '';
}

/**
 * True for a navigation no page of the app's own led to: a launch from the home screen, an
 * address typed or a link followed from elsewhere. Inside the app, a page's language is the one
 * the person is switching to, and that page's own script decides.
 */
export function isLaunch(referrer: string, origin: string): boolean {
	return referrer === '' || !referrer.startsWith(`${origin}/`);
}

/**
 * Where the service worker sends a launch of `pathname`: the same page in the wished-for
 * language, or null to answer it as asked.
 */
export function launchTarget(pathname: string, wish: string): string | null {
	const onEnglish = pathname === '/en' || pathname.startsWith('/en/');
	if (wish === 'en' && !onEnglish) return pathname === '/' ? '/en' : `/en${pathname}`;
	if (wish === 'nl' && onEnglish) return pathname.slice(3) || '/';
	return null;
}
