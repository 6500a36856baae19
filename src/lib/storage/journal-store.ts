import { addLocalDays, dayKeyStart, isDayKey, localDayKey } from '../records/days';
import { isSealed } from '../security/lock-crypto';
import type { RustpuntDb } from './db';
import type { LiveSessions } from './live-sessions';
import { mapTexts, PLAIN_TEXT, type PrivateTextCodec } from './private-text';
import {
	BOUNDARY_SOLO_ID,
	BOUNDARY_TOGETHER_ID,
	isSessionRecord,
	type SessionRecord
} from '../records/sessions';
import {
	DEFAULT_JOURNAL_SETTINGS,
	NO_CONTACT_KEY,
	type JournalSettings
} from '../records/settings';
import { MAX_TEXT_LENGTH } from '../records/urges';

/** Where a page of the journal ended: the next page starts after this session. */
export interface JournalCursor {
	startedAt: number;
	/** Sessions already shown that started at that very millisecond. */
	idsAtStart: string[];
}

/** A page of sessions, newest first, and where the next page starts (none at the end). */
export interface JournalPage {
	sessions: SessionRecord[];
	next?: JournalCursor;
}

/**
 * Reads the journal a page at a time. Nothing here reads the whole sessions table: pages
 * and ranges use the startedAt and day indexes, averages only the rated sessions.
 */
export class JournalStore {
	#db: RustpuntDb;
	#text: PrivateTextCodec;
	#live: LiveSessions | undefined;

	/**
	 * `text` seals notes when the app lock is on and opens them for the page that shows them;
	 * `live`, when given, marks sessions left running by a tab that is gone before each read,
	 * so the journal never shows a dead session as in progress.
	 */
	constructor(db: RustpuntDb, text = PLAIN_TEXT, live?: LiveSessions) {
		this.#db = db;
		this.#text = text;
		this.#live = live;
	}

