import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDayKey } from '../records/days';
import type { SessionRecord } from '../records/sessions';
import { MIN_ITERATIONS, SEALED_PREFIX } from '../security/lock-crypto';
import { LockedError } from '../security/locked-error';
import { sessionsCsv } from './portable/csv';
import { deleteAllData } from './portable/delete-all';
import { exportAll } from './portable/export';
import { applyImport } from './portable/import-write';
import type { ExportFile } from './portable/schema';
import { ATTEMPTS_KEY, LOCK_KEY, Vault } from './vault';
import {
	setUp,
	NOTE,
	NOTICED,
	HOPE,
	REALITY,
	SECRETS,
	START,
	writeEverything,
	shownReality,
	rawText,
	deleteOpened
} from './vault-test-data';

afterEach(deleteOpened);

describe('the app lock', () => {
	it('seals the text already stored when it is turned on, so the raw records hold none of it', async () => {
		const s = setUp();
		await writeEverything(s);
		expect(await rawText(s.db)).toContain(NOTE);
		await s.vault.turnOn('pin', '482913');
		const raw = await rawText(s.db);
		for (const secret of SECRETS) expect(raw).not.toContain(secret);
		// What is not private stays readable: the journal still counts and charts.
		expect(raw).toContain('grounding-senses');
		expect(raw).not.toContain('482913');
	});

	it('seals text written while locked, without the PIN, and shows it after unlocking', async () => {
		const s = setUp();
		await s.vault.turnOn('passphrase', 'een lange zin');
		s.vault.lock();
		await writeEverything(s);
		const raw = await rawText(s.db);
		for (const secret of SECRETS) expect(raw).not.toContain(secret);
		// Locked: the journal shows no text.
		expect((await s.journal.get('s1'))?.note).toBeUndefined();
		expect(await shownReality(s)).toEqual([]);

		expect(await s.vault.unlock('een lange zin', Date.now())).toEqual({ ok: true });
		const session = await s.journal.get('s1');
		expect(session?.note).toBe(NOTE);
		expect(session?.noticed?.[0]?.text).toBe(NOTICED);
		expect((await s.urges.get('u-s1'))?.hope).toBe(HOPE);
		expect(await shownReality(s)).toEqual([REALITY]);
		expect((await s.journal.page(10)).sessions[0]?.note).toBe(NOTE);
	});

	it('refuses a wrong PIN, and slows further tries down across restarts', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		s.vault.lock();
		const now = Date.now();
		expect(await s.vault.unlock('111111', now)).toMatchObject({ ok: false, waitMs: 0 });
		expect(await s.vault.unlock('222222', now)).toMatchObject({ ok: false, waitMs: 0 });
		expect(await s.vault.unlock('333333', now)).toMatchObject({ ok: false, waitMs: 30_000 });
		// A fresh start (a reload) keeps the wait; even the right PIN waits.
		const again = new Vault(s.db, MIN_ITERATIONS);
		expect(await again.unlock('482913', now + 10_000)).toMatchObject({ ok: false, waitMs: 20_000 });
		expect(again.unlocked).toBe(false);
		expect(await again.unlock('482913', now + 30_000)).toEqual({ ok: true });
		expect(await s.db.settings.get(ATTEMPTS_KEY)).toBeUndefined();
		// Nothing was wiped.
		await writeEverything({ ...s, vault: again });
		expect(await s.db.sessions.count()).toBe(1);
	});

	it('opens everything again when turned off with the PIN', async () => {
		const s = setUp();
		await writeEverything(s);
		await s.vault.turnOn('pin', '482913');
		s.vault.lock();
		expect(await s.vault.turnOff('000000', Date.now())).toMatchObject({ ok: false });
		expect(await s.vault.isOn()).toBe(true);
		expect(await s.vault.turnOff('482913', Date.now())).toEqual({ ok: true });
		expect(await s.db.settings.get(LOCK_KEY)).toBeUndefined();
		const raw = await rawText(s.db);
		for (const secret of [NOTE, NOTICED, HOPE, REALITY]) expect(raw).toContain(secret);
	});

	it('changes the PIN: the old one no longer opens, the new one opens the same text', async () => {
		const s = setUp();
		await writeEverything(s);
		await s.vault.turnOn('pin', '482913');
		expect(await s.vault.change('482913', 'passphrase', 'nieuwe lange zin', Date.now())).toEqual({
			ok: true
		});
		s.vault.lock();
		expect(await s.vault.unlock('482913', Date.now())).toMatchObject({ ok: false });
		expect(await s.vault.unlock('nieuwe lange zin', Date.now())).toEqual({ ok: true });
		expect((await s.journal.get('s1'))?.note).toBe(NOTE);
	});

	it('counts a wrong old PIN when changing it, and derives two keys (old and new) for a change', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		expect(await s.vault.change('000000', 'pin', '135790', Date.now())).toMatchObject({
			ok: false,
			failures: 1
		});
		const derive = vi.spyOn(crypto.subtle, 'deriveKey');
		try {
			expect(await s.vault.change('482913', 'pin', '135790', Date.now())).toEqual({ ok: true });
			expect(
				derive.mock.calls.filter(([params]) => (params as Algorithm).name === 'PBKDF2')
			).toHaveLength(2);
		} finally {
			derive.mockRestore();
		}
		expect((await s.vault.attempts()).failures).toBe(0);
	});

	it('refuses to export while locked, and exports the words themselves when unlocked', async () => {
		const s = setUp();
		await writeEverything(s);
		await s.vault.turnOn('pin', '482913');
		s.vault.lock();
		await expect(exportAll(s.db, {}, Date.now(), s.vault)).rejects.toBeInstanceOf(LockedError);
		const labels = {
			date: 'd',
			time: 't',
			exercise: 'e',
			minutes: 'm',
			status: 's',
			distressBefore: 'b',
			distressAfter: 'a',
			note: 'n'
		};
		await expect(sessionsCsv(s.db, String, labels, String, s.vault)).rejects.toBeInstanceOf(
			LockedError
		);
		await s.vault.unlock('482913', Date.now());
		const { file, leftOut } = await exportAll(s.db, {}, Date.now(), s.vault);
		expect(leftOut).toBe(0);
		expect(file.sessions[0]?.note).toBe(NOTE);
		expect(file.urges[0]?.hope).toBe(HOPE);
		expect(file.lists[0]?.items).toEqual([REALITY]);
		// The lock and the wrong tries never travel.
		expect(JSON.stringify(file)).not.toMatch(/wrappedKey|lockAttempts|"lock"/);
	});

	it('seals what an import brings in while the lock is on, and joins lists by their words', async () => {
		const source = setUp();
		await writeEverything(source);
		const { file } = await exportAll(source.db, {}, Date.now());
		const s = setUp();
		await s.urges.addRealityItem(REALITY);
		await s.vault.turnOn('pin', '482913');
		await applyImport(s.db, file as ExportFile, s.vault);
		const raw = await rawText(s.db);
		for (const secret of SECRETS) expect(raw).not.toContain(secret);
		// The same entry is not added twice, although its sealed copies differ.
		expect(await shownReality(s)).toEqual([REALITY]);
		expect((await s.journal.get('s1'))?.note).toBe(NOTE);
	});

	it('keeps a removed session sealed when it is put back (undo)', async () => {
		const s = setUp();
		await writeEverything(s);
		await s.vault.turnOn('pin', '482913');
		const removed = (await s.journal.remove('s1')) as SessionRecord;
		await s.journal.restore({ ...removed, note: 'nieuw woord' });
		expect(await rawText(s.db)).not.toContain('nieuw woord');
		expect(localDayKey((await s.journal.get('s1'))!.startedAt)).toBe('2026-03-09');
	});

	it('is gone after everything is deleted, and text is stored as written again', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		await deleteAllData(s.db);
		expect(await s.vault.isOn()).toBe(false);
		expect(s.vault.unlocked).toBe(false);
		await s.urges.addRealityItem(REALITY);
		expect(await rawText(s.db)).toContain(REALITY);
	});

	it('seals the words in a damaged session record too, and keeps the record', async () => {
		const s = setUp();
		await s.db.sessions.put({ id: 'damaged', note: NOTE } as unknown as SessionRecord);
		await s.vault.turnOn('pin', '482913');
		expect(await rawText(s.db)).not.toContain(NOTE);
		const note = (await s.db.sessions.get('damaged'))?.note;
		expect(await s.vault.open(note!)).toBe(NOTE);
	});

	it('seals the same words twice as two unalike texts, and leaves empty text as it was', async () => {
		const s = setUp();
		await s.urges.addRealityItem(REALITY);
		await s.urges.addRealityItem(REALITY);
		await s.urges.start('u1', START);
		await s.urges.update('u1', { hope: HOPE, bodyPlace: HOPE });
		await s.db.urges.update('u1', { giveInstead: '' });
		await s.vault.turnOn('pin', '482913');
		const [first, second] = (await s.db.lists.get('reality'))!.items;
		expect(first).not.toBe(second);
		const urge = (await s.db.urges.get('u1'))!;
		expect(urge.hope).not.toBe(urge.bodyPlace);
		expect(urge.giveInstead).toBe('');
		// Written after the lock went on: unalike too.
		await s.urges.update('u1', { hope: NOTE, bodyPlace: NOTE });
		const after = (await s.db.urges.get('u1'))!;
		expect(after.hope).not.toBe(after.bodyPlace);
	});

	it('never takes typed or imported words for sealed text', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		const lookalike = `${SEALED_PREFIX}${REALITY}`;
		await s.urges.addRealityItem(lookalike);
		expect(await rawText(s.db)).not.toContain(REALITY);
		expect(await shownReality(s)).toEqual([`rp1:${REALITY}`]);
	});

	it('keeps words it cannot open when a deleted session is put back', async () => {
		const s = setUp();
		await writeEverything(s);
		await s.vault.turnOn('pin', '482913');
		s.vault.lock();
		const sealed = (await s.db.sessions.get('s1'))!.note;
		await s.journal.restore((await s.journal.remove('s1'))!);
		expect((await s.db.sessions.get('s1'))!.note).toBe(sealed);
	});
});
