import { describe, expect, it } from 'vitest';
import { allExercises } from './catalogue';
import { EXERCISE_GROUPS, exercisesIn, groupOf } from './groups';

describe('exercise groups', () => {
	it('put every exercise in exactly one group', () => {
		const grouped = EXERCISE_GROUPS.flatMap((group) => exercisesIn(group, allExercises));
		expect(grouped.map((e) => e.id).sort()).toEqual(allExercises.map((e) => e.id).sort());
	});

	it('keep breathing exercises together and body scans with soothing touch', () => {
		for (const exercise of allExercises) {
			if (exercise.kind === 'breathing') expect(groupOf(exercise)).toBe('breathing');
			else if (exercise.category === 'body-scan' || exercise.category === 'soothing')
				expect(groupOf(exercise)).toBe('body');
		}
	});

	it('leave no group but the boundary one without exercises from the catalogue', () => {
		for (const group of EXERCISE_GROUPS) {
			expect(exercisesIn(group, allExercises).length > 0).toBe(group !== 'boundary');
		}
	});
});
