import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDayKey } from '../journal/days';
import { RustpuntDb } from './db';
import {
	applyImport,
	deleteAllData,
	EXPORT_FORMAT,
	EXPORT_VERSION,
	exportAll,
	exportJson,
	MAX_IMPORT_BYTES,
	MAX_SESSIONS,
	parseImport,
	sessionsCsv,
	summariseImport,
	type CsvLabels,
	type ExportFile,
	type ImportProblem
} from './portable';
import { SessionStore } from './session-store';
import {
	BOUNDARY_SOLO_ID,
	BOUNDARY_TOGETHER_ID,
	type SessionRecord,
	type StoredSessionStatus
} from '../records/sessions';
import type { UrgeRecord } from '../records/urges';

let db: RustpuntDb;
let name = 0;

beforeEach(() => {
	db = new RustpuntDb(`portable-${++name}`);
});

afterEach(async () => {
	await db.delete();
});

/** Epoch ms of a local date and time, so days and hours read the same in every time zone. */
const at = (day: number, hour: number, minute = 0) =>
	new Date(2026, 2, day, hour, minute).getTime();

function session(id: string, startedAt: number, extra: Partial<SessionRecord> = {}): SessionRecord {
	return {
		id,
		exerciseId: 'extended-exhale',
		startedAt,
		day: localDayKey(startedAt),
		endedAt: startedAt + 180_000,
		activeMs: 180_000,
		plannedMs: 180_000,
		status: 'completed',
		...extra
	};
}

const SESSIONS: SessionRecord[] = [
	session('s1', at(8, 9), { distressBefore: 6, distressAfter: 3, holds: true }),
	session('s2', at(9, 21, 30), {
		exerciseId: 'grounding-senses',
		status: 'stopped',
		activeMs: 90_000,
		stepsDone: ['arrive', 'see'],
		tooMuch: 1,
		choices: { posture: 'sitting', eyes: 'open' },
		noticed: [{ step: 'see', count: 5, text: 'lamp, plant, deur' }],
		note: 'Rustiger dan gisteren, "echt".'
	}),
	session('s3', at(12, 7), { status: 'interrupted', activeMs: 30_000 })
];

const URGES: UrgeRecord[] = [
	{
		id: 'u1',
		startedAt: at(9, 23),
		intensity: 8,
		hope: 'dat hij zegt dat het hem spijt',
		bodyPlace: 'keel',
		giveInstead: 'rust',
		helped: 'body',
		waitedMs: 600_000,
		contact: 'no'
	},
	{ id: 'u2', startedAt: at(10, 14) }
];

const REALITY = ['Hij kwam afspraken niet na.', 'Ik sliep slecht.'];

async function fill(): Promise<void> {
	await db.sessions.bulkAdd(SESSIONS);
	await db.urges.bulkAdd(URGES);
	await db.lists.put({ id: 'reality', items: REALITY });
	await db.settings.bulkPut([
		{ key: 'streaks', value: true },
		{ key: 'persistAsked', value: false }
	]);
}

/** Every table's records, to compare before and after. */
async function snapshot(): Promise<Record<string, unknown[]>> {
	const tables: Record<string, unknown[]> = {};
	for (const table of db.tables) tables[table.name] = await table.toArray();
	return tables;
}

/** A valid export file as plain JSON data, to spoil in one place per test. */
function validData(): Record<string, unknown> {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: at(13, 12),
		sessions: structuredClone(SESSIONS),
		urges: structuredClone(URGES),
		lists: [{ id: 'reality', items: [...REALITY] }],
		settings: [{ key: 'streaks', value: true }],
		preferences: { 'rustpunt:muted': 'true', 'rustpunt:voice-id:nl': 'anna' }
	};
}

function sessionsOf(data: Record<string, unknown>): Record<string, unknown>[] {
	return data.sessions as Record<string, unknown>[];
}

/** The text of an export of the whole device. */
async function exportText(preferences: Record<string, string> = {}, now = at(13, 12)) {
	return exportJson((await exportAll(db, preferences, now)).file);
}

/** What the data screen does with a chosen file: check it, and only then write it. */
async function importText(text: string): Promise<ReturnType<typeof parseImport>> {
	const parsed = parseImport(text);
	if (parsed.ok) await applyImport(db, parsed.file);
	return parsed;
}

