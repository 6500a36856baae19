/** The stores, words and helpers the app lock's tests share. Imported by tests only. */
import { MIN_ITERATIONS } from '../security/lock-crypto';
import { RustpuntDb } from './db';
import { JournalStore } from './journal-store';
import { SessionStore } from './session-store';
import { UrgeStore } from './urge-store';
import { Vault } from './vault';

const opened: RustpuntDb[] = [];
let n = 0;

/** Deletes every database the test opened; each test file calls it after each test. */
export async function deleteOpened(): Promise<void> {
	for (const db of opened.splice(0)) await db.delete();
}

/** A database and the app's stores on it, with a quick (test-only) iteration count. */
export function setUp() {
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

export const NOTE = 'Ik wilde hem bellen maar deed het niet';
export const NOTICED = 'de rode lamp bij het raam';
export const HOPE = 'dat hij sorry zegt';
export const REALITY = 'hij las mijn berichten en zweeg';
export const SECRETS = [NOTE, NOTICED, HOPE, REALITY, 'lamp', 'sorry', 'zweeg'];

/** When the sessions and urges of writeEverything start (epoch ms). */
export const START = new Date(2026, 2, 9, 21).getTime();

/** A session with words noticed and a note, an urge with a hope, and a reality item. */
export async function writeEverything(s: ReturnType<typeof setUp>, id = 's1'): Promise<void> {
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
export async function shownReality(s: ReturnType<typeof setUp>): Promise<string[]> {
	return (await s.urges.realityList()).map((entry) => entry.text);
}

/** The same database opened by another tab: its own vault (key in memory) and stores. */
export function otherTab(s: ReturnType<typeof setUp>) {
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
export async function rawText(db: RustpuntDb): Promise<string> {
	const tables = await Promise.all(db.tables.map((t) => t.toArray()));
	return JSON.stringify(tables);
}
