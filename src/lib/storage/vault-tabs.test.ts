import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIN_ITERATIONS } from '../security/lock-crypto';
import { Vault } from './vault';
import {
	setUp,
	NOTE,
	REALITY,
	START,
	writeEverything,
	shownReality,
	otherTab,
	rawText,
	deleteOpened
} from './vault-test-data';

afterEach(deleteOpened);

describe('the app lock in several tabs', () => {
	it('seals text in a tab that did not see the lock being turned on in another', async () => {
		const s = setUp();
		await s.urges.addRealityItem('eerst gewoon');
		const otherTab = new Vault(s.db, MIN_ITERATIONS);
		await otherTab.turnOn('pin', '482913');
		await s.urges.addRealityItem(REALITY);
		expect(await rawText(s.db)).not.toContain(REALITY);
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
