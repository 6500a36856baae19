import { formatCount, importProblemText } from '../i18n/import-text';
import { m } from '../paraglide/messages';
import { beforeQuickExit } from '../safety/quick-exit';
import type { ImportSummary } from '../records/export-file';
import type { ImportJob } from '../storage/data';
import { Flow } from './flow.svelte';
import { loadData } from './gateway';
import { forgetPatternNames } from './pattern-names.svelte';
import { preferences } from './preferences.svelte';

// The file is read, checked and written by a worker (the job), so the page stays free to
// scroll, to tap and above all to leave at once. Nothing is written until the person has
// seen the summary and confirmed; a cancel while writing leaves everything as it was.
export type ImportFlowState =
	| { readonly stage: 'idle' }
	| { readonly stage: 'checking'; readonly job: ImportJob }
	| {
			readonly stage: 'confirm';
			readonly job: ImportJob;
			readonly summary: ImportSummary;
			/** The settings the file carries, restored once its data is in. */
			readonly preferences: Record<string, string>;
	  }
	| { readonly stage: 'writing'; readonly job: ImportJob; readonly cancelling: boolean };

export type ImportFlowEvent =
	| { readonly type: 'started'; readonly job: ImportJob }
	| {
			readonly type: 'checked';
			readonly job: ImportJob;
			readonly summary: ImportSummary;
			readonly preferences: Record<string, string>;
	  }
	| { readonly type: 'confirmed' }
	| { readonly type: 'cancelling' }
	| { readonly type: 'released' };

/**
 * The one place an import changes: choose a file, check it, confirm, write. A step that does
 * not fit returns the same state (a check that ends after a cancel, a second cancel).
 */
export function reduceImportFlow(state: ImportFlowState, event: ImportFlowEvent): ImportFlowState {
	switch (event.type) {
		case 'started':
			if (state.stage !== 'idle') return state;
			return { stage: 'checking', job: event.job };
		case 'checked':
			if (state.stage !== 'checking' || state.job !== event.job) return state;
			return {
				stage: 'confirm',
				job: state.job,
				summary: event.summary,
				preferences: event.preferences
			};
		case 'confirmed':
			if (state.stage !== 'confirm') return state;
			return { stage: 'writing', job: state.job, cancelling: false };
		case 'cancelling':
			if (state.stage !== 'writing' || state.cancelling) return state;
			return { ...state, cancelling: true };
		case 'released':
			if (state.stage === 'idle') return state;
			return { stage: 'idle' };
	}
}

/** Where the screen should put focus after a step: the file chooser, the summary, Cancel. */
export type ImportFocus = 'chooser' | 'summary' | 'cancel';

interface ImportFlowOptions {
	/** Called after an import was written. */
	onimported: () => void;
	/** Moves focus once the screen shows the step (resolves when it has). */
	focus: (target: ImportFocus) => Promise<void>;
}

/** Importing a file of exported data: the flow, its progress and what is told on screen. */
export class ImportFlow {
	readonly #flow = new Flow(reduceImportFlow, { stage: 'idle' });
	readonly #options: ImportFlowOptions;
	#done = $state(0);
	#total = $state(0);
	#message = $state('');
	#problem = $state(false);
	/** Undoes the quick-exit hook of the running job. */
	#unhook: (() => void) | undefined;

	constructor(options: ImportFlowOptions) {
		this.#options = options;
	}

	get state(): ImportFlowState {
		return this.#flow.state;
	}

	/** Records written so far, of how many (0 until known). */
	get done(): number {
		return this.#done;
	}

	get total(): number {
		return this.#total;
	}

	/** What is told on screen (always there, so each outcome is announced). */
	get message(): string {
		return this.#message;
	}

	/** True when the message tells a problem. */
	get problem(): boolean {
		return this.#problem;
	}

	/** A file chosen: refused when too large, otherwise checked by a job, nothing written. */
	async choose(picked: File): Promise<void> {
		try {
			const data = await loadData();
			// Size first: a huge file is refused before it is read at all.
			if (picked.size > data.maxImportBytes) {
				this.#tell(importProblemText({ code: 'too-large', maxBytes: data.maxImportBytes }), true);
				return;
			}
			const job = data.startImport();
			this.#hold(job);
			this.#flow.dispatch({ type: 'started', job });
			this.#tell(m.data_import_reading());
			await this.#options.focus('cancel');
			const checked = await job.check(picked, Date.now());
			// Cancelled meanwhile: the cancel has said so already.
			const state = this.#flow.state;
			if (!checked || state.stage !== 'checking' || state.job !== job) return;
			if (!checked.ok) {
				await this.#release(importProblemText(checked.problem), true);
				return;
			}
			this.#flow.dispatch({
				type: 'checked',
				job,
				summary: checked.summary,
				preferences: checked.preferences
			});
			this.#tell('');
			await this.#options.focus('summary');
		} catch (error) {
			console.error('Could not read the import', error);
			await this.#release(m.import_failed(), true);
		}
	}

	/** Writes what was checked; no second tap, and Cancel still stops it with nothing changed. */
	async confirm(): Promise<void> {
		const state = this.#flow.state;
		if (state.stage !== 'confirm') return;
		const { job, preferences: imported } = state;
		this.#flow.dispatch({ type: 'confirmed' });
		this.#done = 0;
		this.#total = 0;
		this.#tell(m.data_import_writing());
		await this.#options.focus('cancel');
		try {
			const data = await loadData();
			const result = await job.write(data.importKey(), (progress) => {
				this.#done = progress.done;
				this.#total = progress.total;
			});
			if (!result.ok) {
				await this.#release(m.data_import_cancelled());
				return;
			}
			// The language lives outside the database; written once the data is safely in, and
			// the settings are read again from the database.
			await preferences.restore(imported);
			forgetPatternNames();
			await this.#release(
				m.data_import_done({
					added: formatCount(result.added),
					skipped: formatCount(result.skipped)
				})
			);
			this.#options.onimported();
		} catch (error) {
			console.error('Import failed', error);
			await this.#release(m.import_failed(), true);
		}
	}

	/** Cancel: before the write nothing was written; during it, the write is rolled back. */
	async cancel(): Promise<void> {
		const state = this.#flow.state;
		if (state.stage === 'writing') {
			// The job answers once nothing of the write is left; confirm() then says so.
			if (this.#flow.dispatch({ type: 'cancelling' })) state.job.cancel();
			return;
		}
		await this.#release(m.data_import_cancelled());
	}

	/** Leaving the screen leaves the import: a write in progress is rolled back. */
	destroy(): void {
		const state = this.#flow.state;
		if (state.stage !== 'idle') state.job.stop();
		this.#unhook?.();
	}

	#tell(text: string, isProblem = false): void {
		this.#message = text;
		this.#problem = isProblem;
	}

	/** Keeps the job until it ends; quick exit ends it at once (nothing of it is written). */
	#hold(job: ImportJob): void {
		this.#unhook?.();
		this.#unhook = beforeQuickExit(() => job.stop());
	}

	/** Ends the job (if any) and goes back to choosing a file, focus on the chooser. */
	async #release(text: string, isProblem = false): Promise<void> {
		const state = this.#flow.state;
		if (state.stage !== 'idle') state.job.stop();
		this.#unhook?.();
		this.#unhook = undefined;
		this.#flow.dispatch({ type: 'released' });
		this.#tell(text, isProblem);
		await this.#options.focus('chooser');
	}
}