function parsedFile(text: string): ExportFile {
	const parsed = parseImport(text);
	if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
	return parsed.file;
}

describe('export and import', () => {
	it('brings every table back as it was after all data was deleted', async () => {
		await fill();
		await db.settings.delete('persistAsked');
		const before = await snapshot();
		const text = await exportText({ 'rustpunt:muted': 'true', 'rustpunt:holds:box': 'on' });

		await deleteAllData(db);
		expect(await db.sessions.count()).toBe(0);
		const parsed = parseImport(text);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
		expect(await applyImport(db, parsed.file)).toEqual({ added: 5, skipped: 0 });

		expect(await snapshot()).toEqual(before);
		expect(parsed.file.preferences).toEqual({
			'rustpunt:muted': 'true',
			'rustpunt:holds:box': 'on'
		});
		expect(parsed.file.exportedAt).toBe(at(13, 12));
	});

	it('writes the file with its format and version first and every table of the database', async () => {
		await fill();
		const { file, leftOut } = await exportAll(db, {}, at(13, 12));
		expect(leftOut).toBe(0);
		expect(Object.keys(file).slice(0, 3)).toEqual(['format', 'version', 'exportedAt']);
		for (const table of db.tables) expect(Object.keys(file)).toContain(table.name);
	});

	it('leaves out preferences an import would refuse', async () => {
		const { file } = await exportAll(
			db,
			{ 'rustpunt:muted': 'true', 'other-app:theme': 'dark', 'rustpunt:long': 'x'.repeat(201) },
			1
		);
		expect(file.preferences).toEqual({ 'rustpunt:muted': 'true' });
	});

	it('adds nothing when the same file is imported twice', async () => {
		await fill();
		const file = parsedFile(await exportText());
		const before = await snapshot();

		expect(await summariseImport(db, file)).toMatchObject({ alreadyPresent: 5, newRecords: 0 });
		expect(await applyImport(db, file)).toEqual({ added: 0, skipped: 5 });
		expect(await applyImport(db, file)).toEqual({ added: 0, skipped: 5 });
		expect(await snapshot()).toEqual(before);
	});

	it('summarises what the file holds, the days it covers and what the device already has', async () => {
		await db.sessions.add(SESSIONS[0]!);
		await db.urges.add(URGES[1]!);
		const file = parsedFile(JSON.stringify(validData()));

		expect(await summariseImport(db, file)).toEqual({
			sessions: 3,
			urges: 2,
			listItems: 2,
			firstDay: localDayKey(at(8, 9)),
			lastDay: localDayKey(at(12, 7)),
			alreadyPresent: 2,
			newRecords: 3
		});
	});

	it('summarises a file without sessions or urges without a date range', async () => {
		const data = { ...validData(), sessions: [], urges: [] };
		const summary = await summariseImport(db, parsedFile(JSON.stringify(data)));
		expect(summary).toEqual({
			sessions: 0,
			urges: 0,
			listItems: 2,
			alreadyPresent: 0,
			newRecords: 0
		});
	});

	it("keeps the device's copy of a session it already has", async () => {
		await db.sessions.add({ ...SESSIONS[1]!, note: 'Later written on the phone.' });
		const result = await importText(JSON.stringify(validData()));

		expect(result.ok).toBe(true);
		expect((await db.sessions.get('s2'))?.note).toBe('Later written on the phone.');
		expect(await db.sessions.count()).toBe(3);
	});

	it("joins the reality list: the device's items first, then the file's items it lacks", async () => {
		await db.lists.put({ id: 'reality', items: ['Ik sliep slecht.', 'Eigen regel.'] });
		await importText(JSON.stringify(validData()));

		expect((await db.lists.get('reality'))?.items).toEqual([
			'Ik sliep slecht.',
			'Eigen regel.',
			'Hij kwam afspraken niet na.'
		]);
	});

	it("puts the file's settings, since they are the person's own choices", async () => {
		await db.settings.put({ key: 'streaks', value: false });
		await importText(JSON.stringify(validData()));
		expect(await db.settings.get('streaks')).toEqual({ key: 'streaks', value: true });
	});

	it('reads a table missing from the file as empty', async () => {
		const data = validData();
		delete data.urges;
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect(await db.urges.count()).toBe(0);
		expect(await db.sessions.count()).toBe(3);
	});

	it('writes nothing when a write fails part-way through the import', async () => {
		await db.settings.put({ key: 'streaks', value: false });
		const before = await snapshot();
		// Sessions are written before urges, so the failure comes after a table was written.
		db.urges.hook('creating', () => {
			throw new Error('disk trouble');
		});
		const file = parsedFile(JSON.stringify(validData()));

		await expect(applyImport(db, file)).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
	});

	it('imports records the app itself wrote', async () => {
		const store = new SessionStore(db);
		await store.start({ id: 'a', exerciseId: 'box', startedAt: at(8, 9), plannedMs: 60_000 });
		await store.update('a', {
			activeMs: 60_000.4,
			plannedMs: 60_000,
			status: 'completed',
			endedAt: at(8, 9, 1),
			details: { stepsDone: ['one'], tooMuch: 0, choices: {}, noticed: [] }
		});
		await store.rateAfter('a', 2);
		expect(parseImport(await exportText({}, at(8, 10))).ok).toBe(true);
	});

	it('leaves damaged records out of an export and counts them, so the file still imports', async () => {
		await fill();
		// Rows no import would accept: an extra field, a day an upgrade made of a bad row, a start
		// far after the export (a clock once set wrong), a setting with the wrong kind of value.
		await db.sessions.bulkPut([
			{ ...session('extra', at(10, 9)), extra: 1 } as SessionRecord,
			session('nan-day', at(10, 10), { day: 'NaN-NaN-NaN' })
		]);
		await db.urges.put({ id: 'future', startedAt: at(20, 9) });
		await db.settings.put({ key: 'streaks', value: 'yes' });

		const { file, leftOut } = await exportAll(db, {}, at(13, 12));

		expect(leftOut).toBe(4);
		expect(file.sessions.map((record) => record.id)).toEqual(['s1', 's2', 's3']);
		expect(file.urges.map((record) => record.id)).toEqual(['u1', 'u2']);
		expect(file.settings).toEqual([]);
		expect(file.lists).toEqual([{ id: 'reality', items: REALITY }]);
		expect(parseImport(exportJson(file)).ok).toBe(true);
	});

	it('exports only the settings that travel, and never whether the browser was asked to keep data', async () => {
		await fill();
		await db.settings.put({ key: 'someday', value: 1 });
		const { file, leftOut } = await exportAll(db, {}, at(13, 12));

		expect(file.settings).toEqual([{ key: 'streaks', value: true }]);
		expect(leftOut).toBe(0);
	});

	it('carries the app settings out and back in, and refuses a file with a damaged one', async () => {
		const settings = [
			{ key: 'theme', value: 'dark' },
			{ key: 'volume', value: 0.35 },
			{ key: 'cueSet', value: 'wood' },
			{ key: 'leadIn', value: 5 },
			{ key: 'breatheNow', value: 'own:p1' },
			{ key: 'holds', value: { box: false } }
		];
		await db.settings.bulkPut([...settings, { key: 'lock', value: 'secret' }]);
		const { file } = await exportAll(db, {}, at(13, 12));
		expect(file.settings).toEqual(expect.arrayContaining(settings));
		expect(file.settings).toHaveLength(settings.length);
		await deleteAllData(db);

		expect(await importText(exportJson(file))).toMatchObject({ ok: true });
		expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });

		for (const damaged of [
			{ key: 'theme', value: 'purple' },
			{ key: 'volume', value: 3 },
			{ key: 'leadIn', value: 4 },
			{ key: 'vibration', value: 'yes' }
		]) {
			const bad = parseImport(JSON.stringify({ ...file, settings: [damaged] }));
			expect(bad).toMatchObject({ ok: false, problem: { code: 'invalid' } });
		}
	});

	it('leaves whether the browser was asked to keep data as it was on this phone after an import', async () => {
		await fill();
		const text = await exportText();
		await deleteAllData(db);

		expect(await importText(text)).toMatchObject({ ok: true });
		expect(await db.settings.get('streaks')).toEqual({ key: 'streaks', value: true });
		expect(await db.settings.get('persistAsked')).toBeUndefined();
	});

	it('carries the programmes followed, the days done and which one is current out and back in', async () => {
		await fill();
		await db.programmes.put({
			programmeId: 'fundament',
			run: 2,
			startedAt: at(10, 9),
			status: 'active'
		});
		await db.programmeDays.put({
			id: 'fundament:2:1',
			programmeId: 'fundament',
			run: 2,
			day: 1,
			sessionId: 's1',
			completedAt: at(11, 9)
		});
		await db.settings.put({ key: 'currentProgramme', value: 'fundament' });
		const text = await exportText();
		await deleteAllData(db);

		expect(await importText(text)).toMatchObject({ ok: true });
		expect(await db.settings.get('currentProgramme')).toEqual({
			key: 'currentProgramme',
			value: 'fundament'
		});
		expect(await db.programmes.get('fundament')).toMatchObject({ run: 2, status: 'active' });
		expect((await db.programmeDays.toArray()).map((d) => d.id)).toEqual(['fundament:2:1']);
	});

	it('carries the rounds of the boundary exercise out and back in unchanged', async () => {
		const solo = session('b1', at(11, 18), {
			exerciseId: BOUNDARY_SOLO_ID,
			rounds: [
				{ stopDistanceM: 2.4, wentBack: true, speed: 'slow', startDistanceM: 8, side: 'front' },
				{ reachedMinimum: true, wentBack: false, speed: 'fast', startDistanceM: 6, side: 'left' }
			]
		});
		const together = session('b2', at(12, 18), {
			exerciseId: BOUNDARY_TOGETHER_ID,
			rounds: [{ stopSteps: 4, wentBack: true }, { stopDistanceM: 1.5 }, {}]
		});
		await db.sessions.bulkAdd([solo, together]);

		const { file, leftOut } = await exportAll(db, {}, at(13, 12));
		expect(leftOut).toBe(0);
		await deleteAllData(db);
		expect(await importText(exportJson(file))).toMatchObject({ ok: true });

		expect(await db.sessions.get('b1')).toEqual(solo);
		expect(await db.sessions.get('b2')).toEqual(together);
	});

	it('accepts a day one calendar day from the UTC date of the start, as far time zones give', async () => {
		const data = validData();
		const start = Date.UTC(2026, 2, 8, 23);
		sessionsOf(data)[0] = { ...session('east', start), day: '2026-03-09' };
		sessionsOf(data)[1] = { ...session('west', start), day: '2026-03-07' };
		expect(parseImport(JSON.stringify(data)).ok).toBe(true);
	});

	it('accepts a session that ends a day after the file was written, for a clock a little off', () => {
		// The last session ends three minutes after it starts.
		const data = { ...validData(), exportedAt: at(12, 7, 3) - 86_400_000 };
		expect(parseImport(JSON.stringify(data)).ok).toBe(true);
	});
});

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

