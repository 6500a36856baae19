import exercises from 'virtual:rustpunt-exercises';
import { loadSteps } from 'virtual:rustpunt-steps';
import type { BreathingExercise, Exercise, GuidedPractice } from './types';

/** The exercise "breathe now" starts: a longer exhale, no holds. */
export const DEFAULT_EXERCISE_ID = 'extended-exhale';

/**
 * Where "too much?" offers to go: two short practices that keep the eyes open and never ask
 * for the breath. Two, not more: someone overwhelmed should not have to choose from a list.
 */
export const TOO_MUCH_GROUNDING = ['grounding-senses', 'grounding-orientation'] as const;

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

/** A guided practice with its introduction and steps (loaded on demand), or undefined. */
export async function loadPractice(id: string): Promise<GuidedPractice | undefined> {
	const exercise = findExercise(id);
	if (exercise?.kind !== 'guided') return undefined;
	const detail = await loadSteps(id);
	return detail ? { ...exercise, ...detail } : undefined;
}

/** The breathing exercise with this id; throws when the app links to one that does not exist. */
export function getBreathing(id: string): BreathingExercise {
	const exercise = getExercise(id);
	if (exercise.kind !== 'breathing') throw new Error(`"${id}" is not a breathing exercise`);
	return exercise;
}
