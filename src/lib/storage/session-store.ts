import { localDayKey } from '../records/days';
import type { RustpuntDb } from './db';
import { LiveSessions } from './live-sessions';
import { mapTexts, PLAIN_TEXT, type PrivateTextCodec } from './private-text';
import {
	isDistressRating,
	isSessionRecord,
	type SessionDetails,
	type SessionRecord,
	type StoredSessionStatus
} from '../records/sessions';

/** What a player reports about a session as it goes. */
export interface SessionProgress {
	activeMs: number;
	/** The length chosen, which may change during the session. */
	plannedMs: number;
	status: StoredSessionStatus;
	endedAt: number;
	/** What a guided practice records as it goes (steps done, "too much?", notes). */
	details?: SessionDetails;
}

/** Reads and writes practice sessions; every write is small, so closing the app loses little. */
export class SessionStore {
	#db: RustpuntDb;
	#onCompleted: (() => Promise<void>) | undefined;
	#text: PrivateTextCodec;
	#live: LiveSessions;

	/**
	 * `onCompleted` runs after a session is stored as completed (asks to keep the data);
	 * `text` seals typed answers when the app lock is on; `live` tells the sessions other tabs
	 * still run from dead ones (one per tab, shared with the journal's reader).
	 */
	constructor(
		db: RustpuntDb,
		onCompleted?: () => Promise<void>,
		text = PLAIN_TEXT,
		live = new LiveSessions(db)
	) {
		this.#db = db;
		this.#onCompleted = onCompleted;
		this.#text = text;
		this.#live = live;
	}

	/**
	 * Marks sessions left running by a tab that is gone (closed, reloaded) as interrupted, and
	 * leaves alone those that still run, in this tab or another.
	 */
	recoverInterrupted(): Promise<number> {
		return this.#live.markDead();
	}

	/** Writes a session the moment it starts, claimed by this tab for as long as it runs. */
	async start(
		record: Omit<SessionRecord, 'status' | 'endedAt' | 'activeMs' | 'day'>
	): Promise<void> {
		await this.recoverInterrupted();
		const { distressBefore, ...rest } = record;
		await this.#live.claim(record.id);
		try {
			await this.#db.sessions.add({
				...rest,
				day: localDayKey(record.startedAt),
				...(isDistressRating(distressBefore) && { distressBefore }),
				status: 'running',
				endedAt: record.startedAt,
				activeMs: 0
			});
		} catch (error) {
			this.#live.release(record.id);
			throw error;
		}
	}

	/** Records how far a session has come (on pause, stop, completion, or the page hiding). */
	async update(id: string, progress: SessionProgress): Promise<void> {
		await this.#text.write(
			[this.#db.sessions],
			async (seal) => progress.details && mapTexts('sessions', progress.details, seal),
			(details) =>
				this.#db.sessions.update(id, {
					...details,
					activeMs: Math.max(0, Math.round(progress.activeMs)),
					plannedMs: progress.plannedMs,
					status: progress.status,
					endedAt: progress.endedAt
				})
		);
		// Let go only once it is written as ended: until then it still reads as running.
		if (progress.status !== 'running') this.#live.release(id);
		if (progress.status === 'completed') {
			this.#onCompleted?.().catch((error: unknown) =>
				console.warn('Could not ask to keep data', error)
			);
		}
	}

	/** Stores the rating given after the exercise; an invalid rating is refused. */
	async rateAfter(id: string, rating: number): Promise<void> {
		if (!isDistressRating(rating)) throw new RangeError('A rating is a whole number from 0 to 10');
		await this.#db.sessions.update(id, { distressAfter: rating });
	}

	/** One session, or undefined. */
	async get(id: string): Promise<SessionRecord | undefined> {
		const record = await this.#db.sessions.get(id);
		return record && mapTexts('sessions', record, this.#text.open);
	}

	/**
	 * The most recent sessions, newest first, reading only as many as asked for. A damaged
	 * record is left out rather than shown wrongly.
	 */
	async recent(limit: number): Promise<SessionRecord[]> {
		await this.#live
			.markDead()
			.catch((error: unknown) => console.warn('Could not check for interrupted sessions', error));
		const records = await this.#db.sessions.orderBy('startedAt').reverse().limit(limit).toArray();
		return Promise.all(
			records.filter(isSessionRecord).map((r) => mapTexts('sessions', r, this.#text.open))
		);
	}
}