describe('refusing what cannot be true', () => {
	const NOW = at(13, 12);
	const YEAR_2999 = Date.UTC(2999, 0, 1, 12);

	/** The valid file, changed by `change`, checked at NOW. */
	function check(change: (data: Record<string, unknown>) => void) {
		const data = validData();
		change(data);
		return parseImport(JSON.stringify(data), { nowMs: NOW });
	}

	it('refuses a practice time of 1e300 ms, naming the session and its practice time', () => {
		expect(check((data) => (sessionsOf(data)[1]!.activeMs = 1e300))).toEqual({
			ok: false,
			problem: {
				code: 'invalid',
				path: 'sessions[1].activeMs',
				record: { table: 'sessions', number: 2, total: 3, dateMs: at(9, 21, 30) },
				field: 'practiceTime',
				reason: 'too-long'
			}
		});
	});

	it('refuses any duration beyond a day, and accepts a whole day', () => {
		const day = 86_400_000;
		expect(check((data) => (sessionsOf(data)[0]!.plannedMs = day + 1))).toMatchObject({
			problem: { field: 'plannedTime', reason: 'too-long' }
		});
		expect(
			check((data) => ((data.urges as Record<string, unknown>[])[0]!.waitedMs = day + 1))
		).toMatchObject({ problem: { field: 'waitTime', reason: 'too-long' } });
		expect(check((data) => (sessionsOf(data)[0]!.plannedMs = day)).ok).toBe(true);
	});

	it('refuses a session dated 2999 in a file that says it was written in 2999', () => {
		const parsed = check((data) => {
			data.exportedAt = YEAR_2999;
			Object.assign(sessionsOf(data)[0]!, {
				startedAt: YEAR_2999,
				endedAt: YEAR_2999,
				day: '2999-01-01'
			});
		});
		expect(parsed).toMatchObject({
			ok: false,
			problem: { code: 'invalid', record: { table: 'file' }, field: 'written', reason: 'future' }
		});
	});

	it('refuses a session and an urge dated 2999, naming each by its date', () => {
		const session = check((data) =>
			Object.assign(sessionsOf(data)[2]!, {
				startedAt: YEAR_2999,
				endedAt: YEAR_2999,
				day: '2999-01-01'
			})
		);
		expect(session).toMatchObject({
			ok: false,
			problem: {
				record: { table: 'sessions', number: 3, total: 3, dateMs: YEAR_2999 },
				field: 'start',
				reason: 'future'
			}
		});
		const urge = check(
			(data) => ((data.urges as Record<string, unknown>[])[1]!.startedAt = YEAR_2999)
		);
		expect(urge).toMatchObject({
			ok: false,
			problem: {
				record: { table: 'urges', number: 2, total: 2, dateMs: YEAR_2999 },
				field: 'start',
				reason: 'future'
			}
		});
	});

	it('refuses a record later than the moment of import, beyond a clock a day off', () => {
		const late = NOW + 86_400_000 + 1;
		const parsed = check((data) => {
			data.exportedAt = NOW + 60_000;
			(data.urges as Record<string, unknown>[])[1]!.startedAt = late;
		});
		expect(parsed).toMatchObject({ problem: { field: 'start', reason: 'future' } });
		const fine = check((data) => {
			data.exportedAt = NOW + 60_000;
			(data.urges as Record<string, unknown>[])[1]!.startedAt = NOW + 3_600_000;
		});
		expect(fine.ok).toBe(true);
	});

	it('refuses a record from before Rustpunt existed', () => {
		const start = Date.UTC(2023, 11, 31, 12);
		const parsed = check((data) =>
			Object.assign(sessionsOf(data)[0]!, { startedAt: start, endedAt: start, day: '2023-12-31' })
		);
		expect(parsed).toMatchObject({ problem: { field: 'start', reason: 'too-early' } });
	});

	it('refuses a no-contact count that starts in the future', () => {
		const parsed = check(
			(data) => (data.settings = [{ key: 'noContactCount', value: '2999-01-01' }])
		);
		expect(parsed).toMatchObject({
			problem: { record: { table: 'settings', number: 1 }, field: 'setting', reason: 'future' }
		});
	});

	it('refuses an end before the start and a day far from the start in words', () => {
		expect(
			check(
				(data) => (sessionsOf(data)[0]!.endedAt = (sessionsOf(data)[0]!.startedAt as number) - 1)
			)
		).toMatchObject({ problem: { field: 'end', reason: 'end-before-start' } });
	});
});

