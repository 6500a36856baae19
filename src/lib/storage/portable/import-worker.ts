/**
 * The import, off the page's main thread: reads the file, parses and checks it, summarises it
 * against the device's database, and writes it in one transaction, batch by batch, telling
 * the page how far it is. A cancel stops the write and rolls it back (see applyImport).
 */
import { MAX_IMPORT_BYTES } from '../../records/import-limits';
import { getDb } from '../db';
import { PlanStepFullError } from '../plan-store';
import { Vault } from '../vault';
import { parseImport } from './import-check';
import type { ImportReply, ImportRequest } from './import-job';
import { applyImport, summariseImport } from './import-write';
import type { ExportFile } from './schema';

/** The worker's global scope, as far as it is used here (the DOM's types describe a window). */
const scope = self as unknown as {
	postMessage(reply: ImportReply): void;
	onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};

let checked: ExportFile | undefined;
let stopping: AbortController | undefined;

function reply(message: ImportReply): void {
	scope.postMessage(message);
}

scope.onmessage = (event) => {
	const request = event.data;
	if (request.type === 'cancel') {
		stopping?.abort();
		return;
	}
	const work = request.type === 'check' ? check(request.file, request.nowMs) : write(request.key);
	work.catch((error: unknown) => {
		// Stopped by the person: the transaction was rolled back (Dexie wraps the abort's error,
		// so the signal says whether it was a cancel, not the error's class).
		if (stopping?.signal.aborted) reply({ type: 'cancelled' });
		else {
			reply({
				type: 'failed',
				message: error instanceof Error ? error.message : String(error),
				...(error instanceof PlanStepFullError && { planStepFull: error.listId })
			});
		}
	});
};

async function check(file: File, nowMs: number): Promise<void> {
	// Size first: a huge file is refused before it is read into memory.
	const parsed =
		file.size > MAX_IMPORT_BYTES
			? ({ ok: false, problem: { code: 'too-large', maxBytes: MAX_IMPORT_BYTES } } as const)
			: parseImport(await file.text(), { nowMs, sizeBytes: file.size });
	if (!parsed.ok) {
		reply({ type: 'checked', result: parsed });
		return;
	}
	checked = parsed.file;
	const summary = await summariseImport(getDb(), parsed.file);
	reply({
		type: 'checked',
		result: { ok: true, summary, preferences: parsed.file.preferences }
	});
}

async function write(key: CryptoKey | undefined): Promise<void> {
	if (!checked) throw new Error('Nothing was checked to write');
	const db = getDb();
	// Seals for the lock as it is when written, like every write of private text.
	const vault = new Vault(db);
	if (key) vault.useKey(key);
	stopping = new AbortController();
	const result = await applyImport(db, checked, vault, {
		signal: stopping.signal,
		onProgress: (progress) => reply({ type: 'progress', progress })
	});
	reply({ type: 'written', ...result });
}
