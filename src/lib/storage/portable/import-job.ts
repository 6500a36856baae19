/**
 * The page's side of an import: a worker (import-worker.ts) reads, checks, summarises and
 * writes the file, so the page's main thread stays free for the person (and for quick exit)
 * however large the file is. Only counts, a summary and small replies cross between them.
 */
import type { ImportProblem, ImportSummary } from '../../records/export-file';
import type { ImportProgress } from './import-write';

/** What the page asks the worker. */
export type ImportRequest =
	| { type: 'check'; file: File; nowMs: number }
	| { type: 'write'; key?: CryptoKey }
	| { type: 'cancel' };

/** What the worker answers. */
export type ImportReply =
	| {
			type: 'checked';
			result:
				| { ok: true; summary: ImportSummary; preferences: Record<string, string> }
				| { ok: false; problem: ImportProblem };
	  }
	| { type: 'progress'; progress: ImportProgress }
	| { type: 'written'; added: number; skipped: number }
	| { type: 'cancelled' }
	/** `planStepFull`: the file's entries and the device's together overfill that plan step. */
	| { type: 'failed'; message: string; planStepFull?: string };

/** A checked file, as the page sees it. */
export type CheckResult = Extract<ImportReply, { type: 'checked' }>['result'];

/** How a write ended: written, or cancelled with nothing changed. */
export type WriteResult =
	| { ok: true; added: number; skipped: number }
	| { ok: false; cancelled: true }
	/** Nothing was written: joined with the device's, the file's entries overfill a plan step. */
	| { ok: false; planStepFull: string };

/**
 * One import, from choosing the file until it is written or given up. Each step waits for the
 * worker's answer; `stop` ends the worker at once (a write in progress is rolled back).
 */
export class ImportJob {
	readonly #worker: Worker;
	#pending: ((reply: ImportReply) => void) | undefined;
	#onProgress: ((progress: ImportProgress) => void) | undefined;

	constructor(worker: Worker) {
		this.#worker = worker;
		worker.onmessage = (event: MessageEvent<ImportReply>) => {
			if (event.data.type === 'progress') this.#onProgress?.(event.data.progress);
			else this.#settle(event.data);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			this.#settle({ type: 'failed', message: event.message || 'The import worker failed' });
		};
	}

	/**
	 * Reads and checks the file in the worker; `nowMs` is the moment of the import.
	 * Undefined when the job was stopped meanwhile.
	 */
	async check(file: File, nowMs: number): Promise<CheckResult | undefined> {
		const reply = await this.#ask({ type: 'check', file, nowMs });
		if (reply.type === 'cancelled') return undefined;
		if (reply.type !== 'checked') throw new Error(failure(reply));
		return reply.result;
	}

	/**
	 * Writes the checked file, telling `onProgress` how far it is. `key` opens the lock's
	 * text, when the app is unlocked (the worker compares stored list items as text).
	 */
	async write(
		key: CryptoKey | undefined,
		onProgress: (progress: ImportProgress) => void
	): Promise<WriteResult> {
		this.#onProgress = onProgress;
		const reply = await this.#ask({ type: 'write', ...(key && { key }) });
		this.stop();
		if (reply.type === 'written') return { ok: true, added: reply.added, skipped: reply.skipped };
		if (reply.type === 'cancelled') return { ok: false, cancelled: true };
		if (reply.type === 'failed' && reply.planStepFull) {
			return { ok: false, planStepFull: reply.planStepFull };
		}
		throw new Error(failure(reply));
	}

	/** Asks a running write to stop; it answers 'cancelled' once nothing of it is left. */
	cancel(): void {
		this.#worker.postMessage({ type: 'cancel' } satisfies ImportRequest);
	}

	/** Ends the worker now. A write in progress never commits: the database stays as it was. */
	stop(): void {
		this.#worker.terminate();
		this.#settle({ type: 'cancelled' });
	}

	#ask(request: ImportRequest): Promise<ImportReply> {
		return new Promise((resolve) => {
			this.#pending = resolve;
			this.#worker.postMessage(request);
		});
	}

	#settle(reply: ImportReply): void {
		const pending = this.#pending;
		this.#pending = undefined;
		pending?.(reply);
	}
}

function failure(reply: ImportReply): string {
	return reply.type === 'failed' ? reply.message : `Unexpected reply: ${reply.type}`;
}

/** Starts an import worker (its code is loaded only now, and precached for offline use). */
export function startImportJob(): ImportJob {
	return new ImportJob(
		new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })
	);
}