describe('limits that agree with each other', () => {
	// 200,000 sessions are built, written and checked: a few seconds, more on a busy machine.
	it('takes a file of the most sessions it allows, under the size it allows', () => {
		const start = at(1, 0) - MAX_SESSIONS * 60_000;
		const sessions = Array.from({ length: MAX_SESSIONS }, (_, i) =>
			session(`s${i.toString(36)}`, start + i * 60_000, i % 50 === 0 ? { note: 'Rustiger.' } : {})
		);
		const text = JSON.stringify({ ...validData(), sessions });
		expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
		const parsed = parseImport(text, { nowMs: at(13, 12) });
		expect(parsed.ok && parsed.file.sessions.length).toBe(MAX_SESSIONS);
	}, 60_000);

	it('refuses a file with more sessions than it allows, saying how many it allows', () => {
		const sessions = Array.from({ length: MAX_SESSIONS + 1 }, () => 0);
		expect(parseImport(JSON.stringify({ ...validData(), sessions }))).toEqual({
			ok: false,
			problem: { code: 'too-many', table: 'sessions', max: MAX_SESSIONS }
		});
	});
});

describe('texts in an import', () => {
	it('are stored composed, without direction controls or blank edges', async () => {
		const data = validData();
		sessionsOf(data)[0]!.note = ' \u202EZe\u0301e\u202C ';
		(data.urges as Record<string, unknown>[])[0]!.hope = 'rust\u200F';
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect((await db.sessions.get('s1'))?.note).toBe('Zée');
		expect((await db.urges.get('u1'))?.hope).toBe('rust');
	});

	it('leave out a note, an answer or a list item that shows nothing', async () => {
		const data = validData();
		sessionsOf(data)[0]!.note = '\u200B\u200B';
		(data.urges as Record<string, unknown>[])[0]!.hope = ' \u2060 ';
		data.lists = [{ id: 'reality', items: ['Echt gebeurd.', '\u200B', '   '] }];
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect(await db.sessions.get('s1')).not.toHaveProperty('note');
		expect(await db.urges.get('u1')).not.toHaveProperty('hope');
		expect((await db.lists.get('reality'))?.items).toEqual(['Echt gebeurd.']);
	});

	const pattern = {
		id: 'p1',
		name: 'Zee',
		inhale: 4,
		inhaleTop: 0,
		holdIn: 0,
		exhale: 6,
		holdOut: 0,
		length: { kind: 'cycles', cycles: 10 },
		createdAt: at(10, 9),
		updatedAt: at(10, 9)
	};

	it('refuse a pattern whose name is only zero-width spaces', () => {
		const data = { ...validData(), patterns: [{ ...pattern, name: '\u200B\u200B\u200B' }] };
		expect(parseImport(JSON.stringify(data))).toMatchObject({
			ok: false,
			problem: {
				record: { table: 'patterns', number: 1, total: 1, dateMs: at(10, 9) },
				field: 'name',
				reason: 'blank'
			}
		});
	});

	it('take the direction controls out of a pattern name', async () => {
		const data = { ...validData(), patterns: [{ ...pattern, name: '\u202Eeez' }] };
		expect(await importText(JSON.stringify(data))).toMatchObject({ ok: true });
		expect((await db.patterns.get('p1'))?.name).toBe('eez');
	});
});

