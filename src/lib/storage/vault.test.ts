import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDayKey } from '../journal/days';
import { MIN_ITERATIONS, SEALED_PREFIX } from '../security/lock-crypto';
import { LockedError } from '../security/locked-error';
import { RustpuntDb } from './db';
import { JournalStore } from './journal-store';
import { sessionsCsv } from './portable/csv';
import { deleteAllData } from './portable/delete-all';
import { exportAll } from './portable/export';
import { applyImport } from './portable/import-write';
import type { ExportFile } from './portable/schema';
import { SessionStore } from './session-store';
import type { SessionRecord } from '../records/sessions';
import { UrgeStore } from './urge-store';
import { ATTEMPTS_KEY, LOCK_KEY, Vault } from './vault';

const opened: RustpuntDb[] = [];
let n = 0;

afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

/** A database and the app's stores on it, with a quick (test-only) iteration count. */
function setUp() {
	const db = new RustpuntDb(`vault-${++n}`);
	opened.push(db);
	const vault = new Vault(db, MIN_ITERATIONS);
	return {
		db,
		vault,
		sessions: new SessionStore(db, undefined, vault),
		journal: new JournalStore(db, vault),
		urges: new UrgeStore(db, vault)
	};
}

const NOTE = 'Ik wilde hem bellen maar deed het niet';
const NOTICED = 'de rode lamp bij het raam';
const HOPE = 'dat hij sorry zegt';
const REALITY = 'hij las mijn berichten en zweeg';
const SECRETS = [NOTE, NOTICED, HOPE, REALITY, 'lamp', 'sorry', 'zweeg'];

const START = new Date(2026, 2, 9, 21).getTime();

async function writeEverything(s: ReturnType<typeof setUp>, id = 's1'): Promise<void> {
	await s.sessions.start({
		id,
		exerciseId: 'grounding-senses',
		startedAt: START,
		plannedMs: 60_000
	});
	await s.sessions.update(id, {
		activeMs: 60_000,
		plannedMs: 60_000,
		status: 'completed',
		endedAt: START + 60_000,
		details: { noticed: [{ step: 'see', count: 5, text: NOTICED }] }
	});
	await s.journal.setNote(id, NOTE);
	await s.urges.start(`u-${id}`, START);
	await s.urges.update(`u-${id}`, { intensity: 7, hope: HOPE, contact: 'no' });
	await s.urges.addRealityItem(REALITY);
}

/** The reality list's words as shown. */
async function shownReality(s: ReturnType<typeof setUp>): Promise<string[]> {
	return (await s.urges.realityList()).map((entry) => entry.text);
}

/** The same database opened by another tab: its own vault (key in memory) and stores. */
function otherTab(s: ReturnType<typeof setUp>) {
	const vault = new Vault(s.db, MIN_ITERATIONS);
	return {
		...s,
		vault,
		sessions: new SessionStore(s.db, undefined, vault),
		journal: new JournalStore(s.db, vault),
		urges: new UrgeStore(s.db, vault)
	};
}

