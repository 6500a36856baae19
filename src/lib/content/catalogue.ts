import exercises from 'virtual:rustpunt-exercises';
import type { Exercise } from './load';

/** The exercise "breathe now" starts: a longer exhale, no holds. */
export const DEFAULT_EXERCISE_ID = 'extended-exhale';

/** Every exercise shipped with the app, in display order. */
export const allExercises: readonly Exercise[] = exercises;

/** The exercise with this id, or undefined. */
export function findExercise(id: string): Exercise | undefined {
	return exercises.find((e) => e.id === id);
}

/** The exercise with this id; throws when the app links to one that does not exist. */
export function getExercise(id: string): Exercise {
	const exercise = findExercise(id);
	if (!exercise) throw new Error(`Unknown exercise "${id}"`);
	return exercise;
}
