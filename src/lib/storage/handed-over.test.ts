// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RustpuntDb } from './db';
import { SessionStore } from './session-store';
import { STORAGE_KEYS } from '../platform/storage-keys';
import { forgetHandedOver, handOverSessions } from './handed-over';
import { takeHandedOver } from './take-handed-over';

let db: RustpuntDb;
let name = 0;

beforeEach(() => {
	localStorage.clear();
	db = new RustpuntDb(`handed-over-${++name}`);
});

afterEach(async () => {
	await db.delete();
});

const start = {
	id: 'a',
	startedAt: 1000,
	exerciseId: 'extended-exhale',
	plannedMs: 180_000,
	holds: false
};
const stopped = { activeMs: 2100, plannedMs: 180_000, status: 'stopped', endedAt: 3200 } as const;

describe('sessions handed over by a page that left before its database opened', () => {
	it('are written at once, so a page that goes right after still keeps them', () => {
		void handOverSessions.start(start);
		void handOverSessions.update('a', stopped);
		// Synchronously for the start; the update lands in the same call too.
		expect(JSON.parse(localStorage.getItem(STORAGE_KEYS.handedOverSessions)!)).toEqual([
			{ start, progress: stopped }
		]);
	});

	it('are moved into the database when it next opens, and then forgotten', async () => {
		await handOverSessions.start(start);
		await handOverSessions.update('a', stopped);
		const store = new SessionStore(db);
		await takeHandedOver(store);
		expect(await store.get('a')).toMatchObject({ id: 'a', status: 'stopped', activeMs: 2100 });
		expect(localStorage.getItem(STORAGE_KEYS.handedOverSessions)).toBeNull();
	});

	it('leave a session the database already has as it is', async () => {
		const store = new SessionStore(db);
		await store.start(start);
		await store.update('a', { ...stopped, activeMs: 9000 });
		await handOverSessions.start(start);
		await handOverSessions.update('a', stopped);
		await takeHandedOver(store);
		expect(await store.get('a')).toMatchObject({ activeMs: 9000 });
		expect(localStorage.getItem(STORAGE_KEYS.handedOverSessions)).toBeNull();
	});

	it('keep one that cannot be written yet for the next time', async () => {
		await handOverSessions.start(start);
		const full = {
			get: () => Promise.resolve(undefined),
			start: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
			update: () => Promise.resolve()
		};
		await takeHandedOver(full);
		expect(localStorage.getItem(STORAGE_KEYS.handedOverSessions)).not.toBeNull();
	});

	it('ignore damaged text, and are forgotten when everything is deleted', async () => {
		localStorage.setItem(STORAGE_KEYS.handedOverSessions, '{not json');
		await takeHandedOver(new SessionStore(db));
		expect(await new SessionStore(db).recent(5)).toEqual([]);
		await handOverSessions.start(start);
		forgetHandedOver();
		expect(localStorage.getItem(STORAGE_KEYS.handedOverSessions)).toBeNull();
	});
});
