import type { UrgeAnswers, UrgeStage } from '../safety/urge';
import type { RealityEntry, UrgeUpdate } from '../records/urges';
import type { UrgeStore } from '../storage/urge-store';
import {
	MAX_TEXT_LENGTH,
	MAX_URGE_SESSIONS,
	type ContactAnswer,
	type InsteadChoice,
	type UnsentChoice
} from '../records/urges';
import { Flow, programmeDayOfPage } from './flow.svelte';
import { loadUrges } from './gateway';
import type { RunResult } from './practice-run.svelte';
import type { ProgrammeDayContext } from '../programmes/day';
import { recordProgrammeDay } from './programme-day';

/** Where the urge flow stands, and what the person chose on the way. */
export interface UrgeFlowState {
	readonly stage: UrgeStage;
	/** What the person chose to do instead (breathing again, or one of the others). */
	readonly helped: InsteadChoice | null;
	/** How long the chosen wait lasts. */
	readonly waitMs: number;
	/** Whether contact was made in the end. */
	readonly contact: ContactAnswer | null;
	/** Whether the person wrote a message here instead of sending it. */
	readonly unsentWritten: boolean;
	/** What they chose for that message after the wait. */
	readonly unsentChoice: UnsentChoice | null;
}

export type UrgeFlowEvent =
	| { readonly type: 'breathed' }
	| { readonly type: 'wrote'; readonly written: boolean }
	| { readonly type: 'rated' }
	| { readonly type: 'answered' }
	| { readonly type: 'next' }
	| { readonly type: 'breatheAgain' }
	| { readonly type: 'chooseHelp'; readonly choice: InsteadChoice }
	| { readonly type: 'wait'; readonly waitMs: number }
	| { readonly type: 'skipWait' }
	| { readonly type: 'waited' }
	| { readonly type: 'answer'; readonly contact: ContactAnswer }
	| { readonly type: 'chooseUnsent'; readonly choice: UnsentChoice };

/** An urge flow that begins with breathing. */
export function createUrgeFlow(): UrgeFlowState {
	return {
		stage: 'breathe',
		helped: null,
		waitMs: 0,
		contact: null,
		unsentWritten: false,
		unsentChoice: null
	};
}

/**
 * The one place the urge flow changes: breathe first, then (if the person wants) write the
 * message here instead of sending it, the strength, the questions, the reality list,
 * something kind instead (breathing again, or a wait), and whether contact was made. A
 * written message comes back after the wait, and what they choose for it stands in for the
 * question about contact (the two would overlap). A step that does not fit where the flow
 * stands returns the same state.
 */
export function reduceUrgeFlow(state: UrgeFlowState, event: UrgeFlowEvent): UrgeFlowState {
	const at = (stage: UrgeStage, from: UrgeStage) =>
		state.stage === from ? { ...state, stage } : state;
	const afterWait: UrgeStage = state.unsentWritten ? 'unsent-reread' : 'contact';
	switch (event.type) {
		case 'breathed':
			if (state.stage === 'breathe') return { ...state, stage: 'unsent' };
			return at('instead', 'breathe-again');
		case 'wrote':
			if (state.stage !== 'unsent') return state;
			return { ...state, stage: 'strength', unsentWritten: event.written };
		case 'rated':
			return at('questions', 'strength');
		case 'answered':
			return at('reality', 'questions');
		case 'next':
			return at('instead', 'reality');
		case 'breatheAgain':
			return at('breathe-again', 'instead');
		case 'chooseHelp':
			if (state.stage !== 'instead' || state.helped === event.choice) return state;
			return { ...state, helped: event.choice };
		case 'wait':
			if (state.stage !== 'instead' || !(event.waitMs > 0)) return state;
			return { ...state, stage: 'wait', waitMs: event.waitMs };
		case 'skipWait':
			return at(afterWait, 'instead');
		case 'waited':
			return at(afterWait, 'wait');
		case 'answer':
			if (state.stage !== 'contact') return state;
			return { ...state, stage: 'done', contact: event.contact };
		case 'chooseUnsent':
			if (state.stage !== 'unsent-reread') return state;
			return { ...state, stage: 'done', unsentChoice: event.choice };
	}
}

