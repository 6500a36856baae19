import { describe, expect, it } from 'vitest';
import { parseProgrammeFile, parseProgrammeFiles, type KnownExercises } from './programme-load';
import { loadExerciseDirectory, loadProgrammeDirectory } from './vite-plugin';
import { plannedDays } from '../../programmes/progress';

const known: KnownExercises = new Map([
	['extended-exhale', 'breathing'],
	['body-scan-3', 'guided']
]);

const valid = `
id: rust
order: 1
title: { nl: Rust, en: Rest }
summary: { nl: Kort., en: Short. }
description: { nl: Elke dag even., en: A little each day. }
weeks:
  - title: { nl: Adem, en: Breath }
    days:
      - intention: { nl: Je mag langzaam beginnen., en: You may start slowly. }
        practice: [{ exercise: extended-exhale, minutes: 5 }]
      - intention: { nl: Voel je lichaam., en: Feel your body. }
        practice: [{ exercise: body-scan-3 }, { exercise: boundary }]
        reading: { nl: Een stukje tekst., en: A short text. }
`;

/** The message a broken file fails with. */
function failure(source: string, name = 'programmes/rust.yaml'): string {
	try {
		parseProgrammeFile(name, source, known);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('the file was accepted');
}

describe('programme files', () => {
	it('accept a valid programme, numbering days across weeks', () => {
		const programme = parseProgrammeFile('programmes/rust.yaml', valid, known);
		const days = plannedDays(programme);
		expect(days.map((d) => [d.day, d.week, d.practice.map((p) => p.exercise)])).toEqual([
			[1, 1, ['extended-exhale']],
			[2, 1, ['body-scan-3', 'boundary']]
		]);
		expect(days[1]?.reading?.en).toBe('A short text.');
	});

	it('fail on an exercise id that does not exist, naming the file and field', () => {
		expect(failure(valid.replace('body-scan-3', 'body-scan-7'))).toBe(
			'programmes/rust.yaml: weeks[0].days[1].practice[0].exercise "body-scan-7" is not an exercise in exercises/ (nor boundary, urge-questions)'
		);
	});

	it('fail on a missing translation, naming the field', () => {
		expect(failure(valid.replace(', en: Feel your body. }', ' }'))).toBe(
			'programmes/rust.yaml: weeks[0].days[1].intention.en is missing'
		);
		expect(failure(valid.replace('{ nl: Rust, en: Rest }', '{ nl: Rust }'))).toBe(
			'programmes/rust.yaml: title.en is missing'
		);
	});

	it('fail on an empty text, a day without practice and too many practices', () => {
		expect(failure(valid.replace('en: A short text.', "en: ''"))).toBe(
			'programmes/rust.yaml: weeks[0].days[1].reading.en must not be empty'
		);
		expect(failure(valid.replace('[{ exercise: extended-exhale, minutes: 5 }]', '[]'))).toBe(
			'programmes/rust.yaml: weeks[0].days[0].practice must have one or two practices'
		);
		expect(
			failure(
				valid.replace(
					'[{ exercise: body-scan-3 }, { exercise: boundary }]',
					'[{ exercise: body-scan-3 }, { exercise: boundary }, { exercise: urge-questions }]'
				)
			)
		).toBe('programmes/rust.yaml: weeks[0].days[1].practice must have one or two practices');
	});

	it('fail on minutes for a practice that is not breathing, or minutes no one can choose', () => {
		expect(
			failure(valid.replace('{ exercise: body-scan-3 }', '{ exercise: body-scan-3, minutes: 3 }'))
		).toBe(
			'programmes/rust.yaml: weeks[0].days[1].practice[0].minutes is only for breathing exercises'
		);
		expect(failure(valid.replace('minutes: 5', 'minutes: 4'))).toBe(
			'programmes/rust.yaml: weeks[0].days[0].practice[0].minutes must be one of 1, 3, 5, 10'
		);
	});

	it('fail on an unknown field and an id that does not match the file', () => {
		expect(failure(valid.replace('order: 1', 'order: 1\nstreak: true'))).toBe(
			'programmes/rust.yaml: streak is not a known field'
		);
		expect(failure(valid, 'programmes/other.yaml')).toBe(
			'programmes/other.yaml: id must match the file name ("other")'
		);
	});

	it('need a question for variants, and day changes only for declared variants', () => {
		const withVariants = valid.replace(
			'weeks:',
			`variants:
  - { id: close, description: { nl: Dichtbij., en: Close. } }
  - { id: far, description: { nl: Ver., en: Far. } }
weeks:`
		);
		expect(failure(withVariants)).toBe(
			'programmes/rust.yaml: variantQuestion is missing (it asks which description fits best)'
		);
		const asked = withVariants.replace(
			'weeks:',
			'variantQuestion: { nl: Wat past?, en: What fits? }\nweeks:'
		);
		const changed = asked.replace(
			'        reading:',
			`        variants:
          close: { intention: { nl: Dichtbij blijven., en: Stay close. } }
          near: { practice: [{ exercise: extended-exhale }] }
        reading:`
		);
		expect(failure(changed)).toBe(
			"programmes/rust.yaml: weeks[0].days[1].variants.near is not one of the programme's variants"
		);
		const programme = parseProgrammeFile(
			'programmes/rust.yaml',
			changed.replace('near:', 'far:'),
			known
		);
		expect(plannedDays(programme, 'close')[1]?.intention.en).toBe('Stay close.');
		expect(plannedDays(programme, 'far')[1]?.practice).toEqual([{ exercise: 'extended-exhale' }]);
		expect(plannedDays(programme)[1]?.intention.en).toBe('Feel your body.');
	});

	it('refuse two programmes with the same id', () => {
		expect(() =>
			parseProgrammeFiles(
				[
					{ name: 'programmes/rust.yaml', source: valid },
					{ name: 'programmes/rust.yml', source: valid }
				],
				known
			)
		).toThrow('programmes/rust.yml: id "rust" is already used by programmes/rust.yaml');
	});
});

describe('the shipped programmes', () => {
	const programmes = loadProgrammeDirectory(process.cwd(), loadExerciseDirectory(process.cwd()));

	it('are the foundation, the way out of a trauma bond and the secure base', () => {
		expect(programmes.map((p) => [p.id, p.weeks.length])).toEqual([
			['fundament', 4],
			['uit-de-band', 7],
			['veilige-basis', 4]
		]);
	});

	it('give the foundation five minutes a day for 28 days, from breathing to body scan to grounding', () => {
		const days = plannedDays(programmes[0]!);
		expect(days).toHaveLength(28);
		const firstKinds = days.map((d) => d.practice[0]!.exercise);
		expect(
			firstKinds
				.slice(0, 7)
				.every((id) => !id.startsWith('body-scan') && !id.startsWith('grounding'))
		).toBe(true);
		expect(firstKinds.slice(7, 14).some((id) => id.startsWith('body-scan'))).toBe(true);
		expect(firstKinds.slice(14, 21).some((id) => id.startsWith('grounding'))).toBe(true);
	});

	it('mix regulation, the boundary exercise and the urge questions in the trauma-bond path', () => {
		const ids = plannedDays(programmes[1]!).flatMap((d) => d.practice.map((p) => p.exercise));
		expect(ids).toEqual(expect.arrayContaining(['boundary', 'urge-questions', 'extended-exhale']));
	});

	it('offer three descriptions to choose from for the secure base', () => {
		expect(programmes[2]!.variants.map((v) => v.id)).toEqual(['anxious', 'avoidant', 'chaotic']);
	});
});
