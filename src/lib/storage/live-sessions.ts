import type { SessionLocks } from '../platform/session-locks';
import type { RustpuntDb } from './db';

/** Session locks in a browser without them: nothing is held, nothing can be told. */
export const NO_SESSION_LOCKS: SessionLocks = {
	hold: () => Promise.resolve(() => undefined),
	held: () => Promise.resolve(undefined)
};

/**
 * Tells sessions that still run somewhere from those left `running` by a tab that is gone
 * (closed, reloaded, crashed), and marks only the dead ones as interrupted. One per tab, shared
 * by every store that writes or reads sessions.
 *
 * A session is claimed (its lock held) before it is first written as running, and let go only
 * after it is written as ended. So a session read as running whose lock nobody holds at the
 * moment after that read is dead: its tab would have claimed it before writing it.
 *
 * Without Web Locks it falls back to what the app did before: every running session is marked
 * once per app start, before this tab writes one of its own.
 */
export class LiveSessions {
	#db: RustpuntDb;
	#locks: SessionLocks;
	#releases = new Map<string, () => void>();
	#marking: Promise<number> | undefined;
	#markedOnce: Promise<number> | undefined;

	constructor(db: RustpuntDb, locks: SessionLocks = NO_SESSION_LOCKS) {
		this.#db = db;
		this.#locks = locks;
	}

	/** Claims a session for this tab: call before it is written as running. */
	async claim(sessionId: string): Promise<void> {
		if (this.#releases.has(sessionId)) return;
		try {
			this.#releases.set(sessionId, await this.#locks.hold(sessionId));
		} catch (error) {
			// The session still runs and is saved; another tab may take it for dead, as before.
			console.warn('Could not mark the session as running in this tab', error);
		}
	}

	/** Lets go of a session that ended: call after it is written as ended. */
	release(sessionId: string): void {
		this.#releases.get(sessionId)?.();
		this.#releases.delete(sessionId);
	}

	/** Marks sessions left running by a tab that is gone as interrupted; resolves to how many. */
	markDead(): Promise<number> {
		// Readers that ask at the same moment share one pass.
		this.#marking ??= this.#markDead().finally(() => (this.#marking = undefined));
		return this.#marking;
	}

	async #markDead(): Promise<number> {
		// Read before the locks are: see the class comment.
		const candidates = await this.#db.sessions.where('status').equals('running').primaryKeys();
		const held = await this.#locks.held();
		if (!held) return this.#markAllOnce();
		const dead = candidates.filter((id) => !held.has(id));
		if (dead.length === 0) return 0;
		// Only what is still running: a session may have ended while the locks were read.
		return this.#db.sessions
			.where('id')
			.anyOf(dead)
			.and((session) => session.status === 'running')
			.modify({ status: 'interrupted' });
	}

	/** Without Web Locks: every running session, once per app start. */
	#markAllOnce(): Promise<number> {
		if (this.#markedOnce) return this.#markedOnce.then(() => 0);
		this.#markedOnce = this.#db.sessions
			.where('status')
			.equals('running')
			.modify({ status: 'interrupted' })
			.catch((error: unknown) => {
				// Try again next time rather than refusing every session from now on.
				this.#markedOnce = undefined;
				throw error;
			});
		return this.#markedOnce;
	}
}
