import {
	backupProblemText,
	formatCount,
	importProblemText,
	planJoinedFullText
} from '../i18n/import-text';
import { m } from '../paraglide/messages';
import { beforeQuickExit } from '../safety/quick-exit';
import type { ImportSummary } from '../records/export-file';
import {
	BACKUP_HEADER_BYTES,
	isSealedBackup,
	openBackup,
	readBackupHeader
} from '../security/backup-crypto';
import type { ImportJob } from '../storage/data';
import { Flow } from './flow.svelte';
import { loadData } from './gateway';
import { forgetPatternNames } from './pattern-names.svelte';
import { preferences } from './preferences.svelte';

// The file is read, checked and written by a worker (the job), so the page stays free to
// scroll, to tap and above all to leave at once. Nothing is written until the person has
// seen the summary and confirmed; a cancel while writing leaves everything as it was.
// An encrypted backup first asks its passphrase ('passphrase'), is opened on the page (WebCrypto
// works off the main thread), and its text then goes through the very same check and write.
export type ImportFlowState =
	| { readonly stage: 'idle' }
	| {
			readonly stage: 'passphrase';
			/** The sealed file's bytes, kept only until it is opened or let go. */
			readonly bytes: Uint8Array;
			/** True while the passphrase is being tried (it takes a moment). */
			readonly opening: boolean;
	  }
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
	| { readonly type: 'sealed'; readonly bytes: Uint8Array }
	| { readonly type: 'opening' }
	| { readonly type: 'refused' }
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
		case 'sealed':
			if (state.stage !== 'idle') return state;
			return { stage: 'passphrase', bytes: event.bytes, opening: false };
		case 'opening':
			if (state.stage !== 'passphrase' || state.opening) return state;
			return { ...state, opening: true };
		case 'refused':
			if (state.stage !== 'passphrase' || !state.opening) return state;
			return { ...state, opening: false };
		case 'started':
			// A plain file starts from choosing; a backup once its passphrase opened it.
			if (state.stage === 'passphrase' ? !state.opening : state.stage !== 'idle') return state;
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

/**
 * Where the screen should put focus after a step: the file chooser, the passphrase of a
 * backup, the summary, Cancel.
 */
export type ImportFocus = 'chooser' | 'passphrase' | 'summary' | 'cancel';

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

	/**
	 * A file chosen: refused when too large; an encrypted backup asks its passphrase first;
	 * otherwise checked by a job, nothing written.
	 */
	async choose(picked: File): Promise<void> {
		if (this.#flow.state.stage !== 'idle') return;
		try {
			const data = await loadData();
			const start = new Uint8Array(await picked.slice(0, BACKUP_HEADER_BYTES).arrayBuffer());
			if (isSealedBackup(start)) {
				await this.#chooseSealed(picked, data.maxImportBytes);
				return;
			}
			// Size first: a huge file is refused before it is read at all.
			if (picked.size > data.maxImportBytes) {
				this.#tell(importProblemText({ code: 'too-large', maxBytes: data.maxImportBytes }), true);
				return;
			}
			await this.#check(picked);
		} catch (error) {
			console.error('Could not read the import', error);
			await this.#release(m.import_failed(), true);
		}
	}

	/**
	 * Tries the passphrase of the chosen backup (once per tap; it takes a moment). A wrong one
	 * is said and asked again; a damaged file is let go. Opened, it is checked like any export.
	 */
	async open(passphrase: string): Promise<void> {
		const state = this.#flow.state;
		if (state.stage !== 'passphrase' || !this.#flow.dispatch({ type: 'opening' })) return;
		this.#tell(m.backup_opening());
		try {
			const opened = await openBackup(state.bytes, passphrase);
			// Cancelled meanwhile: the cancel has said so already.
			if (this.#flow.state.stage !== 'passphrase') return;
			if (!opened.ok) {
				if (opened.problem === 'wrong-passphrase') {
					this.#flow.dispatch({ type: 'refused' });
					this.#tell(backupProblemText(opened.problem), true);
					await this.#options.focus('passphrase');
				} else {
					await this.#release(backupProblemText(opened.problem), true);
				}
				return;
			}
			const file = new File([opened.text], 'export.json', { type: 'application/json' });
			await this.#check(file);
		} catch (error) {
			console.error('Could not open the backup', error);
			await this.#release(m.import_failed(), true);
		}
	}

	/** A sealed backup: refused at once when too large, damaged or newer; else asks its passphrase. */
	async #chooseSealed(picked: File, maxImportBytes: number): Promise<void> {
		// The sealed text is its export plus a header and a tag: the same limit holds.
		if (picked.size > maxImportBytes + BACKUP_HEADER_BYTES + 16) {
			this.#tell(importProblemText({ code: 'too-large', maxBytes: maxImportBytes }), true);
			return;
		}
		const bytes = new Uint8Array(await picked.arrayBuffer());
		const header = await readBackupHeader(bytes);
		if (!header.ok) {
			this.#tell(backupProblemText(header.problem), true);
			return;
		}
		this.#flow.dispatch({ type: 'sealed', bytes });
		this.#tell(m.backup_restore_ask());
		await this.#options.focus('passphrase');
	}

	/** Checks a file in a job (the worker): the summary, or why it is refused. */
	async #check(picked: File): Promise<void> {
		const data = await loadData();
		const job = data.startImport();
		this.#hold(job);
		if (!this.#flow.dispatch({ type: 'started', job })) {
			job.stop();
			return;
		}
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
				if ('planStepFull' in result) {
					await this.#release(planJoinedFullText(result.planStepFull), true);
				} else await this.#release(m.data_import_cancelled());
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
		if ('job' in state) state.job.stop();
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
		if ('job' in state) state.job.stop();
		this.#unhook?.();
		this.#unhook = undefined;
		this.#flow.dispatch({ type: 'released' });
		this.#tell(text, isProblem);
		await this.#options.focus('chooser');
	}
}
