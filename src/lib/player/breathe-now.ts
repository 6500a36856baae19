import { findPace } from '../content/paces';
import type { BreathingPace } from '../content/types';
import { BUILT_IN_BREATHE_NOW, isOwnId, OWN_PREFIX } from '../settings/schema';
import { preferences } from './preferences.svelte';

/** What "breathe now" starts: a built-in exercise at once, or an own pattern to be read. */
export type BreatheNowChoice =
	| { kind: 'built-in'; exercise: BreathingPace }
	| { kind: 'own'; patternId: string; code: string; fallback: BreathingPace };

/** The built-in exercise "breathe now" starts when nothing else is chosen (or usable). */
export function builtInBreatheNow(): BreathingPace {
	const exercise = findPace(BUILT_IN_BREATHE_NOW);
	if (!exercise) throw new Error('The default breathing exercise is missing');
	return exercise;
}

/**
 * What "breathe now" starts, decided synchronously without the database: the chosen built-in
 * exercise, or the chosen own pattern from its quick copy (its share code). Anything missing
 * starts the built-in default.
 */
export function breatheNowChoice(): BreatheNowChoice {
	const chosen = preferences.get('breatheNow');
	const code = preferences.breatheNowCode;
	if (isOwnId(chosen) && code) {
		return {
			kind: 'own',
			patternId: chosen.slice(OWN_PREFIX.length),
			code,
			fallback: builtInBreatheNow()
		};
	}
	const builtIn = findPace(chosen);
	return {
		kind: 'built-in',
		exercise: builtIn ?? builtInBreatheNow()
	};
}

/**
 * The own pattern "breathe now" starts, checked by the same rules as the editor; the pattern
 * code loads only for those who chose one, so the built-in start carries none of it. A code
 * that fails the rules starts the built-in default.
 */
export async function ownBreatheNow(
	choice: Extract<BreatheNowChoice, { kind: 'own' }>
): Promise<BreathingPace> {
	const [{ decodeShareCode }, { ownExercise }] = await Promise.all([
		import('../engine/own-pattern'),
		import('./own-exercise')
	]);
	const check = decodeShareCode(choice.code);
	return check.ok ? ownExercise(choice.patternId, check.pattern) : choice.fallback;
}

/**
 * The minutes an exercise starts with: an own pattern's own length, else the default length
 * from the settings, else the exercise's own suggestion.
 */
export function startMinutes(exercise: BreathingPace): number {
	if (isOwnId(exercise.id)) return exercise.defaultMinutes;
	const chosen = preferences.get('defaultMinutes');
	// A stored length was checked against the lengths offered when it was read; 0 keeps the
	// exercise's own.
	return chosen || exercise.defaultMinutes;
}
