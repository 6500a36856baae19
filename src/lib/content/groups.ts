import type { Exercise } from './types';

/** The groups the exercises are shown in, in this order. */
export const EXERCISE_GROUPS = ['breathing', 'body', 'grounding', 'imagery', 'boundary'] as const;
export type ExerciseGroup = (typeof EXERCISE_GROUPS)[number];

/** The group an exercise belongs to. The boundary exercise has a page of its own (/grens). */
export function groupOf(exercise: Exercise): ExerciseGroup {
	if (exercise.kind === 'breathing') return 'breathing';
	switch (exercise.category) {
		case 'body-scan':
		case 'soothing':
			return 'body';
		case 'grounding':
			return 'grounding';
		case 'visualisation':
			return 'imagery';
	}
}

/** The exercises of one group, in the catalogue's order. */
export function exercisesIn(group: ExerciseGroup, exercises: readonly Exercise[]): Exercise[] {
	return exercises.filter((exercise) => groupOf(exercise) === group);
}