	/** Marks dead sessions before a read; a failure leaves them as they are for now. */
	async #markDead(): Promise<void> {
		await this.#live
			?.markDead()
			.catch((error: unknown) => console.warn('Could not check for interrupted sessions', error));
	}

	/** Sessions with their private text readable (when unlocked) for showing. */
	#opened(sessions: SessionRecord[]): Promise<SessionRecord[]> {
		return Promise.all(sessions.map((s) => mapTexts('sessions', s, this.#text.open)));
	}

	/** Up to `limit` sessions, newest first, after `cursor` (from the newest when absent). */
	async page(limit: number, cursor?: JournalCursor): Promise<JournalPage> {
		await this.#markDead();
		const seen = new Set(cursor?.idsAtStart);
		const collection = cursor
			? this.#db.sessions
					.where('startedAt')
					.belowOrEqual(cursor.startedAt)
					.reverse()
					.filter((s) => !(s.startedAt === cursor.startedAt && seen.has(s.id)))
			: this.#db.sessions.orderBy('startedAt').reverse();
		// One more than asked for tells whether there is a next page.
		const rows = await collection.limit(limit + 1).toArray();
		const sessions = await this.#opened(rows.slice(0, limit).filter(isSessionRecord));
		const last = rows.slice(0, limit).at(-1);
		if (rows.length <= limit || !last) return { sessions };
		const idsAtStart = rows
			.slice(0, limit)
			.filter((s) => s.startedAt === last.startedAt)
			.map((s) => s.id);
		if (cursor?.startedAt === last.startedAt) idsAtStart.push(...seen);
		return { sessions, next: { startedAt: last.startedAt, idsAtStart } };
	}

	/** Sessions that started in [fromMs, toMs), oldest first (private text as stored). */
	async between(fromMs: number, toMs: number): Promise<SessionRecord[]> {
		await this.#markDead();
		const rows = await this.#db.sessions
			.where('startedAt')
			.between(fromMs, toMs, true, false)
			.toArray();
		return rows.filter(isSessionRecord);
	}

	/** Sessions rated after the practice (the index holds only those; text as stored). */
	async rated(): Promise<SessionRecord[]> {
		await this.#markDead();
		const rows = await this.#db.sessions
			.where('distressAfter')
			.between(0, 10, true, true)
			.toArray();
		return rows.filter(isSessionRecord);
	}

	/**
	 * The newest `limit` sessions of the boundary exercise, on the screen (metres in the drawn
	 * scene) and with a trusted person (metres as noted, when noted in metres), oldest first.
	 * Read through the exerciseId index and sorted here: a person does this exercise a handful
	 * of times, not thousands.
	 */
	async boundarySessions(limit: number): Promise<SessionRecord[]> {
		await this.#markDead();
		const rows = await this.#db.sessions
			.where('exerciseId')
			.anyOf([BOUNDARY_SOLO_ID, BOUNDARY_TOGETHER_ID])
			.toArray();
		const sessions = rows
			.filter(isSessionRecord)
			// Together, a distance may be noted in steps or not at all: no metres, no point.
			.filter(
				(s) =>
					s.exerciseId === BOUNDARY_SOLO_ID ||
					(s.rounds ?? []).some((round) => round.stopDistanceM !== undefined)
			)
			.sort((a, b) => a.startedAt - b.startedAt);
		return limit > 0 ? sessions.slice(-limit) : [];
	}

	/**
	 * The distinct local days with practice, newest first, reading back from today only until
	 * the first day without practice: enough for a streak, however long the history.
	 */
	async recentPractisedDays(nowMs: number): Promise<string[]> {
		await this.#markDead();
		const days: string[] = [];
		const today = localDayKey(nowMs);
		const yesterday = localDayKey(addLocalDays(nowMs, -1));
		const dayBefore = (key: string) => localDayKey(addLocalDays(dayKeyStart(key), -1));
		await this.#db.sessions
			.where('day')
			.belowOrEqual(today)
			.reverse()
			.until((s) => {
				const last = days.at(-1);
				return s.day < (last === undefined ? yesterday : dayBefore(last));
			})
			.each((s) => {
				if (s.activeMs > 0 && days.at(-1) !== s.day) days.push(s.day);
			});
		return days;
	}

	/** How many sessions are stored (counted from the index, not read). */
	count(): Promise<number> {
		return this.#db.sessions.count();
	}

	/** One session, or undefined when missing or damaged. */
	async get(id: string): Promise<SessionRecord | undefined> {
		await this.#markDead();
		const record = await this.#db.sessions.get(id);
		return isSessionRecord(record) ? mapTexts('sessions', record, this.#text.open) : undefined;
	}

	/** Writes or clears the person's note on a session. */
	async setNote(id: string, note: string): Promise<void> {
		await this.#text.write(
			[this.#db.sessions],
			(seal) => seal(note.trim().slice(0, MAX_TEXT_LENGTH)),
			async (text) => {
				const changed = await this.#db.sessions
					.where('id')
					.equals(id)
					.modify((s) => {
						if (text) s.note = text;
						else delete s.note;
					});
				if (changed === 0) throw new Error(`No session ${id} to add a note to`);
			}
		);
	}

	/**
	 * Deletes a session and returns it with its words opened, so it can be put back: sealed
	 * again for the lock as it is then (another tab may have changed it meanwhile). Words that
	 * cannot be opened now stay as they were stored.
	 */
	async remove(id: string): Promise<SessionRecord | undefined> {
		const record = await this.#db.transaction('rw', this.#db.sessions, async () => {
			const record = await this.#db.sessions.get(id);
			if (record) await this.#db.sessions.delete(id);
			return record;
		});
		return (
			record && mapTexts('sessions', record, async (text) => (await this.#text.open(text)) ?? text)
		);
	}

	/** Puts a deleted session back as it was (undo); text still sealed goes back as it is. */
	async restore(record: SessionRecord): Promise<void> {
		await this.#text.write(
			[this.#db.sessions],
			(seal) =>
				mapTexts('sessions', record, (text) =>
					isSealed(text) ? Promise.resolve(text) : seal(text)
				),
			(sealed) => this.#db.sessions.put(sealed)
		);
	}

	/** The journal's settings, with defaults for anything never set or damaged. */
	async settings(): Promise<JournalSettings> {
		const rows = await this.#db.settings.bulkGet(Object.keys(DEFAULT_JOURNAL_SETTINGS));
		const settings = { ...DEFAULT_JOURNAL_SETTINGS };
		for (const row of rows) {
			if (row && Object.hasOwn(settings, row.key) && typeof row.value === 'boolean') {
				settings[row.key as keyof JournalSettings] = row.value;
			}
		}
		return settings;
	}

	/** The local day the no-contact count starts on, when the person turned it on. */
	async noContactStart(): Promise<string | undefined> {
		const row = await this.#db.settings.get(NO_CONTACT_KEY);
		return isDayKey(row?.value) ? row.value : undefined;
	}

	/** Turns the no-contact count on from `day` (a local day key), or off (undefined). */
	async setNoContactStart(day: string | undefined): Promise<void> {
		if (day === undefined) await this.#db.settings.delete(NO_CONTACT_KEY);
		else if (isDayKey(day)) await this.#db.settings.put({ key: NO_CONTACT_KEY, value: day });
		else throw new RangeError('A start day is a real date as YYYY-MM-DD');
	}

	/** Changes one journal setting. */
	async setSetting<K extends keyof JournalSettings>(
		key: K,
		value: JournalSettings[K]
	): Promise<void> {
		await this.#db.settings.put({ key, value });
	}
}
