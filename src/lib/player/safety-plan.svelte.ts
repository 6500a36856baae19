import { PLAN_STEPS, type PlanStep } from '../records/safety-plan';
import type { PlanStore } from '../storage';
import { loadPlanStore, loadUrges } from './gateway';

/** How far back the journal's body signals are offered as warning signs. */
const SUGGEST_FROM_MS = 60 * 86_400_000;
/** At most this many body signals are offered: a few words, not a list to work through. */
const MAX_SUGGESTIONS = 4;

/** What the last change came to, for the screen's quiet status line. */
export type PlanSaveState = 'idle' | 'saved' | 'failed' | 'locked';

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

	/** A few body signals from the journal, not yet in the warning signs. */
	get suggestions(): readonly string[] {
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
			.then((plan) => {
				this.#steps = plan.steps;
				this.#onLockScreen = plan.onLockScreen;
				// With entries unreadable (locked after all), nothing may be written over them.
				this.#ready = !plan.unreadable;
				if (plan.unreadable) this.#saveState = 'locked';
			})
			.catch((error: unknown) => {
				console.error('The safety plan could not be read', error);
				this.#saveState = 'failed';
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

	/** Adds an entry to the end of a step. */
	add(step: PlanStep, entry: string): void {
		if (!this.#ready || entry.trim() === '') return;
		this.#change(step, [...this.#steps[step], entry.trim()]);
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

	/** Saves in order; a failed save puts the screen back as it was stored. */
	#save(write: (store: PlanStore) => Promise<void>, undo: () => void): void {
		this.#queue = this.#queue
			.then(() => this.#load())
			.then(write)
			.then(() => (this.#saveState = 'saved'))
			.catch((error: unknown) => {
				console.error('The safety plan could not be saved', error);
				undo();
				this.#saveState = 'failed';
			});
	}
}
