import type { BreathingExercise } from '../content/load';
import {
	cycleSeconds,
	hasHolds,
	PATTERN_LIMITS,
	toBreathingPattern,
	type OwnPattern,
	type PatternError,
	type PatternField,
	type PatternWarning
} from '../engine/own-pattern';
import { OWN_PREFIX } from '../settings/schema';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

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

/** An own pattern as an exercise the breathing player runs, like a built-in one. */
export function ownExercise(patternId: string, pattern: OwnPattern): BreathingExercise {
	const both = (text: (locale: Locale) => string) => ({ nl: text('nl'), en: text('en') });
	return {
		id: OWN_PREFIX + patternId,
		kind: 'breathing',
		order: 0,
		title: { nl: pattern.name, en: pattern.name },
		summary: both((locale) => patternSummary(pattern, locale)),
		guidance: both((locale) => m.pattern_guidance({}, { locale })),
		defaultMinutes: pattern.length.kind === 'minutes' ? pattern.length.minutes : 5,
		...(pattern.length.kind === 'cycles' && { maxCycles: pattern.length.cycles }),
		hasHolds: hasHolds(pattern),
		pattern: toBreathingPattern(pattern)
	};
}

/** Whether an exercise id names an own pattern. */
export function isOwnId(exerciseId: string): boolean {
	return exerciseId.startsWith(OWN_PREFIX);
}

/** The message shown next to a field the rules refused. */
export function patternErrorText(
	field: PatternField,
	error: PatternError,
	cycleS: number
): string {
	const hold = field === 'inhaleTop' || field === 'holdIn' || field === 'holdOut';
	switch (error) {
		case 'required':
			return m.pattern_error_required();
		case 'not-a-number':
			return m.pattern_error_number();
		case 'not-a-step':
			return m.pattern_error_step();
		case 'name-invalid':
			return m.pattern_error_name_invalid();
		case 'cycle-too-long':
			return m.pattern_error_cycle_long({ seconds: formatSeconds(cycleS) });
		case 'session-too-long':
			return m.pattern_error_session_long();
		case 'too-small':
		case 'too-large':
		case 'not-whole':
			if (field === 'name') return m.pattern_error_name_long();
			if (field === 'cycles') return m.pattern_error_whole_range({ max: String(PATTERN_LIMITS.maxCycles) });
			if (field === 'minutes') return m.pattern_error_whole_range({ max: String(PATTERN_LIMITS.maxMinutes) });
			return hold ? m.pattern_error_hold_range() : m.pattern_error_breath_range();
	}
}

/** A gentle warning and its reason. */
export function patternWarningText(warning: PatternWarning): string {
	return warning === 'fast-rate' ? m.pattern_warn_fast() : m.pattern_warn_hold();
}

/** "One breath takes 10 s: 6 breaths a minute." */
export function cycleText(pattern: OwnPattern): string {
	const seconds = cycleSeconds(pattern);
	return m.pattern_cycle_total({
		seconds: formatSeconds(seconds),
		rate: formatSeconds(60 / seconds)
	});
}
