import type { OwnPattern } from '../engine/own-pattern';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

/*
 * The words for running an own pattern, kept apart from the editor's messages: "breathe now"
 * loads this module before its first breath (through src/lib/player/own-exercise.ts).
 */

type Locale = 'nl' | 'en';

/** Seconds as the language writes them: "4,5" in Dutch, "4.5" in English. */
export function formatSeconds(seconds: number, locale: Locale = getLocale()): string {
	const rounded = Math.round(seconds * 10) / 10;
	return locale === 'nl' ? String(rounded).replace('.', ',') : String(rounded);
}

/** "in 4 s · hold 2 s · out 6 s · 10 breaths": a pattern in one line. */
export function patternSummary(pattern: OwnPattern, locale: Locale = getLocale()): string {
	const s = (seconds: number) => ({ seconds: formatSeconds(seconds, locale) });
	const options = { locale };
	const parts = [
		m.pattern_part_inhale(s(pattern.inhale), options),
		pattern.inhaleTop > 0 && m.pattern_part_top(s(pattern.inhaleTop), options),
		pattern.holdIn > 0 && m.pattern_part_hold(s(pattern.holdIn), options),
		m.pattern_part_exhale(s(pattern.exhale), options),
		pattern.holdOut > 0 && m.pattern_part_hold(s(pattern.holdOut), options),
		pattern.length.kind === 'cycles'
			? m.pattern_cycles({ cycles: String(pattern.length.cycles) }, options)
			: m.pattern_minutes({ minutes: String(pattern.length.minutes) }, options)
	];
	return parts.filter(Boolean).join(' · ');
}

/** The words of an own pattern run as an exercise, in both languages. */
export function ownExerciseText(pattern: OwnPattern): {
	summary: Record<Locale, string>;
	guidance: Record<Locale, string>;
} {
	const both = (text: (locale: Locale) => string) => ({ nl: text('nl'), en: text('en') });
	return {
		summary: both((locale) => patternSummary(pattern, locale)),
		guidance: both((locale) => m.pattern_guidance({}, { locale }))
	};
}
