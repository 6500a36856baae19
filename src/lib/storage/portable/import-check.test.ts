import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../records/import-limits';
import type { ImportProblem } from '../../records/export-file';
import { parseImport } from './import-check';
import { at, fill, importText, sessionsOf, snapshot, validData, useFreshDb } from './test-data';

useFreshDb('import-check');

describe('refusing a bad file', () => {
	const valid = JSON.stringify(validData());

	/** The valid file with one urge changed. */
	function withUrge(index: number, change: (record: Record<string, unknown>) => void): string {
		const data = validData();
		change((data.urges as Record<string, unknown>[])[index]!);
		return JSON.stringify(data);
	}

	/** The valid file with one session changed. */
	function withSession(index: number, change: (record: Record<string, unknown>) => void): string {
		const data = validData();
		change(sessionsOf(data)[index]!);
		return JSON.stringify(data);
	}

	// The problem each file comes to; only what is given is compared.
	const cases: [string, () => string, Partial<ImportProblem>][] = [
		['a truncated file', () => valid.slice(0, valid.length / 2), { code: 'not-json' }],
		['JSON that is not an object', () => '[1, 2, 3]', { code: 'not-rustpunt' }],
		['null', () => 'null', { code: 'not-rustpunt' }],
		[
			'another format',
			() => JSON.stringify({ ...validData(), format: 'other-app' }),
			{ code: 'not-rustpunt' }
		],
		[
			'version 2',
			() => JSON.stringify({ ...validData(), version: 2 }),
			{ code: 'unknown-version', version: '2' }
		],
		[
			'version "1" as a string',
			() => JSON.stringify({ ...validData(), version: '1' }),
			{ code: 'unknown-version', version: '1' }
		],
		[
			'a rating given as text',
			() => withSession(1, (s) => (s.distressAfter = '5')),
			{ code: 'invalid', path: 'sessions[1].distressAfter', reason: expect.any(String) }
		],
		[
			'a rating above 10',
			() => withSession(1, (s) => (s.distressAfter = 11)),
			{ code: 'invalid', path: 'sessions[1].distressAfter', reason: expect.any(String) }
		],
		[
			'an unknown key on a session',
			() => withSession(0, (s) => (s.extra = 1)),
			{ code: 'invalid', path: 'sessions[0].extra', reason: expect.any(String) }
		],
		[
			'a __proto__ key at the top',
			() => `{"__proto__": {"polluted": true}, ${valid.slice(1)}`,
			{ code: 'unsafe-key', path: '__proto__' }
		],
		[
			'a __proto__ key inside a session',
			() => valid.replace('{"id":"s2"', '{"__proto__":{"polluted":true},"id":"s2"'),
			{ code: 'unsafe-key', path: 'sessions[1].__proto__' }
		],
		[
			'a constructor key',
			() => withSession(1, (s) => (s.choices = { constructor: 'x' })),
			{ code: 'unsafe-key', path: 'sessions[1].choices.constructor' }
		],
		[
			'a prototype key',
			() => JSON.stringify({ ...validData(), preferences: { prototype: 'x' } }),
			{ code: 'unsafe-key', path: 'preferences.prototype' }
		],
		[
			'a round of the boundary exercise with an unknown key',
			() => withSession(0, (s) => (s.rounds = [{ stopDistanceM: 2 }, { stopDistanceM: 2, x: 1 }])),
			{ code: 'invalid', path: 'sessions[0].rounds[1].x', reason: expect.any(String) }
		],
		[
			'a negative stop distance',
			() => withSession(0, (s) => (s.rounds = [{ stopDistanceM: -0.5, wentBack: true }])),
			{ code: 'invalid', path: 'sessions[0].rounds[0].stopDistanceM', reason: expect.any(String) }
		],
		[
			'a stop counted in part of a step',
			() => withSession(0, (s) => (s.rounds = [{ stopSteps: 2.5 }])),
			{ code: 'invalid', path: 'sessions[0].rounds[0].stopSteps', reason: expect.any(String) }
		],
		[
			'more rounds than any practice has',
			() => withSession(0, (s) => (s.rounds = Array.from({ length: 201 }, () => ({})))),
			{ code: 'invalid', path: 'sessions[0].rounds', reason: expect.any(String) }
		],
		[
			'a megabyte string in a note',
			() => withSession(0, (s) => (s.note = 'a'.repeat(1024 * 1024))),
			{ code: 'invalid', path: 'sessions[0].note', reason: expect.any(String) }
		],
		['text over the size limit', () => ' '.repeat(MAX_IMPORT_BYTES + 1), { code: 'too-large' }],
		[
			'two sessions with the same id',
			() => withSession(2, (s) => (s.id = 's1')),
			{ code: 'invalid', path: 'sessions[2].id', reason: expect.any(String) }
		],
		[
			'a day that does not exist',
			() => withSession(0, (s) => (s.day = '2026-02-30')),
			{ code: 'invalid', path: 'sessions[0].day', reason: expect.any(String) }
		],
		[
			'an end before the start',
			() => withSession(0, (s) => (s.endedAt = (s.startedAt as number) - 1)),
			{ code: 'invalid', path: 'sessions[0].endedAt', reason: expect.any(String) }
		],
		[
			'a number too big to be finite',
			() => valid.replace(`"startedAt":${at(8, 9)}`, '"startedAt":1e999'),
			{ code: 'invalid', path: 'sessions[0].startedAt', reason: expect.any(String) }
		],
		[
			'nesting deeper than any export',
			() => JSON.stringify({ ...validData(), settings: [{ key: 'a', value: [[[[[[[[1]]]]]]]] }] }),
			{
				code: 'invalid',
				path: expect.stringMatching(/^settings\[0\]\.value/),
				reason: expect.any(String)
			}
		],
		[
			'a preference key of another app',
			() => JSON.stringify({ ...validData(), preferences: { 'Other:App': 'x' } }),
			{ code: 'invalid', path: 'preferences["Other:App"]', reason: expect.any(String) }
		],
		[
			'an unknown list',
			() => JSON.stringify({ ...validData(), lists: [{ id: 'secrets', items: [] }] }),
			{ code: 'invalid', path: 'lists[0].id', reason: expect.any(String) }
		],
		[
			'a setting the app does not know',
			() =>
				JSON.stringify({
					...validData(),
					settings: [
						{ key: 'streaks', value: true },
						{ key: 'fontFamily', value: 'serif' }
					]
				}),
			{ code: 'invalid', path: 'settings[1].key', reason: expect.any(String) }
		],
		[
			'whether the browser was asked to keep data, which stays on each phone',
			() => JSON.stringify({ ...validData(), settings: [{ key: 'persistAsked', value: true }] }),
			{ code: 'invalid', path: 'settings[0].key', reason: expect.any(String) }
		],
		[
			'streaks set to something other than on or off',
			() => JSON.stringify({ ...validData(), settings: [{ key: 'streaks', value: 'yes' }] }),
			{ code: 'invalid', path: 'settings[0].value', reason: expect.any(String) }
		],
		[
			'a session that starts more than a day after the file was written',
			() => withSession(2, (s) => (s.startedAt = at(14, 12) + 1)),
			{ code: 'invalid', path: 'sessions[2].startedAt', reason: expect.any(String) }
		],
		[
			'an urge that starts more than a day after the file was written',
			() => withUrge(1, (u) => (u.startedAt = at(14, 12) + 1)),
			{ code: 'invalid', path: 'urges[1].startedAt', reason: expect.any(String) }
		],
		[
			'a file written after the year 3000',
			() => JSON.stringify({ ...validData(), exportedAt: Date.UTC(3001, 0, 1) }),
			{ code: 'invalid', path: 'exportedAt', reason: expect.any(String) }
		],
		[
			'a session whose day is two days from the UTC date of its start',
			() =>
				withSession(0, (s) => {
					s.startedAt = Date.UTC(2026, 2, 8, 12);
					s.endedAt = s.startedAt;
					s.day = '2026-03-10';
				}),
			{ code: 'invalid', path: 'sessions[0].day', reason: expect.any(String) }
		],
		[
			'a session whose day is two days before the UTC date of its start',
			() =>
				withSession(0, (s) => {
					s.startedAt = Date.UTC(2026, 2, 8, 0);
					s.endedAt = s.startedAt;
					s.day = '2026-03-06';
				}),
			{ code: 'invalid', path: 'sessions[0].day', reason: expect.any(String) }
		],
		[
			'an unknown key at the top',
			() => JSON.stringify({ ...validData(), reminders: [] }),
			{ code: 'invalid', path: 'reminders', reason: expect.any(String) }
		]
	];

	for (const [what, text, problem] of cases) {
		it(`refuses ${what} and leaves the database as it was`, async () => {
			await fill();
			const before = await snapshot();
			expect(await importText(text())).toMatchObject({ ok: false, problem });
			expect(await snapshot()).toEqual(before);
		});
	}

	it('pollutes no prototype when a file carries __proto__', () => {
		parseImport(`{"__proto__": {"polluted": true}, ${valid.slice(1)}`);
		parseImport(valid.replace('{"id":"s2"', '{"__proto__":{"polluted":true},"id":"s2"'));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('refuses a file whose size is over the limit before reading it', () => {
		expect(parseImport(valid, { sizeBytes: MAX_IMPORT_BYTES + 1 })).toEqual({
			ok: false,
			problem: { code: 'too-large', maxBytes: MAX_IMPORT_BYTES }
		});
	});

	it('names the record and the part of it, never echoing a huge value', () => {
		const parsed = parseImport(withSession(1, (s) => (s.distressAfter = 'x'.repeat(100_000))));
		expect(parsed).toEqual({
			ok: false,
			problem: {
				code: 'invalid',
				path: 'sessions[1].distressAfter',
				record: { table: 'sessions', number: 2, total: 3, dateMs: at(9, 21, 30) },
				field: 'rating',
				reason: 'not-valid'
			}
		});
	});
});