/** What was removed from the reality list last, and the entry it stood before (for undo). */
interface Removed {
	text: string;
	before?: RealityEntry;
}

/**
 * When the urge to make contact is strong: the flow, and everything it writes to the urge
 * store. Every write waits for the record to exist, so no answer is lost to a race; the flow
 * itself never waits for storage. Each step returns whether the flow moved.
 */
export class UrgeFlow {
	readonly #flow = new Flow(reduceUrgeFlow, createUrgeFlow());
	#reality = $state<RealityEntry[]>([]);
	#realityReady = $state(false);
	#lastRemoved = $state<Removed | null>(null);
	#saveFailed = $state(false);
	/** Started from a programme day, the questions are the day's practice. */
	#programmeDay = $state<ProgrammeDayContext | undefined>();
	/** The flow's first breathing: the session a programme day done here is recorded with. */
	#firstRun = $state.raw<RunResult | undefined>();
	/** The breathing sessions of this flow, so the journal shows them in the urge's entry. */
	#sessionIds: string[] = [];
	#record: Promise<{ store: UrgeStore; id: string }> | null = null;
	/** The unsent message as written in this flow, to read again after the wait. */
	#unsent = $state('');

	get state(): UrgeFlowState {
		return this.#flow.state;
	}

	/** The reality list as stored, and whether it has been read yet. */
	get reality(): readonly RealityEntry[] {
		return this.#reality;
	}

	get realityReady(): boolean {
		return this.#realityReady;
	}

	/** True when the last removal can be undone. */
	get canUndo(): boolean {
		return this.#lastRemoved !== null;
	}

	/** The message written here instead of sending it (empty when none, or let go). */
	get unsent(): string {
		return this.#unsent;
	}

	/** True once something could not be saved. */
	get saveFailed(): boolean {
		return this.#saveFailed;
	}

	/**
	 * A programme day done in this flow: its planned part, the questions, is answered. The
	 * session that stands for it is the flow's breathing, whatever way that ended.
	 */
	get programmeDone(): { context: ProgrammeDayContext; result: RunResult } | undefined {
		const context = this.#programmeDay;
		const run = this.#firstRun;
		return context && run ? { context, result: { ...run, status: 'completed' } } : undefined;
	}