describe('writing an import', () => {
	const many = () => {
		const data = validData();
		data.sessions = Array.from({ length: 5000 }, (_, i) => session(`m${i}`, at(1, 0) + i * 60_000));
		return parsedFile(JSON.stringify(data));
	};

	it('tells its progress, batch by batch, up to every record', async () => {
		const seen: number[] = [];
		await applyImport(db, many(), undefined, {
			onProgress: ({ done, total }) => {
				expect(total).toBe(5000 + 2 + 1 + 1);
				seen.push(done);
			}
		});
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(5004);
		expect(seen.length).toBeGreaterThan(3);
		expect(await db.sessions.count()).toBe(5000);
	});

	it('leaves the database exactly as it was when cancelled part-way through', async () => {
		await fill();
		const before = await snapshot();
		const stop = new AbortController();
		const written: number[] = [];
		const importing = applyImport(db, many(), undefined, {
			signal: stop.signal,
			onProgress: ({ done }) => {
				written.push(done);
				if (done >= 2000) stop.abort();
			}
		});

		await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
		expect(Math.max(...written)).toBeGreaterThanOrEqual(2000);
		expect(await snapshot()).toEqual(before);
	});

	it('writes nothing when cancelled before it starts', async () => {
		await fill();
		const before = await snapshot();
		const stop = new AbortController();
		stop.abort();
		await expect(applyImport(db, many(), undefined, { signal: stop.signal })).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
	});
});

