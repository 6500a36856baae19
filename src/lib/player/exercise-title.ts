import { titleOfExercise } from '../i18n/journal-text';
import { patternNames } from './pattern-names.svelte';

/*
 * Apart from pattern-names.svelte.ts, which every routed page loads: the journal's words need
 * not arrive before the first breath.
 */

/** An exercise's title in the app's language, own patterns by their names (reactive). */
export function exerciseTitle(exerciseId: string): string {
	return titleOfExercise(exerciseId, patternNames);
}
