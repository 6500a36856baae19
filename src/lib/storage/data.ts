import { LockedError } from '../security/locked-error';
import { getDb } from './db';
import { liveSessions, vault } from './index';
import { JournalStore } from './journal-store';
import { startImportJob, type ImportJob } from './portable/import-job';
import { sessionsCsv } from './portable/csv';
import { deleteAllData } from './portable/delete-all';
import { forgetHandedOver } from './handed-over';
import { exportAll, exportJson } from './portable/export';
import { storageStatus, type StorageStatus } from './persistence';
import type { CsvFormat, CsvLabels } from '../records/export-file';
import { MAX_IMPORT_BYTES } from '../records/import-limits';
import type { StoredSessionStatus } from '../records/sessions';

export type { CheckResult, ImportJob, WriteResult } from './portable/import-job';
export type { StorageStatus } from './persistence';

/**
 * The person's data as a whole, on the app's database: export, import, delete all, and how
 * the browser keeps it. Loaded only by the screens that need it (it carries the import
 * schema), never before an exercise starts.
 */
export const data = {
	/** Everything, as the text of a JSON export; damaged records are left out and counted. */
	async exportJson(
		preferences: Record<string, string>,
		nowMs: number
	): Promise<{ text: string; leftOut: number }> {
		await refuseWhileLocked();
		await markDeadSessions();
		const { file, leftOut } = await exportAll(getDb(), preferences, nowMs, vault());
		return { text: exportJson(file), leftOut };
	},
	/** The sessions as CSV for a spreadsheet. */
	async sessionsCsv(
		titleOf: (exerciseId: string) => string,
		labels: CsvLabels,
		statusOf: (status: StoredSessionStatus) => string,
		format?: CsvFormat
	): Promise<string> {
		await refuseWhileLocked();
		await markDeadSessions();
		return sessionsCsv(getDb(), titleOf, labels, statusOf, vault(), format);
	},
	/** Files larger than this are refused before they are read. */
	maxImportBytes: MAX_IMPORT_BYTES,
	/** A new import, run in a worker: check the file, then write it or let it go. */
	startImport(): ImportJob {
		return startImportJob();
	},
	/** The lock's opened key for the import worker, when the app is unlocked. */
	importKey(): CryptoKey | undefined {
		return vault().keyForWorker;
	},
	/** Empties every table, and forgets sessions kept for later; the app keeps working. */
	deleteAll(): Promise<void> {
		forgetHandedOver();
		return deleteAllData(getDb());
	},
	/** Whether the browser keeps the data, and how much space it takes. */
	status(): Promise<StorageStatus> {
		return storageStatus();
	},
	/** How many sessions are stored. */
	sessionCount(): Promise<number> {
		return new JournalStore(getDb()).count();
	}
};

/** An export with the lock on needs the app unlocked: it then holds the person's words. */
async function refuseWhileLocked(): Promise<void> {
	const lock = vault();
	if ((await lock.isOn()) && !lock.unlocked) throw new LockedError();
}

/** A file says what the journal says: sessions left running by a closed tab as interrupted. */
async function markDeadSessions(): Promise<void> {
	await liveSessions()
		.markDead()
		.catch((error: unknown) => console.warn('Could not check for interrupted sessions', error));
}