/** Every stored record, raw, as anyone reading the browser's files would see it. */
async function rawText(db: RustpuntDb): Promise<string> {
	const tables = await Promise.all(db.tables.map((t) => t.toArray()));
	return JSON.stringify(tables);
}

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

	it('seals text in a tab that did not see the lock being turned on in another', async () => {
		const s = setUp();
		await s.urges.addRealityItem('eerst gewoon');
		const otherTab = new Vault(s.db, MIN_ITERATIONS);
		await otherTab.turnOn('pin', '482913');
		await s.urges.addRealityItem(REALITY);
		expect(await rawText(s.db)).not.toContain(REALITY);
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

	it('counts tries made at once in several tabs, so opening more tabs does not skip the wait', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		const now = Date.now();
		const tabs = Array.from({ length: 6 }, () => otherTab(s).vault);
		const results = await Promise.all(tabs.map((tab, i) => tab.unlock(`00000${i}`, now)));
		// Three free tries, then a wait: the other three tabs are refused without a try.
		expect(results.filter((r) => !r.ok && r.waitMs === 0)).toHaveLength(2);
		expect(results.filter((r) => !r.ok && r.waitMs > 0)).toHaveLength(4);
		expect((await s.vault.attempts()).failures).toBe(3);
	});

	it('seals every text another tab writes while the lock is being turned on, and keeps its other changes', async () => {
		const s = setUp();
		const tab = otherTab(s);
		await tab.sessions.start({ id: 't1', exerciseId: 'box', startedAt: START, plannedMs: 1 });
		await tab.journal.setNote('t1', 'eerst');
		// While the first text is being sealed, the other tab writes new words and a rating.
		const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
		let meanwhile: Promise<void> | undefined;
		const spy = vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args) => {
			meanwhile ??= (async () => {
				await tab.journal.setNote('t1', NOTE);
				await tab.sessions.rateAfter('t1', 3);
				await tab.urges.addRealityItem(REALITY);
			})();
			await meanwhile;
			return encrypt(...args);
		});
		try {
			await s.vault.turnOn('pin', '482913');
		} finally {
			spy.mockRestore();
		}
		expect(meanwhile).toBeDefined();
		const raw = await rawText(s.db);
		for (const secret of [NOTE, REALITY, 'eerst']) expect(raw).not.toContain(secret);
		// Nothing was lost: the note, the rating and the list entry are there, and open.
		const session = await s.journal.get('t1');
		expect(session?.note).toBe(NOTE);
		expect(session?.distressAfter).toBe(3);
		expect(await shownReality(s)).toEqual([REALITY]);
	});

	it('seals text again when another tab turned the lock on between sealing and writing', async () => {
		const s = setUp();
		const tab = otherTab(s);
		await tab.vault.write(
			[s.db.lists],
			async (seal) => {
				const item = await seal(REALITY);
				// The lock goes on after this text was prepared in the clear, before it is written.
				if (!(await s.vault.isOn())) await s.vault.turnOn('pin', '482913');
				return item;
			},
			(item) => s.db.lists.put({ id: 'reality', items: [item] })
		);
		expect(await rawText(s.db)).not.toContain(REALITY);
		expect(await shownReality(s)).toEqual([REALITY]);
	});

	it('stores text as written when another tab turned the lock off between sealing and writing', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		const tab = otherTab(s);
		await tab.vault.write(
			[s.db.lists],
			async (seal) => {
				const item = await seal(REALITY);
				if (await s.vault.isOn()) await s.vault.turnOff('482913', Date.now());
				return item;
			},
			(item) => s.db.lists.put({ id: 'reality', items: [item] })
		);
		// Sealed for a lock that is gone, it could never be read again.
		expect((await s.db.lists.get('reality'))?.items).toEqual([REALITY]);
	});

	it('opens every text another tab sealed while the lock is being turned off', async () => {
		const s = setUp();
		await s.urges.addRealityItem('eerst');
		await s.vault.turnOn('pin', '482913');
		const tab = otherTab(s);
		const decrypt = crypto.subtle.decrypt.bind(crypto.subtle);
		let meanwhile: Promise<unknown> | undefined;
		const spy = vi.spyOn(crypto.subtle, 'decrypt').mockImplementation(async (...args) => {
			meanwhile ??= tab.urges.addRealityItem(REALITY);
			await meanwhile;
			return decrypt(...args);
		});
		try {
			expect(await s.vault.turnOff('482913', Date.now())).toEqual({ ok: true });
		} finally {
			spy.mockRestore();
		}
		expect(meanwhile).toBeDefined();
		expect((await s.db.lists.get('reality'))?.items).toEqual(['eerst', REALITY]);
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

	it('puts a deleted session back sealed for the lock as it is then, also after another tab turned it off', async () => {
		const s = setUp();
		await writeEverything(s);
		await s.vault.turnOn('pin', '482913');
		const removed = (await s.journal.remove('s1'))!;
		expect(removed.note).toBe(NOTE);
		await otherTab(s).vault.turnOff('482913', Date.now());
		await s.journal.restore(removed);
		expect((await s.db.sessions.get('s1'))?.note).toBe(NOTE);
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

	it('refuses a new PIN for a lock another tab turned off meanwhile, and brings no lock back', async () => {
		const s = setUp();
		await writeEverything(s);
		await s.vault.turnOn('pin', '482913');
		const unwrap = crypto.subtle.unwrapKey.bind(crypto.subtle);
		const spy = vi.spyOn(crypto.subtle, 'unwrapKey').mockImplementationOnce(async (...args) => {
			// The PIN is checked in this tab; then the other tab turns the lock off.
			spy.mockRestore();
			const key = await unwrap(...args);
			await otherTab(s).vault.turnOff('482913', Date.now());
			return key;
		});
		try {
			await expect(s.vault.change('482913', 'pin', '135790', Date.now())).rejects.toThrow(
				'The lock was changed'
			);
		} finally {
			spy.mockRestore();
		}
		expect(await s.vault.isOn()).toBe(false);
		expect(await rawText(s.db)).toContain(NOTE);
	});
});
