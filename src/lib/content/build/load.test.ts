import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../paraglide/runtime';
import { parseExerciseFile, parseExerciseFiles } from './load';
import { STEP_FOCUS } from '../focus';
import { CONTENT_LOCALES } from '../types';
import { loadExerciseDirectory } from './vite-plugin';

const valid = `
id: box
kind: breathing
order: 3
title: { nl: Vierkant ademen, en: Box breathing }
summary: { nl: In en uit., en: In and out. }
guidance: { nl: Rustig., en: Calmly. }
phases:
  - { kind: inhale, seconds: 4 }
  - { kind: hold-in, seconds: 4 }
  - { kind: exhale, seconds: 4 }
`;

/** The message a broken file fails with. */
function failure(source: string, name = 'exercises/box.yaml'): string {
	try {
		parseExerciseFile(name, source);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('the file was accepted');
}

describe('the shipped exercises', () => {
	const exercises = loadExerciseDirectory(process.cwd());

	it('are all valid, with the five breathing patterns the app promises', () => {
		expect(exercises.filter((e) => e.kind === 'breathing').map((e) => e.id)).toEqual([
			'extended-exhale',
			'cyclic-sighing',
			'box',
			'4-7-8',
			'coherent'
		]);
	});

	it('include the guided practices: body scans of 3, 10 and 20 minutes, grounding, touch, imagination', () => {
		const guided = exercises.flatMap((e) => (e.kind === 'guided' ? [e] : []));
		const minutes = (id: string) =>
			Math.round((guided.find((e) => e.id === id)?.durationMs ?? 0) / 60_000);
		expect([minutes('body-scan-3'), minutes('body-scan-10'), minutes('body-scan-20')]).toEqual([
			3, 10, 20
		]);
		expect(guided.filter((e) => e.category === 'grounding').map((e) => e.id)).toEqual([
			'grounding-senses',
			'grounding-orientation',
			'grounding-feet',
			'grounding-cold'
		]);
		expect(guided.every((e) => e.category !== 'grounding' || e.breathFree)).toBe(true);
		expect(guided.map((e) => e.id)).toEqual(
			expect.arrayContaining(['soothing-touch', 'safe-place', 'protector'])
		);
		const scan = guided.find((e) => e.id === 'body-scan-10');
		expect(scan?.choices).toEqual(['posture', 'eyes', 'anchor']);
		const senses = guided.find((e) => e.id === 'grounding-senses');
		expect(senses?.steps.flatMap((s) => (s.input ? [s.input] : []))).toEqual([5, 4, 3, 2, 1]);
	});

	it('name the region of every body-scan step that moves through the body, from the feet up', () => {
		// Feet and legs go one leg at a time, and the belly and the back together.
		const same: Record<string, string> = { feet: 'legs', back: 'belly' };
		const upward = ['legs', 'pelvis', 'belly', 'chest', 'shoulders', 'arms', 'hands', 'neck'];
		const rank = (focus: string) => [...upward, 'face', 'head'].indexOf(same[focus] ?? focus);
		for (const id of ['body-scan-3', 'body-scan-10', 'body-scan-20']) {
			const scan = exercises.find((e) => e.id === id);
			if (scan?.kind !== 'guided') throw new Error(`${id} must be guided`);
			const regions = scan.steps.flatMap((s) =>
				s.focus && s.focus !== 'whole' ? [rank(s.focus)] : []
			);
			expect(regions.length, id).toBeGreaterThanOrEqual(4);
			expect(regions, id).not.toContain(-1);
			expect(regions, id).toEqual([...regions].sort((a, b) => a - b));
			expect(scan.steps.find((s) => s.id === 'whole-body')?.focus, id).toBe('whole');
		}
	});

	it('name the sense of each counting step of 5-4-3-2-1', () => {
		const senses = exercises.find((e) => e.id === 'grounding-senses');
		if (senses?.kind !== 'guided') throw new Error('grounding-senses must be guided');
		expect(senses.steps.flatMap((s) => (s.input ? [s.focus] : []))).toEqual([
			'see',
			'touch',
			'hear',
			'smell',
			'taste'
		]);
	});

	it('start "breathe now" with a 4 in / 6 out pattern without holds', () => {
		const first = exercises[0]!;
		if (first.kind !== 'breathing') throw new Error('the first exercise must be breathing');
		expect(first.pattern.phases).toEqual([
			{ kind: 'inhale', durationMs: 4000 },
			{ kind: 'exhale', durationMs: 6000 }
		]);
		expect(first.hasHolds).toBe(false);
	});

	it('keep 4-7-8 to four breaths at a time', () => {
		const fourSevenEight = exercises.find((e) => e.id === '4-7-8');
		expect(fourSevenEight?.kind === 'breathing' && fourSevenEight.maxCycles).toBe(4);
	});

	it('have their texts in every language of the app', () => {
		expect([...CONTENT_LOCALES].sort()).toEqual([...locales].sort());
		for (const e of exercises) {
			for (const locale of CONTENT_LOCALES) {
				expect(e.title[locale].length).toBeGreaterThan(0);
				expect(e.guidance[locale].length).toBeGreaterThan(0);
			}
		}
	});
});

describe('an invalid exercise file', () => {
	it('is accepted when everything is right', () => {
		const box = parseExerciseFile('exercises/box.yaml', valid);
		expect(box.kind === 'breathing' && box.pattern.phases).toHaveLength(3);
	});

	it('names the file and the phase whose seconds are not positive', () => {
		expect(
			failure(valid.replace('{ kind: exhale, seconds: 4 }', '{ kind: exhale, seconds: 0 }'))
		).toBe('exercises/box.yaml: phases[2].seconds must be > 0');
	});

	it('names a missing translation', () => {
		expect(
			failure(
				valid.replace(
					'title: { nl: Vierkant ademen, en: Box breathing }',
					'title: { nl: Vierkant ademen }'
				)
			)
		).toContain('exercises/box.yaml: title.en');
	});

	it('names an unknown phase kind', () => {
		expect(failure(valid.replace('kind: hold-in', 'kind: breathe-hard'))).toContain(
			'exercises/box.yaml: phases[1].kind must be one of'
		);
	});

	it('names a field that does not belong in the file', () => {
		expect(failure(valid + 'colour: red\n')).toBe(
			'exercises/box.yaml: colour is not a known field'
		);
	});

	it('refuses text where a number belongs', () => {
		expect(
			failure(
				valid.replace('seconds: 4 }\n  - { kind: hold-in', 'seconds: four }\n  - { kind: hold-in')
			)
		).toBe('exercises/box.yaml: phases[0].seconds must be a number of seconds');
	});

	it('refuses a pattern without an exhale', () => {
		expect(
			failure(valid.replace('{ kind: exhale, seconds: 4 }', '{ kind: inhale, seconds: 4 }'))
		).toBe('exercises/box.yaml: phases must have at least one exhale');
	});

	it('refuses an id that does not match the file name', () => {
		expect(failure(valid, 'exercises/square.yaml')).toBe(
			'exercises/square.yaml: id must match the file name ("square")'
		);
	});

	it('reports broken YAML with the file name', () => {
		expect(failure('id: [unclosed')).toMatch(/^exercises\/box\.yaml: is not valid YAML/);
	});

	it('reports every broken file of a set, and duplicate ids', () => {
		expect(() =>
			parseExerciseFiles([
				{ name: 'exercises/box.yaml', source: valid },
				{ name: 'exercises/box.yml', source: valid },
				{ name: 'exercises/other.yaml', source: 'id: other' }
			])
		).toThrow(/box\.yml: id "box" is already used by exercises\/box\.yaml\n.*other\.yaml/);
	});
});

const guided = `
id: scan
kind: guided
category: body-scan
order: 20
title: { nl: Lichaamsscan, en: Body scan }
summary: { nl: Een korte scan., en: A short scan. }
guidance: { nl: Je mag stoppen., en: You may stop. }
choices: [eyes, anchor]
steps:
  - id: arrive
    seconds: 20
    text: { nl: Kom aan waar je bent., en: Arrive where you are. }
  - id: eyes-closed
    seconds: 10
    when: { eyes: closed }
    text: { nl: Sluit je ogen als je wilt., en: Close your eyes if you like. }
  - id: anchor
    seconds: 30
    text:
      nl: Keer terug naar {anchor}.
      en: Come back to {anchor}.
`;

/** The message a broken guided file fails with. */
function guidedFailure(source: string): string {
	return failure(source, 'exercises/scan.yaml');
}

describe('a guided practice file', () => {
	it('is accepted when everything is right, with its length for the default choices', () => {
		const scan = parseExerciseFile('exercises/scan.yaml', guided);
		if (scan.kind !== 'guided') throw new Error('expected a guided practice');
		expect(scan.steps.map((s) => s.id)).toEqual(['arrive', 'eyes-closed', 'anchor']);
		expect(scan.steps[1]!.when).toEqual({ eyes: 'closed' });
		// Eyes open is the default, so the eyes-closed step is not counted.
		expect(scan.durationMs).toBe(50_000);
	});

	it('passes a step’s focus on to the practice, and leaves it out where there is none', () => {
		const scan = parseExerciseFile(
			'exercises/scan.yaml',
			guided.replace('  - id: arrive\n', '  - id: arrive\n    focus: feet\n')
		);
		if (scan.kind !== 'guided') throw new Error('expected a guided practice');
		expect(scan.steps.map((s) => s.focus)).toEqual(['feet', undefined, undefined]);
		expect('focus' in scan.steps[1]!).toBe(false);
	});

	it('is refused when a step’s focus is not one the app can draw, naming the step', () => {
		expect(
			guidedFailure(guided.replace('  - id: anchor\n', '  - id: anchor\n    focus: knees\n'))
		).toBe(`exercises/scan.yaml: steps[2].focus must be one of ${STEP_FOCUS.join(', ')}`);
	});

	it('is refused when a step’s focus is a list instead of one value', () => {
		expect(
			guidedFailure(guided.replace('  - id: arrive\n', '  - id: arrive\n    focus: [feet, legs]\n'))
		).toMatch(/^exercises\/scan\.yaml: steps\[0\]\.focus must be one of whole, feet/);
	});

	it('is refused when a step has no translation', () => {
		expect(
			guidedFailure(
				guided.replace(
					'{ nl: Kom aan waar je bent., en: Arrive where you are. }',
					'{ nl: Kom aan waar je bent. }'
				)
			)
		).toBe('exercises/scan.yaml: steps[0].text.en is missing');
	});

	it('is refused when a step has no length', () => {
		expect(guidedFailure(guided.replace('    seconds: 20\n', ''))).toContain(
			'exercises/scan.yaml: steps[0].seconds is missing'
		);
	});

	it('is refused when a step is too short for its text to be spoken', () => {
		expect(guidedFailure(guided.replace('seconds: 20', 'seconds: 5'))).toBe(
			'exercises/scan.yaml: steps[0].text.nl is too long to speak in 5 s (5 words, at most 4)'
		);
	});

	it('is refused when two steps share an id', () => {
		expect(guidedFailure(guided.replace('- id: anchor', '- id: arrive'))).toBe(
			'exercises/scan.yaml: steps[2].id "arrive" is already used by steps[0]'
		);
	});

	it('is refused when a step depends on a choice the practice does not offer', () => {
		expect(guidedFailure(guided.replace('choices: [eyes, anchor]', 'choices: [anchor]'))).toBe(
			'exercises/scan.yaml: steps[1].when.eyes needs "eyes" in choices'
		);
	});

	it('is refused when a text has an unknown placeholder', () => {
		expect(guidedFailure(guided.replace('Come back to {anchor}', 'Come back to {place}'))).toBe(
			'exercises/scan.yaml: steps[2].text.en has an unknown placeholder {place}'
		);
	});

	it('is refused when grounding is not breath-free, or mentions the breath', () => {
		const grounding = guided
			.replace('category: body-scan', 'category: grounding')
			.replace('choices: [eyes, anchor]', 'choices: [eyes]')
			.replaceAll('{anchor}', 'the room');
		expect(guidedFailure(grounding)).toContain(
			'exercises/scan.yaml: breathFree must be true for grounding'
		);
		const breathy = grounding
			.replace('order: 20', 'order: 20\nbreathFree: true')
			.replace('Arrive where you are.', 'Notice your breath.');
		expect(guidedFailure(breathy)).toBe(
			'exercises/scan.yaml: steps[0].text.en mentions the breath in a breath-free practice'
		);
	});
});

describe('the build', () => {
	it('fails on an invalid file in exercises/, naming the file and the field', () => {
		const root = mkdtempSync(join(tmpdir(), 'rustpunt-content-'));
		try {
			mkdirSync(join(root, 'exercises'));
			writeFileSync(
				join(root, 'exercises', 'box.yaml'),
				valid.replace('seconds: 4 }\n  - { kind: exhale', 'seconds: -2 }\n  - { kind: exhale')
			);
			expect(() => loadExerciseDirectory(root)).toThrow(
				'exercises/box.yaml: phases[1].seconds must be > 0'
			);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
