import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionLocks } from '../platform/session-locks';
import { localDayKey } from '../records/days';
import { RustpuntDb } from './db';
import { JournalStore } from './journal-store';
import { LiveSessions } from './live-sessions';
import { SessionStore } from './session-store';
import type { SessionRecord } from '../records/sessions';

/** Web Locks as two tabs of one browser share them: a lock is held until let go. */
class FakeLocks implements SessionLocks {
	readonly names = new Set<string>();
	/** Runs while the locks are being read (another tab acting at that moment). */
	duringQuery: (() => Promise<void>) | undefined;

	async hold(id: string): Promise<() => void> {
		this.names.add(id);
		return () => this.names.delete(id);
	}

	async held(): Promise<ReadonlySet<string>> {
		const now = new Set(this.names);
		await this.duringQuery?.();
		return now;
	}
}

/** A browser without Web Locks. */
const NO_LOCKS: SessionLocks = {
	hold: async () => () => undefined,
	held: async () => undefined
};

let db: RustpuntDb;
let name = 0;

beforeEach(() => {
	db = new RustpuntDb(`live-${++name}`);
});

afterEach(async () => {
	await db.delete();
});

const base = { exerciseId: 'body-scan-10', plannedMs: 600_000 };

function running(id: string, startedAt = 1000): SessionRecord {
	return {
		id,
		startedAt,
		day: localDayKey(startedAt),
		endedAt: startedAt + 6000,
		activeMs: 6000,
		status: 'running',
		...base
	};
}

const statusOf = async (id: string) => (await db.sessions.get(id))?.status;

describe('live sessions', () => {
	it('leaves a session its tab still runs alone, and marks one whose tab is gone', async () => {
		const locks = new FakeLocks();
		const tabA = new SessionStore(db, undefined, undefined, new LiveSessions(db, locks));
		await tabA.start({ id: 'live', startedAt: 1000, ...base });
		await db.sessions.put(running('dead', 500));

		// Another tab opens home.
		const tabB = new SessionStore(db, undefined, undefined, new LiveSessions(db, locks));
		expect(await tabB.recoverInterrupted()).toBe(1);
		expect(await statusOf('live')).toBe('running');
		expect(await statusOf('dead')).toBe('interrupted');
	});

	it('marks a session once the tab that ran it is gone, on a later read in the same tab', async () => {
		const locks = new FakeLocks();
		const tabA = new SessionStore(db, undefined, undefined, new LiveSessions(db, locks));
		await tabA.start({ id: 'scan', startedAt: 1000, ...base });
		const live = new LiveSessions(db, locks);
		expect(await live.markDead()).toBe(0);
		// Tab A closes: the browser lets go of its lock.
		locks.names.clear();
		expect(await live.markDead()).toBe(1);
		expect(await statusOf('scan')).toBe('interrupted');
	});

	it('lets go of a session once it is written as ended, and never marks it afterwards', async () => {
		const locks = new FakeLocks();
		const store = new SessionStore(db, undefined, undefined, new LiveSessions(db, locks));
		await store.start({ id: 'a', startedAt: 1000, ...base });
		expect(locks.names).toEqual(new Set(['a']));
		await store.update('a', {
			activeMs: 5000,
			plannedMs: 600_000,
			status: 'running',
			endedAt: 6000
		});
		expect(locks.names).toEqual(new Set(['a']));
		await store.update('a', {
			activeMs: 9000,
			plannedMs: 600_000,
			status: 'stopped',
			endedAt: 10_000
		});
		expect(locks.names).toEqual(new Set());
		expect(await new LiveSessions(db, locks).markDead()).toBe(0);
		expect(await statusOf('a')).toBe('stopped');
	});

	it('holds the lock before the session is written, so no other tab can take it for dead', async () => {
		const locks = new FakeLocks();
		const seen: string[] = [];
		const watching: SessionLocks = {
			hold: async (id) => {
				seen.push(`hold ${id}: ${String(await statusOf(id))}`);
				return locks.hold(id);
			},
			held: () => locks.held()
		};
		const store = new SessionStore(db, undefined, undefined, new LiveSessions(db, watching));
		await store.start({ id: 'a', startedAt: 1000, ...base });
		expect(seen).toEqual(['hold a: undefined']);
	});

	it('leaves a session that ends while the locks are being read', async () => {
		const locks = new FakeLocks();
		await db.sessions.put(running('ending'));
		locks.duringQuery = async () => {
			await db.sessions.update('ending', { status: 'completed' });
		};
		expect(await new LiveSessions(db, locks).markDead()).toBe(0);
		expect(await statusOf('ending')).toBe('completed');
	});

	it('leaves a session started while the locks are being read', async () => {
		const locks = new FakeLocks();
		const tabA = new SessionStore(db, undefined, undefined, new LiveSessions(db, locks));
		locks.duringQuery = async () => {
			locks.duringQuery = undefined;
			await tabA.start({ id: 'new', startedAt: 2000, ...base });
		};
		await new LiveSessions(db, locks).markDead();
		expect(await statusOf('new')).toBe('running');
	});

	it('marks dead sessions wherever the journal is read, not only on the home screen', async () => {
		const locks = new FakeLocks();
		await db.sessions.put(running('after-reload'));
		const journal = new JournalStore(db, undefined, new LiveSessions(db, locks));
		const { sessions } = await journal.page(10);
		expect(sessions.map((s) => s.status)).toEqual(['interrupted']);
		await db.sessions.put(running('later', 3000));
		expect((await journal.get('later'))?.status).toBe('interrupted');
	});

	it('without Web Locks marks every running session once per app start, as before', async () => {
		await db.sessions.put(running('old'));
		const live = new LiveSessions(db, NO_LOCKS);
		const store = new SessionStore(db, undefined, undefined, live);
		expect(await live.markDead()).toBe(1);
		await store.start({ id: 'mine', startedAt: 5000, ...base });
		// Later reads in this tab leave its own session alone.
		expect(await live.markDead()).toBe(0);
		expect(await statusOf('mine')).toBe('running');
	});

	it('tries again after a failure, without Web Locks too', async () => {
		const live = new LiveSessions(db, NO_LOCKS);
		db.close();
		await expect(live.markDead()).rejects.toThrow();
		await db.open();
		await db.sessions.put(running('old'));
		await expect(live.markDead()).resolves.toBe(1);
	});
});
