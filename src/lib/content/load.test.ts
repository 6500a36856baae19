import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../paraglide/runtime';
import { parseExerciseFile, parseExerciseFiles } from './load';
import { CONTENT_LOCALES } from './schema';
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
		expect(exercises.map((e) => e.id)).toEqual([
			'extended-exhale',
			'cyclic-sighing',
			'box',
			'4-7-8',
			'coherent'
		]);
	});

	it('start "breathe now" with a 4 in / 6 out pattern without holds', () => {
		const first = exercises[0]!;
		expect(first.pattern.phases).toEqual([
			{ kind: 'inhale', durationMs: 4000 },
			{ kind: 'exhale', durationMs: 6000 }
		]);
		expect(first.hasHolds).toBe(false);
	});

	it('keep 4-7-8 to four breaths at a time', () => {
		expect(exercises.find((e) => e.id === '4-7-8')?.maxCycles).toBe(4);
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
		expect(parseExerciseFile('exercises/box.yaml', valid).pattern.phases).toHaveLength(3);
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
