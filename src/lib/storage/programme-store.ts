import type { RustpuntDb } from './db';
import {
	isProgrammeDayRecord,
	isProgrammeRecord,
	type ProgrammeDayRecord,
	type ProgrammeRecord
} from '../records/programmes';

/** The settings key that says which programme is current (it travels in an export). */
export const CURRENT_PROGRAMME_KEY = 'currentProgramme';

/** What completes a programme day: the day, and the session that completed it. */
export interface DayCompletion {
	programmeId: string;
	day: number;
	sessionId: string;
}

/** A programme's record and which programme was current, as they were before a change. */
export interface ProgrammeSnapshot {
	programmeId: string;
	record: ProgrammeRecord | undefined;
	currentId: string | undefined;
}

/**
 * The programmes a person follows and the days they completed. Several may be followed; one
 * is current (shown on the home screen). Pausing, leaving and restarting never delete a day
 * done: a restart begins a new run, and earlier runs stay in the journal.
 */
export class ProgrammeStore {
	#db: RustpuntDb;

	constructor(db: RustpuntDb) {
		this.#db = db;
	}

	/** Every programme ever started, most recently started first. */
	async all(): Promise<ProgrammeRecord[]> {
		const rows = await this.#db.programmes.toArray();
		return rows.filter(isProgrammeRecord).sort((a, b) => b.startedAt - a.startedAt);
	}

	/** One programme's record, or undefined when it was never started. */
	async get(programmeId: string): Promise<ProgrammeRecord | undefined> {
		const row = await this.#db.programmes.get(programmeId);
		return isProgrammeRecord(row) ? row : undefined;
	}

	/**
	 * The current programme: the one chosen, unless it was left; otherwise the most recently
	 * started one still followed (active before paused). Undefined when none is followed.
	 */
	async current(): Promise<ProgrammeRecord | undefined> {
		const [setting, all] = await Promise.all([
			this.#db.settings.get(CURRENT_PROGRAMME_KEY),
			this.all()
		]);
		const chosen = all.find((p) => p.programmeId === setting?.value && p.status !== 'left');
		return (
			chosen ?? all.find((p) => p.status === 'active') ?? all.find((p) => p.status === 'paused')
		);
	}

