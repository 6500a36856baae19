import { describe, expect, it } from 'vitest';
import { localDayKey } from '../../records/days';
import { BOUNDARY_SOLO_ID, BOUNDARY_TOGETHER_ID, type SessionRecord } from '../../records/sessions';
import { SessionStore } from '../session-store';
import { deleteAllData } from './delete-all';
import { exportAll, exportJson } from './export';
import { parseImport } from './import-check';
import { applyImport, summariseImport } from './import-write';
import {
	at,
	db,
	exportText,
	fill,
	importText,
	parsedFile,
	REALITY,
	session,
	SESSIONS,
	sessionsOf,
	snapshot,
	URGES,
	validData,
	useFreshDb
} from './test-data';

useFreshDb('export');

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
