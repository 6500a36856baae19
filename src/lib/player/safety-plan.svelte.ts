import { MAX_PLAN_ITEMS, PLAN_STEPS, type PlanStep } from '../records/safety-plan';
import type { PlanStore, SafetyPlan } from '../storage';
import { loadPlanStore, loadUrges } from './gateway';

/** How far back the journal's body signals are offered as warning signs. */
const SUGGEST_FROM_MS = 60 * 86_400_000;
/** At most this many body signals are offered: a few words, not a list to work through. */
const MAX_SUGGESTIONS = 4;

/**
 * What the last change came to, for the screen's quiet status line: 'failed' is a save that
 * failed, 'unread' a plan that could not be read.
 */
export type PlanSaveState = 'idle' | 'saved' | 'failed' | 'unread' | 'locked';

/** What became of one change: kept (and being saved), refused for a full step, or ignored. */
export type PlanChange = 'changed' | 'full' | 'ignored';

function emptySteps(): Record<PlanStep, string[]> {
	return Object.fromEntries(PLAN_STEPS.map((step) => [step, []])) as unknown as Record<
		PlanStep,
		string[]
	>;
}

/**
 * The safety plan on the screen: its steps as stored, changed one entry at a time and saved
 * at once, step by step, in the order the changes were made.
 */
export class SafetyPlanState {
	#steps = $state<Record<PlanStep, string[]>>(emptySteps());
	#ready = $state(false);
	#onLockScreen = $state(false);
	#suggestions = $state<string[]>([]);
	#saveState = $state<PlanSaveState>('idle');
	#store: Promise<PlanStore> | undefined;
	/** Saves run one after another: a later change never lands before an earlier one. */
	#queue: Promise<unknown> = Promise.resolve();

	/** Each step's entries (contacts as stored items). */
	get steps(): Readonly<Record<PlanStep, readonly string[]>> {
		return this.#steps;
	}

	/** False until the stored plan has been read: nothing may overwrite it before. */
	get ready(): boolean {
		return this.#ready;
	}

	/** Whether the numbers to call (steps 4 and 5) show on the lock screen. */
	get onLockScreen(): boolean {
		return this.#onLockScreen;
	}

	/**
	 * A few body signals from the journal, not yet in the warning signs. None until the plan is
	 * read: a chip tapped before then would add nothing, or repeat a sign already there.
	 */
	get suggestions(): readonly string[] {
		if (!this.#ready) return [];
		const signs = this.#steps.signs;
		return this.#suggestions.filter((text) => !signs.includes(text));
	}

	get saveState(): PlanSaveState {
		return this.#saveState;
	}

	#load(): Promise<PlanStore> {
		this.#store ??= loadPlanStore();
		return this.#store;
	}

	/** Reads the plan, and the journal's recent body signals (readable: the page needs unlock). */
	start(): void {
		void this.#load()
			.then((store) => store.read())
			.then((plan) => this.#show(plan))
			.catch((error: unknown) => {
				console.error('The safety plan could not be read', error);
				this.#saveState = 'unread';
			});
		void loadUrges()
			.then((urges) => urges.between(Date.now() - SUGGEST_FROM_MS, Date.now() + 1))
			.then((urges) => {
				const texts = urges.flatMap((urge) => {
					const text = urge.bodyPlace?.trim();
					return text && text.length <= 80 ? [text] : [];
				});
				this.#suggestions = texts
					.filter((text, i) => texts.indexOf(text) === i)
					.slice(0, MAX_SUGGESTIONS);
			})
			.catch((error: unknown) => console.warn('No body signals to suggest', error));
	}

	/** True when a step holds MAX_PLAN_ITEMS entries: nothing more can be added to it. */
	isFull(step: PlanStep): boolean {
		return this.#steps[step].length >= MAX_PLAN_ITEMS;
	}

	/** Adds an entry to the end of a step; a full step refuses it before anything is written. */
	add(step: PlanStep, entry: string): PlanChange {
		if (!this.#ready || entry.trim() === '') return 'ignored';
		if (this.isFull(step)) return 'full';
		this.#change(step, [...this.#steps[step], entry.trim()]);
		return 'changed';
	}

	/** Puts `entry` in place of the entry at `index` of a step. */
	edit(step: PlanStep, index: number, entry: string): PlanChange {
		const entries = this.#steps[step];
		if (!this.#ready || entry.trim() === '' || index < 0 || index >= entries.length) {
			return 'ignored';
		}
		if (entries[index] === entry.trim()) return 'changed';
		this.#change(
			step,
			entries.map((old, i) => (i === index ? entry.trim() : old))
		);
		return 'changed';
	}

	/** Removes the entry at `index` of a step. */
	remove(step: PlanStep, index: number): void {
		if (!this.#ready) return;
		this.#change(
			step,
			this.#steps[step].filter((_, i) => i !== index)
		);
	}

	/** Lets the numbers to call show on the lock screen (unsealed), or seals them again. */
	setOnLockScreen(on: boolean): void {
		if (!this.#ready) return;
		const before = this.#onLockScreen;
		this.#onLockScreen = on;
		this.#save(
			(store) => store.setOnLockScreen(on),
			() => (this.#onLockScreen = before)
		);
	}

	#change(step: PlanStep, entries: string[]): void {
		const before = this.#steps[step];
		this.#steps[step] = entries;
		this.#save(
			(store) => store.saveStep(step, entries),
			() => (this.#steps[step] = before)
		);
	}

	/**
	 * Saves in order. A failed save puts the screen back at once, then reads the plan again, so
	 * what is shown is what is really stored (an earlier save may have failed as well).
	 */
	#save(write: (store: PlanStore) => Promise<void>, undo: () => void): void {
		this.#queue = this.#queue
			.then(() => this.#load())
			.then(write)
			.then(() => (this.#saveState = 'saved'))
			.catch(async (error: unknown) => {
				console.error('The safety plan could not be saved', error);
				undo();
				this.#saveState = 'failed';
				await this.#reload();
			});
	}

	/** Shows a plan as read from the store. */
	#show(plan: SafetyPlan): void {
		this.#steps = plan.steps;
		this.#onLockScreen = plan.onLockScreen;
		// With entries unreadable (locked after all), nothing may be written over them.
		this.#ready = !plan.unreadable;
		if (plan.unreadable) this.#saveState = 'locked';
	}

	/** Shows the plan as stored; left as it is when even reading fails. */
	async #reload(): Promise<void> {
		try {
			this.#show(await (await this.#load()).read());
		} catch (error: unknown) {
			console.error('The safety plan could not be read again', error);
		}
	}
}
