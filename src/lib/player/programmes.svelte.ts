import type { Programme } from '../content/types';
import { summarise, type ProgrammeSummary } from '../programmes/summary';
import type { ProgrammeSnapshot, ProgrammeStore } from '../storage';
import { loadProgrammeStore } from './gateway';

/**
 * The programmes screens' state: every programme with the person's place in it, and the
 * actions that change it (start, pause, resume, restart, leave, make current, variant).
 * Each action writes first and then reads everything back, so the screen shows what is stored.
 */
export class ProgrammesView {
	#store: ProgrammeStore;
	#programmes: readonly Programme[];
	#summaries = $state.raw<ProgrammeSummary[]>([]);
	#loaded = $state(false);
	/** How the programme stood before the last leave or restart, while that can be undone. */
	#undo = $state.raw<ProgrammeSnapshot | undefined>();

	constructor(store: ProgrammeStore, programmes: readonly Programme[]) {
		this.#store = store;
		this.#programmes = programmes;
	}

	/** Every programme, in display order. */
	get summaries(): readonly ProgrammeSummary[] {
		return this.#summaries;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	/** The current programme, when one is followed. */
	readonly current = $derived(this.#summaries.find((s) => s.isCurrent));

	/** True while the last leave or restart of this programme can be undone. */
	canUndo(programmeId: string): boolean {
		return this.#undo?.programmeId === programmeId;
	}

	/** Undoes the last leave or restart: gentler than asking "are you sure?" first. */
	async undo(): Promise<void> {
		const snapshot = this.#undo;
		this.#undo = undefined;
		if (!snapshot) return;
		await this.#store.restore(snapshot);
		await this.refresh();
	}

	/** One programme's summary, or undefined for an id the app does not ship. */
	find(programmeId: string): ProgrammeSummary | undefined {
		return this.#summaries.find((s) => s.programme.id === programmeId);
	}

	/** Reads every programme's record and days done again. */
	async refresh(nowMs = Date.now()): Promise<void> {
		const [records, current] = await Promise.all([this.#store.all(), this.#store.current()]);
		const summaries = await Promise.all(
			this.#programmes.map(async (programme) => {
				const record = records.find((r) => r.programmeId === programme.id);
				const days = record ? await this.#store.days(programme.id, record.run) : [];
				return summarise(programme, record, days, current?.programmeId, nowMs);
			})
		);
		this.#summaries = summaries;
		this.#loaded = true;
	}

	async start(programmeId: string, variant?: string): Promise<void> {
		this.#undo = undefined;
		await this.#store.start(programmeId, Date.now(), variant);
		await this.refresh();
	}

	async restart(programmeId: string): Promise<void> {
		this.#undo = await this.#store.snapshot(programmeId);
		await this.#store.restart(programmeId, Date.now());
		await this.refresh();
	}

	async pause(programmeId: string): Promise<void> {
		this.#undo = undefined;
		await this.#store.pause(programmeId);
		await this.refresh();
	}

	async resume(programmeId: string): Promise<void> {
		this.#undo = undefined;
		await this.#store.resume(programmeId);
		await this.refresh();
	}

	async leave(programmeId: string): Promise<void> {
		this.#undo = await this.#store.snapshot(programmeId);
		await this.#store.leave(programmeId);
		await this.refresh();
	}

	async makeCurrent(programmeId: string): Promise<void> {
		this.#undo = undefined;
		await this.#store.setCurrent(programmeId);
		await this.refresh();
	}

	async chooseVariant(programmeId: string, variant: string): Promise<void> {
		this.#undo = undefined;
		await this.#store.chooseVariant(programmeId, variant);
		await this.refresh();
	}
}

/** Opens the programmes' state: the store and the programme content load only now. */
export async function openProgrammes(): Promise<ProgrammesView> {
	const [store, { loadProgrammes }] = await Promise.all([
		loadProgrammeStore(),
		import('../content/programmes')
	]);
	const view = new ProgrammesView(store, await loadProgrammes());
	await view.refresh();
	return view;
}
