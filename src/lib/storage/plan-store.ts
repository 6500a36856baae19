import { cleanText, isVisible } from '../engine/text';
import {
	CONTACT_STEPS,
	MAX_PLAN_ITEMS,
	mayShowWhenLocked,
	parseContact,
	planListId,
	PLAN_STEPS,
	type LockScreenContacts,
	type PlanStep
} from '../records/safety-plan';
import { MAX_TEXT_LENGTH, type ListRecord } from '../records/urges';
import { isSealed } from '../security/lock-crypto';
import { LockedError } from '../security/locked-error';
import type { RustpuntDb } from './db';
import { ownWords, PLAIN_TEXT, type PrivateTextCodec } from './private-text';

/** The safety plan as it can be read now. */
export interface SafetyPlan {
	/** Each step's entries in the person's order (contacts as stored items, see contactItem). */
	steps: Record<PlanStep, string[]>;
	/** Whether the people to call (steps 4 and 5) may show on the lock screen. */
	onLockScreen: boolean;
	/** Some entries could not be read (the app is locked): nothing may be written over them. */
	unreadable: boolean;
}

/** An entry as it is kept: cleaned and bounded; undefined when it shows nothing. */
function cleanItem(text: string): string | undefined {
	const item = cleanText(text.slice(0, MAX_TEXT_LENGTH));
	return isVisible(item) ? item : undefined;
}

/** Keeps the safety plan: one `lists` record per step, sealed like the reality list. */
export class PlanStore {
	#db: RustpuntDb;
	#text: PrivateTextCodec;

	/** `text` seals the entries when the app lock is on and opens them when it is open. */
	constructor(db: RustpuntDb, text = PLAIN_TEXT) {
		this.#db = db;
		this.#text = text;
	}

	/** The whole plan, each entry opened; entries that cannot be read now are left out. */
	async read(): Promise<SafetyPlan> {
		const rows = await this.#db.lists.bulkGet(PLAN_STEPS.map(planListId));
		let unreadable = false;
		const steps = {} as Record<PlanStep, string[]>;
		await Promise.all(
			PLAN_STEPS.map(async (step, i) => {
				const items = (rows[i]?.items ?? []).filter((item) => typeof item === 'string');
				const opened = await Promise.all(items.map((item) => this.#text.open(item)));
				if (opened.includes(undefined)) unreadable = true;
				steps[step] = opened.filter((item) => item !== undefined);
			})
		);
		const onLockScreen = CONTACT_STEPS.some(
			(step) => rows[PLAN_STEPS.indexOf(step)]?.onLockScreen === true
		);
		return { steps, onLockScreen, unreadable };
	}

	/**
	 * Stores a step's entries as they are now on the screen, in their order: sealed when the
	 * lock is on, unless the step's people may show on the lock screen. Refused while some of
	 * the step's stored entries cannot be read, so nothing unread is ever written over, and
	 * refused (PlanStepFullError) for more than MAX_PLAN_ITEMS, so no entry is silently lost.
	 */
	async saveStep(step: PlanStep, entries: readonly string[]): Promise<void> {
		const id = planListId(step);
		const items = entries.flatMap((entry) => cleanItem(entry) ?? []);
		if (items.length > MAX_PLAN_ITEMS) throw new PlanStepFullError(id);
		await this.#text.write(
			[this.#db.lists],
			async (seal) => {
				const stored = await this.#db.lists.get(id);
				await this.#readable(stored);
				const open = openOnLockScreen(stored);
				return {
					open,
					items: await Promise.all(items.map((item) => (open ? ownWords(item) : seal(item))))
				};
			},
			(prepared) =>
				this.#db.transaction('rw', this.#db.lists, async () => {
					const stored = await this.#db.lists.get(id);
					// The choice changed in another tab meanwhile: this copy would break it.
					if (openOnLockScreen(stored) !== prepared.open) {
						throw new Error('The lock-screen choice changed while saving');
					}
					await this.#db.lists.put(record(id, prepared.items, prepared.open));
				})
		);
	}

	/**
	 * Lets the people to call (steps 4 and 5) show on the lock screen, stored unsealed, or
	 * seals them again like the rest of the plan. Needs their entries readable.
	 */
	async setOnLockScreen(on: boolean): Promise<void> {
		const ids = CONTACT_STEPS.map(planListId);
		await this.#text.write(
			[this.#db.lists],
			async (seal) => {
				const stored = await this.#db.lists.bulkGet(ids);
				return Promise.all(
					stored.map(async (row) => {
						const opened = await this.#readable(row);
						return Promise.all(opened.map((item) => (on ? ownWords(item) : seal(item))));
					})
				);
			},
			(prepared) =>
				this.#db.transaction('rw', this.#db.lists, () =>
					Promise.all(ids.map((id, i) => this.#db.lists.put(record(id, prepared[i]!, on))))
				)
		);
	}

	/** The people to call that may show on the lock screen (none unless the person chose so). */
	async lockScreenContacts(): Promise<LockScreenContacts> {
		const [people, pros] = await this.#db.lists.bulkGet(CONTACT_STEPS.map(planListId));
		const shown = (row: ListRecord | undefined) =>
			row?.onLockScreen === true
				? row.items.filter((item) => typeof item === 'string' && !isSealed(item)).map(parseContact)
				: [];
		return { people: shown(people), pros: shown(pros) };
	}

	/** A stored step's entries opened, or LockedError when some cannot be read now. */
	async #readable(row: ListRecord | undefined): Promise<string[]> {
		const items = (row?.items ?? []).filter((item) => typeof item === 'string');
		const opened = await Promise.all(items.map((item) => this.#text.open(item)));
		if (opened.includes(undefined)) throw new LockedError();
		return opened.filter((item) => item !== undefined);
	}
}

/** A step was to hold more than MAX_PLAN_ITEMS entries: nothing was written. */
export class PlanStepFullError extends Error {
	/** `listId` names the step's `lists` record. */
	constructor(readonly listId: string) {
		super(`${listId} holds at most ${MAX_PLAN_ITEMS} entries`);
		this.name = 'PlanStepFullError';
	}
}

/** A step's record; only the people to call can carry the lock-screen choice. */
function record(id: ListRecord['id'], items: string[], onLockScreen: boolean): ListRecord {
	return onLockScreen ? { id, items, onLockScreen: true } : { id, items };
}

/**
 * Whether the person chose, on this device, to let the people to call show on the lock screen:
 * one choice for steps 4 and 5 together, read as `read()` reads it.
 */
export async function contactsOnLockScreen(db: RustpuntDb): Promise<boolean> {
	const rows = await db.lists.bulkGet(CONTACT_STEPS.map(planListId));
	return rows.some(openOnLockScreen);
}

/** Whether a stored step is kept open for the lock screen: only steps 4 and 5 ever are. */
function openOnLockScreen(stored: ListRecord | undefined): boolean {
	return stored?.onLockScreen === true && mayShowWhenLocked(stored.id);
}
