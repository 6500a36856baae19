/**
 * The web app manifest a page links, per language: installing from an English page gives an
 * app that starts on `/en` and whose shortcut opens `/en/nu`, so an English phone is never
 * redirected on launch. Both share the id `/`: one app, whichever language installed it. In
 * discreet mode a neutral manifest of the same language takes their place.
 */
export function manifestHref(locale: string, discreet = false): string {
	if (discreet) return `/manifest-notes-${locale === 'en' ? 'en' : 'nl'}.webmanifest`;
	return locale === 'en' ? '/manifest-en.webmanifest' : '/manifest.webmanifest';
}
