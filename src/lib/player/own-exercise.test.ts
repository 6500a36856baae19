import { describe, expect, it } from 'vitest';
import type { OwnPattern } from '../engine/own-pattern';
import { ownExercise } from './own-exercise';

const pattern: OwnPattern = {
	name: 'Zee',
	inhale: 4.5,
	inhaleTop: 0,
	holdIn: 2,
	exhale: 6,
	holdOut: 0,
	length: { kind: 'minutes', minutes: 7 }
};

describe('an own pattern as an exercise', () => {
	it('runs under its own id and name, for its own length, with its holds', () => {
		expect(ownExercise('p1', pattern)).toMatchObject({
			id: 'own:p1',
			kind: 'breathing',
			title: { nl: 'Zee', en: 'Zee' },
			defaultMinutes: 7,
			hasHolds: true
		});
		expect(ownExercise('p1', pattern)).not.toHaveProperty('maxCycles');
	});

	it('stops after its breaths when it counts breaths, starting at five minutes', () => {
		const counted = ownExercise('p2', { ...pattern, length: { kind: 'cycles', cycles: 10 } });
		expect(counted).toMatchObject({ maxCycles: 10, defaultMinutes: 5 });
	});

	it('sums itself up in both languages, each writing seconds its own way', () => {
		const { summary } = ownExercise('p1', pattern);
		expect(summary.nl).toContain('4,5');
		expect(summary.en).toContain('4.5');
	});
});
