import type { BreathingExercise } from '../content/types';
import { hasHolds, toBreathingPattern, type OwnPattern } from '../engine/own-pattern';
import { ownExerciseText } from '../i18n/pattern-summary';
import { OWN_PREFIX } from '../settings/schema';

/** An own pattern as an exercise the breathing player runs, like a built-in one. */
export function ownExercise(patternId: string, pattern: OwnPattern): BreathingExercise {
	return {
		id: OWN_PREFIX + patternId,
		kind: 'breathing',
		order: 0,
		title: { nl: pattern.name, en: pattern.name },
		...ownExerciseText(pattern),
		defaultMinutes: pattern.length.kind === 'minutes' ? pattern.length.minutes : 5,
		...(pattern.length.kind === 'cycles' && { maxCycles: pattern.length.cycles }),
		hasHolds: hasHolds(pattern),
		pattern: toBreathingPattern(pattern)
	};
}