	/** How a programme stands now, so a change to it (leaving, restarting) can be undone. */
	async snapshot(programmeId: string): Promise<ProgrammeSnapshot> {
		return this.#db.transaction('r', this.#db.programmes, this.#db.settings, async () => {
			const setting = await this.#db.settings.get(CURRENT_PROGRAMME_KEY);
			return {
				programmeId,
				record: await this.get(programmeId),
				currentId: typeof setting?.value === 'string' ? setting.value : undefined
			};
		});
	}

	/**
	 * Puts a programme back as a snapshot found it: its record (with its run, so the days done
	 * in it count again) and the current programme. Days done meanwhile stay in the journal.
	 */
	async restore(snapshot: ProgrammeSnapshot): Promise<void> {
		await this.#db.transaction('rw', this.#db.programmes, this.#db.settings, async () => {
			if (snapshot.record) await this.#db.programmes.put(snapshot.record);
			else await this.#db.programmes.delete(snapshot.programmeId);
			if (snapshot.currentId === undefined) await this.#db.settings.delete(CURRENT_PROGRAMME_KEY);
			else await this.setCurrent(snapshot.currentId);
		});
	}

	/** Makes a followed programme the current one. */
	async setCurrent(programmeId: string): Promise<void> {
		await this.#db.settings.put({ key: CURRENT_PROGRAMME_KEY, value: programmeId });
	}

	/**
	 * Starts a programme and makes it current. One never started begins run 1; one left
	 * earlier begins a new run; one already followed just becomes current (and active).
	 */
	async start(programmeId: string, now: number, variant?: string): Promise<ProgrammeRecord> {
		return this.#db.transaction('rw', this.#db.programmes, this.#db.settings, async () => {
			const existing = await this.get(programmeId);
			const record: ProgrammeRecord =
				existing && existing.status !== 'left'
					? { ...existing, status: 'active', ...(variant && { variant }) }
					: {
							programmeId,
							run: (existing?.run ?? 0) + 1,
							startedAt: now,
							status: 'active',
							...(variant && { variant })
						};
			await this.#db.programmes.put(record);
			await this.setCurrent(programmeId);
			return record;
		});
	}

	/** Begins the programme again from day 1 (a new run); the days done before stay kept. */
	async restart(programmeId: string, now: number, variant?: string): Promise<ProgrammeRecord> {
		return this.#db.transaction('rw', this.#db.programmes, this.#db.settings, async () => {
			const existing = await this.get(programmeId);
			const chosen = variant ?? existing?.variant;
			const record: ProgrammeRecord = {
				programmeId,
				run: (existing?.run ?? 0) + 1,
				startedAt: now,
				status: 'active',
				...(chosen && { variant: chosen })
			};
			await this.#db.programmes.put(record);
			await this.setCurrent(programmeId);
			return record;
		});
	}

	/** Puts a programme aside; it keeps its place and can be resumed at any time. */
	async pause(programmeId: string): Promise<void> {
		await this.#setStatus(programmeId, 'paused');
	}

	/** Picks a paused programme up again where it was, as the current one. */
	async resume(programmeId: string): Promise<void> {
		await this.#db.transaction('rw', this.#db.programmes, this.#db.settings, async () => {
			await this.#setStatus(programmeId, 'active');
			await this.setCurrent(programmeId);
		});
	}

	/** Stops following a programme. Its days done stay in the journal. */
	async leave(programmeId: string): Promise<void> {
		await this.#db.transaction('rw', this.#db.programmes, this.#db.settings, async () => {
			await this.#setStatus(programmeId, 'left');
			const setting = await this.#db.settings.get(CURRENT_PROGRAMME_KEY);
			if (setting?.value === programmeId) await this.#db.settings.delete(CURRENT_PROGRAMME_KEY);
		});
	}

	/** Changes which variant of a programme is followed; the days done keep counting. */
	async chooseVariant(programmeId: string, variant: string): Promise<void> {
		await this.#db.programmes.update(programmeId, { variant });
	}

	async #setStatus(programmeId: string, status: ProgrammeRecord['status']): Promise<void> {
		const changed = await this.#db.programmes.update(programmeId, { status });
		if (changed === 0 && !(await this.get(programmeId))) {
			throw new Error(`The programme "${programmeId}" was never started`);
		}
	}

	/** The days done in one run of a programme (every run when none is given), in day order. */
	async days(programmeId: string, run?: number): Promise<ProgrammeDayRecord[]> {
		const rows = await this.#db.programmeDays.where('programmeId').equals(programmeId).toArray();
		return rows
			.filter(isProgrammeDayRecord)
			.filter((d) => run === undefined || d.run === run)
			.sort((a, b) => a.run - b.run || a.day - b.day);
	}

	/**
	 * Records that a session completed a day of the programme's current run. Nothing is
	 * recorded for a programme not followed, or a day already done in this run (the first
	 * session that completed it stays). A paused programme becomes active again: practising
	 * a day of it says it is being followed. Returns the day's record, or undefined.
	 */
	async completeDay(
		completion: DayCompletion,
		now: number
	): Promise<ProgrammeDayRecord | undefined> {
		return this.#db.transaction('rw', this.#db.programmes, this.#db.programmeDays, async () => {
			const programme = await this.get(completion.programmeId);
			if (!programme || programme.status === 'left') return undefined;
			const id = `${programme.programmeId}:${programme.run}:${completion.day}`;
			const existing = await this.#db.programmeDays.get(id);
			if (existing) return existing;
			const record: ProgrammeDayRecord = {
				id,
				programmeId: programme.programmeId,
				run: programme.run,
				day: completion.day,
				sessionId: completion.sessionId,
				completedAt: now
			};
			await this.#db.programmeDays.add(record);
			if (programme.status === 'paused') {
				await this.#db.programmes.update(programme.programmeId, { status: 'active' });
			}
			return record;
		});
	}

	/** The programme days these sessions completed (for the journal). */
	async daysOfSessions(sessionIds: readonly string[]): Promise<ProgrammeDayRecord[]> {
		if (sessionIds.length === 0) return [];
		const rows = await this.#db.programmeDays.where('sessionId').anyOf(sessionIds).toArray();
		return rows.filter(isProgrammeDayRecord);
	}
}
