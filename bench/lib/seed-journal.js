// @ts-check
/**
 * Fills the app's database in a real browser with a realistic history of sessions, the way
 * the app itself would have written them (database version 3). Used by the journal bench and
 * by end-to-end tests. The app must have opened its database once before (any page does).
 */

const EXERCISES = [
	'extended-exhale',
	'cyclic-sighing',
	'box',
	'coherent',
	'body-scan-3',
	'grounding-senses',
	'soothing-touch'
];

/**
 * `count` sessions, one every few hours going back from `nowMs`, newest first. Deterministic:
 * the same arguments give the same sessions.
 * @param {number} count
 * @param {number} nowMs
 */
export function makeSessions(count, nowMs) {
	let seed = 42;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
	const sessions = [];
	let startedAt = nowMs - 30 * 60_000;
	for (let i = 0; i < count; i++) {
		const activeMs = Math.round((1 + random() * 9) * 60_000);
		const rated = random() < 0.6;
		const before = Math.floor(random() * 9) + 1;
		const d = new Date(startedAt);
		const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
		sessions.push({
			id: `seed-${String(i).padStart(6, '0')}`,
			exerciseId: EXERCISES[i % EXERCISES.length],
			startedAt,
			day,
			endedAt: startedAt + activeMs,
			activeMs,
			plannedMs: activeMs,
			status: random() < 0.85 ? 'completed' : 'stopped',
			...(rated && {
				distressBefore: before,
				distressAfter: Math.max(0, before - Math.floor(random() * 4))
			}),
			...(random() < 0.1 && { note: `Notitie ${i}: rustiger na afloop.` })
		});
		startedAt -= Math.round((2 + random() * 10) * 3_600_000);
	}
	return sessions;
}

/**
 * Writes sessions into the app's database from inside the page (the page is then reloaded by
 * the caller to see them). Waits until the app has created its database.
 * @param {import('playwright-core').Page} page
 * @param {object[]} sessions
 */
export async function seedSessions(page, sessions) {
	await page.evaluate(async (rows) => {
		/** Opens the app's database as it is; never creates it (that would block the app's own upgrade). */
		const openExisting = () =>
			new Promise((resolve) => {
				const open = indexedDB.open('rustpunt');
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onerror = () => resolve(null);
				open.onsuccess = () => {
					const db = open.result;
					if (db.objectStoreNames.contains('sessions') && db.version >= 30) resolve(db);
					else {
						db.close();
						resolve(null);
					}
				};
			});
		let db = null;
		for (let tries = 0; !db && tries < 200; tries++) {
			db = /** @type {IDBDatabase | null} */ (await openExisting());
			if (!db) await new Promise((r) => setTimeout(r, 50));
		}
		if (!db) throw new Error('The app did not create its database');
		const ready = db;
		await new Promise((resolve, reject) => {
			const tx = ready.transaction('sessions', 'readwrite');
			const store = tx.objectStore('sessions');
			for (const row of rows) store.put(row);
			tx.oncomplete = () => resolve(undefined);
			tx.onerror = () => reject(tx.error);
		});
		ready.close();
	}, sessions);
}
