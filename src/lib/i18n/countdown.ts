import { getLocale } from '../paraglide/runtime';

/**
 * How long until something may happen again, in the language's words: "over 45 seconden",
 * "over 2 minuten", "in 2 minutes". From a minute on it speaks in whole minutes (nobody wants
 * to read "117 seconds"); it rounds up, so it never says a moment that has not yet come.
 */
export function formatCountdown(ms: number): string {
	const words = new Intl.RelativeTimeFormat(getLocale() === 'nl' ? 'nl-NL' : 'en-GB', {
		numeric: 'always'
	});
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	return seconds < 60
		? words.format(seconds, 'second')
		: words.format(Math.ceil(seconds / 60), 'minute');
}