describe('sessionsCsv', () => {
	const labels: CsvLabels = {
		date: 'Datum',
		time: 'Tijd',
		exercise: 'Oefening',
		minutes: 'Minuten',
		status: 'Status',
		distressBefore: 'Spanning vóór',
		distressAfter: 'Spanning na',
		note: 'Notitie'
	};
	const titles: Record<string, string> = {
		'extended-exhale': 'Lange uitademing',
		'grounding-senses': 'Zintuigen, hier en nu',
		box: '=HYPERLINK("http://evil")'
	};
	const titleOf = (exerciseId: string) => titles[exerciseId] ?? exerciseId;
	const statuses: Record<StoredSessionStatus, string> = {
		running: 'bezig',
		completed: 'afgerond',
		stopped: 'gestopt',
		interrupted: 'onderbroken'
	};
	const statusOf = (status: StoredSessionStatus) => statuses[status];

	it('writes one row per session, oldest first, under the translated headers and statuses', async () => {
		await db.sessions.bulkAdd([
			session('late', at(12, 7, 5), { activeMs: 30_000, status: 'interrupted' }),
			session('early', at(8, 9), { distressBefore: 6, distressAfter: 3, activeMs: 90_000 }),
			session('middle', at(9, 21, 30), {
				exerciseId: 'grounding-senses',
				status: 'stopped',
				activeMs: 600_000,
				note: 'Hij zei "rustig"\nen ik ademde.'
			})
		]);
		const csv = await sessionsCsv(db, titleOf, labels, statusOf);

		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'Datum,Tijd,Oefening,Minuten,Status,Spanning vóór,Spanning na,Notitie',
			`${localDayKey(at(8, 9))},09:00,Lange uitademing,1.5,afgerond,6,3,`,
			`${localDayKey(at(9, 21))},21:30,"Zintuigen, hier en nu",10.0,gestopt,,,"Hij zei ""rustig""\nen ik ademde."`,
			`${localDayKey(at(12, 7))},07:05,Lange uitademing,0.5,onderbroken,,,`,
			''
		]);
	});

	it('uses the stored day, not the day the time zone of today would give', async () => {
		await db.sessions.add(session('a', at(8, 9), { day: '2026-03-07' }));
		const csv = await sessionsCsv(db, titleOf, labels, statusOf);
		expect(csv.split('\r\n')[1]).toMatch(/^2026-03-07,/);
	});

	it('keeps a spreadsheet from running a cell as a formula', async () => {
		await db.sessions.bulkAdd([
			session('a', at(8, 9), { exerciseId: 'box', note: '+31 6 1234' }),
			session('b', at(8, 10), { note: '-5 minuten' }),
			session('c', at(8, 11), { note: '@alias' }),
			session('d', at(8, 12), { note: '\tinspringing' }),
			session('e', at(8, 13), { note: '\rterug' })
		]);
		const rows = (await sessionsCsv(db, titleOf, labels, statusOf)).split('\r\n').slice(1, -1);

		expect(rows[0]).toBe(
			`${localDayKey(at(8, 9))},09:00,"'=HYPERLINK(""http://evil"")",3.0,afgerond,,,'+31 6 1234`
		);
		expect(rows[1]).toMatch(/,'-5 minuten$/);
		expect(rows[2]).toMatch(/,'@alias$/);
		expect(rows[3]).toMatch(/,'\tinspringing$/);
		// A lone CR inside a field is quoted, so the row does not break in two.
		expect(rows[4]).toMatch(/,"'\rterug"$/);
	});

	it('guards a status word a spreadsheet would run as a formula', async () => {
		await db.sessions.add(session('a', at(8, 9), { status: 'running' }));
		const csv = await sessionsCsv(db, titleOf, labels, () => '=bezig');
		expect(csv.split('\r\n')[1]).toMatch(/,3\.0,'=bezig,,,$/);
	});

	it('writes only the header when there are no sessions', async () => {
		expect(await sessionsCsv(db, titleOf, labels, statusOf)).toBe(
			'\uFEFFDatum,Tijd,Oefening,Minuten,Status,Spanning vóór,Spanning na,Notitie\r\n'
		);
	});
});

describe('deleteAllData', () => {
	it('empties every table and leaves a database the app can keep using', async () => {
		await fill();
		await deleteAllData(db);
		for (const table of db.tables) expect(await table.count()).toBe(0);

		const store = new SessionStore(db);
		await store.start({ id: 'new', exerciseId: 'box', startedAt: at(14, 8), plannedMs: 60_000 });
		expect(await store.get('new')).toMatchObject({ id: 'new', status: 'running' });
		expect(db.verno).toBe(4);
	});
});