	/** Once on screen: the programme day, a new urge record, and the stored reality list. */
	open(): void {
		this.#programmeDay = programmeDayOfPage();
		const id = crypto.randomUUID();
		this.#record = loadUrges().then(async (store) => {
			await store.start(id, Date.now());
			return { store, id };
		});
		this.#record.catch(this.#failed);
		// The list loads on its own: nothing can be added until the stored one is here.
		void loadUrges()
			.then((store) => store.realityList())
			.then((items) => {
				this.#reality = items;
				this.#realityReady = true;
			})
			.catch(this.#failed);
	}

	/** A breathing ended (the first, or the one chosen instead). */
	breathed(result: RunResult): boolean {
		this.#firstRun ??= result;
		if (this.#sessionIds.length < MAX_URGE_SESSIONS) {
			this.#sessionIds = [...this.#sessionIds, result.sessionId];
			this.#save({ sessionIds: this.#sessionIds });
		}
		return this.#flow.dispatch({ type: 'breathed' });
	}

	/** The message written instead of sending it; empty words are the same as skipping. */
	writeUnsent(text: string): boolean {
		const words = text.trim().slice(0, MAX_TEXT_LENGTH);
		const moved = this.#flow.dispatch({ type: 'wrote', written: words !== '' });
		if (moved && words !== '') {
			this.#unsent = words;
			this.#save({ unsent: words });
		}
		return moved;
	}

	/** No message now. */
	skipUnsent(): boolean {
		return this.#flow.dispatch({ type: 'wrote', written: false });
	}

	/** The strength of the urge, or undefined when skipped. */
	rate(intensity: number | undefined): boolean {
		if (intensity !== undefined) this.#save({ intensity });
		return this.#flow.dispatch({ type: 'rated' });
	}

	/** The three questions answered (each may be empty); a programme day is done by them. */
	answer(answers: UrgeAnswers): boolean {
		this.#save(answers);
		const done = this.programmeDone;
		if (done) {
			recordProgrammeDay(done.context, done.result).catch((error: unknown) =>
				console.error('Could not record the programme day', error)
			);
		}
		return this.#flow.dispatch({ type: 'answered' });
	}

	/** On from the reality list. */
	next(): boolean {
		return this.#flow.dispatch({ type: 'next' });
	}

	/** Breathing again is what helps. */
	breatheAgain(): boolean {
		this.#save({ helped: 'breathe' });
		return this.#flow.dispatch({ type: 'breatheAgain' });
	}

	/** Something else kind is what helps. */
	chooseHelp(choice: InsteadChoice): void {
		this.#flow.dispatch({ type: 'chooseHelp', choice });
		this.#save({ helped: choice });
	}

	/** Waits this many minutes before deciding. */
	wait(minutes: number): boolean {
		return this.#flow.dispatch({ type: 'wait', waitMs: minutes * 60_000 });
	}

	/** No wait. */
	skipWait(): boolean {
		return this.#flow.dispatch({ type: 'skipWait' });
	}

	/** The wait is over (or ended early). */
	waited(waitedMs: number): boolean {
		this.#save({ waitedMs: Math.round(waitedMs) });
		return this.#flow.dispatch({ type: 'waited' });
	}

	/** Whether contact was made. */
	tellContact(contact: ContactAnswer): boolean {
		this.#save({ contact });
		return this.#flow.dispatch({ type: 'answer', contact });
	}

	/**
	 * What the person chose for their message after the wait. Letting it go deletes the words
	 * from the record (and from memory); the other two keep them. Nothing is ever sent.
	 */
	chooseUnsent(choice: UnsentChoice): boolean {
		const moved = this.#flow.dispatch({ type: 'chooseUnsent', choice });
		if (!moved) return false;
		if (choice === 'letGo') {
			this.#unsent = '';
			this.#save({ unsentChoice: choice, unsent: undefined });
		} else {
			this.#save({ unsentChoice: choice });
		}
		return true;
	}

	/** Adds to the reality list. */
	addReality(text: string): void {
		this.#lastRemoved = null;
		this.#changeReality((store) => store.addRealityItem(text));
	}

	/** Removes the entry shown at this place. */
	removeReality(index: number): void {
		const entry = this.#reality[index];
		if (!entry) return;
		this.#lastRemoved = null;
		this.#changeReality(async (store) => {
			const { entries, removed } = await store.removeRealityItem(entry);
			// Undo is offered only for what was really removed, and puts it back before the
			// entry that now stands in its place.
			if (removed) this.#lastRemoved = { text: entry.text, before: entries[index] };
			return entries;
		});
	}

	/** Puts the last removed entry back where it was. */
	undoRemove(): void {
		const removed = this.#lastRemoved;
		this.#lastRemoved = null;
		if (removed) {
			this.#changeReality((store) => store.restoreRealityItem(removed.text, removed.before));
		}
	}

	#failed = (error: unknown) => {
		this.#saveFailed = true;
		console.error('Could not save the urge', error);
	};

	/**
	 * Adds to the urge record (the flow itself never waits for storage). Writes go one after
	 * another, so letting a message go can never be overtaken by the slower, sealed write of
	 * its words.
	 */
	#save(update: UrgeUpdate): void {
		const record = this.#record;
		if (!record) return;
		this.#saving = this.#saving
			.then(() => record)
			.then(({ store, id }) => store.update(id, update))
			.catch(this.#failed);
	}
	#saving: Promise<void> = Promise.resolve();

	/** Changes the reality list in storage and shows what is stored. */
	#changeReality(change: (store: UrgeStore) => Promise<RealityEntry[]>): void {
		void loadUrges()
			.then(change)
			.then((items) => (this.#reality = items))
			.catch(this.#failed);
	}
}
