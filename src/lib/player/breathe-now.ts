import { findExercise } from '../content/catalogue';
import type { BreathingExercise } from '../content/load';
import { SESSION_MINUTES } from '../content/lengths';
import { decodeShareCode } from '../engine/own-pattern';
import { isOwnId, ownExercise } from '../i18n/pattern-text';
import { BUILT_IN_BREATHE_NOW, OWN_PREFIX } from '../settings/schema';
import { preferences } from './preferences.svelte';

/**
 * What "breathe now" starts, decided synchronously (no database before the first breath): the
 * chosen built-in exercise, or the chosen own pattern from its quick copy, checked by the same
 * rules as the editor. Anything missing or damaged starts the built-in default.
 */
export function breatheNowExercise(): BreathingExercise {
	const chosen = preferences.get('breatheNow');
	if (isOwnId(chosen)) {
		const check = decodeShareCode(preferences.breatheNowCode);
		if (check.ok) return ownExercise(chosen.slice(OWN_PREFIX.length), check.pattern);
	}
	const builtIn = findExercise(chosen);
	if (builtIn?.kind === 'breathing') return builtIn;
	const fallback = findExercise(BUILT_IN_BREATHE_NOW);
	if (fallback?.kind !== 'breathing') throw new Error('The default breathing exercise is missing');
	return fallback;
}

/**
 * The minutes an exercise starts with: an own pattern's own length, else the default length
 * from the settings, else the exercise's own suggestion.
 */
export function startMinutes(exercise: BreathingExercise): number {
	if (isOwnId(exercise.id)) return exercise.defaultMinutes;
	const chosen = preferences.get('defaultMinutes');
	return (SESSION_MINUTES as readonly number[]).includes(chosen) ? chosen : exercise.defaultMinutes;
}
