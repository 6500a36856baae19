import { localDayKey } from '../records/days';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RustpuntDb } from './db';
import { SessionStore } from './session-store';

let db: RustpuntDb;
let name = 0;
const others: RustpuntDb[] = [];

/** The same database opened again, as on the next start of the app. */
function reopen(): RustpuntDb {
	const again = new RustpuntDb(db.name);
	others.push(again);
	return again;
}

beforeEach(() => {
	db = new RustpuntDb(`test-${++name}`);
});

afterEach(async () => {
	for (const other of others.splice(0)) other.close();
	await db.delete();
});

const base = { exerciseId: 'extended-exhale', plannedMs: 180_000, holds: false };

describe('SessionStore', () => {
	it('writes a session the moment it starts', async () => {
		const store = new SessionStore(db);
		await store.start({ id: 'a', startedAt: 1000, ...base, distressBefore: 7 });
		expect(await store.get('a')).toEqual({
			id: 'a',
			startedAt: 1000,
			day: localDayKey(1000),
			endedAt: 1000,
			activeMs: 0,
			status: 'running',
			distressBefore: 7,
			...base
		});
	});

	it('updates it as it goes and when it ends', async () => {
		const store = new SessionStore(db);
		await store.start({ id: 'a', startedAt: 1000, ...base });
		await store.update('a', {
			activeMs: 5000.4,
			plannedMs: 180_000,
			status: 'running',
			endedAt: 6000
		});
		await store.update('a', {
			activeMs: 42_000,
			plannedMs: 300_000,
			status: 'stopped',
			endedAt: 50_000
		});
		await store.rateAfter('a', 3);
		expect(await store.get('a')).toMatchObject({
			activeMs: 42_000,
			status: 'stopped',
			endedAt: 50_000,
			distressAfter: 3
		});
	});

	it('refuses a rating outside 0 to 10 and keeps the session as it was', async () => {
		const store = new SessionStore(db);
		await store.start({ id: 'a', startedAt: 1000, ...base });
		await expect(store.rateAfter('a', 11)).rejects.toThrow(RangeError);
		await expect(store.rateAfter('a', 2.5)).rejects.toThrow(RangeError);
		expect((await store.get('a'))?.distressAfter).toBeUndefined();
	});

	it('does not store a distress rating that is not one', async () => {
		const store = new SessionStore(db);
		await store.start({ id: 'a', startedAt: 1000, ...base, distressBefore: -1 });
		expect((await store.get('a'))?.distressBefore).toBeUndefined();
	});

	it('marks a session left running as interrupted on the next start, and loses nothing', async () => {
		const first = new SessionStore(db);
		await first.start({ id: 'left', startedAt: 1000, ...base });
		await first.update('left', {
			activeMs: 65_000,
			plannedMs: 180_000,
			status: 'running',
			endedAt: 66_000
		});
		await first.start({ id: 'done', startedAt: 2000, ...base });
		await first.update('done', {
			activeMs: 180_000,
			plannedMs: 180_000,
			status: 'completed',
			endedAt: 200_000
		});

		// The app is opened again: a new store on the same database.
		const reopened = new SessionStore(reopen());
		expect(await reopened.recoverInterrupted()).toBe(1);
		expect(await reopened.get('left')).toMatchObject({ status: 'interrupted', activeMs: 65_000 });
		expect(await reopened.get('done')).toMatchObject({ status: 'completed' });
	});

	it('recovers before writing a new session, so the new one stays running', async () => {
		const first = new SessionStore(db);
		await first.start({ id: 'old', startedAt: 1000, ...base });
		const reopened = new SessionStore(reopen());
		await reopened.start({ id: 'new', startedAt: 5000, ...base });
		expect((await reopened.get('old'))?.status).toBe('interrupted');
		expect((await reopened.get('new'))?.status).toBe('running');
	});

	it('lists the most recent sessions first, reading only as many as asked', async () => {
		const store = new SessionStore(db);
		for (let i = 0; i < 8; i++) await store.start({ id: `s${i}`, startedAt: 1000 * i, ...base });
		expect((await store.recent(3)).map((s) => s.id)).toEqual(['s7', 's6', 's5']);
	});
});

describe('reading stored sessions', () => {
	it('leaves out a damaged record instead of showing it wrongly', async () => {
		const store = new SessionStore(db);
		await store.start({ id: 'good', startedAt: 2000, ...base });
		await db.sessions.put({ id: 'bad', startedAt: 3000, exerciseId: 7, status: 'weird' } as never);
		expect((await store.recent(5)).map((s) => s.id)).toEqual(['good']);
	});

	it('tries recovery again after a failure instead of refusing every new session', async () => {
		const store = new SessionStore(db);
		db.close();
		await expect(store.recoverInterrupted()).rejects.toThrow();
		await db.open();
		await expect(store.recoverInterrupted()).resolves.toBe(0);
	});
});

describe('asking to keep the data', () => {
	it('asks once a session is stored as completed, and not for a stopped one', async () => {
		let asked = 0;
		const store = new SessionStore(db, () => Promise.resolve(void asked++));
		await store.start({ id: 'a', startedAt: 1000, ...base });
		await store.update('a', {
			activeMs: 5000,
			plannedMs: 60_000,
			status: 'stopped',
			endedAt: 6000
		});
		expect(asked).toBe(0);
		await store.update('a', {
			activeMs: 60_000,
			plannedMs: 60_000,
			status: 'completed',
			endedAt: 61_000
		});
		expect(asked).toBe(1);
	});
});
