/**
 * Writing a checked import file: all of it in one transaction, or nothing. It runs in a
 * worker (import-worker.ts), off the page's main thread.
 */
import type { IndexableType } from 'dexie';
import { localDayKey } from '../../records/days';
import type { ImportSummary, TableName } from '../../records/export-file';
import { MAX_PLAN_ITEMS, mayShowWhenLocked } from '../../records/safety-plan';
import type { RustpuntDb } from '../db';
import { contactsOnLockScreen, PlanStepFullError } from '../plan-store';
import { mapTexts, ownWords, PLAIN_TEXT, type PrivateTextCodec, type Seal } from '../private-text';
import { TABLE_NAMES, TABLES, type ExportFile } from './schema';

/** Counts what a checked file holds and how much of it the device already has. */
export async function summariseImport(db: RustpuntDb, file: ExportFile): Promise<ImportSummary> {
	const present = await db.transaction('r', keepDeviceTables(), async () => {
		let total = 0;
		for (const name of keepDeviceTables()) {
			total += (await existingKeys(db, name, file)).size;
		}
		return total;
	});
	const days = [
		...file.sessions.map((record) => record.day),
		...file.urges.map((record) => localDayKey(record.startedAt))
	].sort();
	const records = keepDeviceTables().reduce((sum, name) => sum + file[name].length, 0);
	return {
		sessions: file.sessions.length,
		urges: file.urges.length,
		listItems: file.lists.reduce((sum, record) => sum + record.items.length, 0),
		...(days.length > 0 && { firstDay: days[0], lastDay: days[days.length - 1] }),
		alreadyPresent: present,
		newRecords: records - present
	};
}

/** How far a write has come: records written of all those to write. */
export interface ImportProgress {
	done: number;
	total: number;
}

/** How an import is written: told of its progress, and stopped by `signal`. */
export interface ImportOptions {
	onProgress?: (progress: ImportProgress) => void;
	signal?: AbortSignal;
}

/** Records written at once: each batch is one request, and between two the import can stop. */
const WRITE_BATCH = 2000;

/**
 * Writes a checked file: new sessions and urges are added (the device's copy of a known one
 * wins), lists are joined, settings are put. Private text is sealed first when the lock is on.
 *
 * All or nothing: everything is written in ONE transaction over every table, in batches of
 * WRITE_BATCH records, so that progress can be told and a cancel (`signal`) can stop it
 * between two batches. A transaction cannot be held open across anything but its own
 * requests, and it does not need to be: the whole import runs in a worker (import-worker.ts),
 * so the page's main thread never waits on it. Stopping throws inside the transaction, and
 * IndexedDB rolls back everything it wrote; a write that fails does the same; and a page
 * closed (or left by quick exit) mid-import ends the worker, whose transaction never commits.
 * So the database is as it was, or holds all of the file; there is nothing half-written to
 * find and undo on the next open. Preferences are left to the caller, after this resolves.
 */
export async function applyImport(
	db: RustpuntDb,
	checked: ExportFile,
	text: PrivateTextCodec = PLAIN_TEXT,
	options: ImportOptions = {}
): Promise<{ added: number; skipped: number }> {
	return text.write(
		TABLE_NAMES.map((name) => db.table(name)),
		async (seal) => {
			const open = await contactsOnLockScreen(db);
			return {
				open,
				file: await sealImport(db, checked, stoppable(seal, options.signal), text, open)
			};
		},
		({ open, file }) => writeImport(db, file, options, open)
	);
}

/** `seal` that stops (throws) once `signal` is aborted. */
function stoppable(seal: Seal, signal: AbortSignal | undefined): Seal {
	return (value) => {
		signal?.throwIfAborted();
		return seal(value);
	};
}

/**
 * Writes a checked (and sealed) file in one transaction, batch by batch (see applyImport).
 * `open` is the lock-screen choice the file was sealed for; changed meanwhile (in another
 * tab), the write is refused rather than leave the plan's numbers open against the choice.
 */
function writeImport(
	db: RustpuntDb,
	file: ExportFile,
	{ onProgress, signal }: ImportOptions,
	open: boolean
): Promise<{ added: number; skipped: number }> {
	return db.transaction('rw', TABLE_NAMES, async () => {
		signal?.throwIfAborted();
		if ((await contactsOnLockScreen(db)) !== open) {
			throw new Error('The lock-screen choice changed while importing');
		}
		const total = TABLE_NAMES.reduce((sum, name) => sum + file[name].length, 0);
		let done = 0;
		let added = 0;
		let skipped = 0;
		const wrote = (count: number) => {
			done += count;
			onProgress?.({ done, total });
			// Throwing here aborts the transaction: nothing of the batches before stays.
			signal?.throwIfAborted();
		};
		onProgress?.({ done, total });
		for (const name of TABLE_NAMES) {
			const { key, merge } = TABLES[name];
			const table = db.table<object, IndexableType>(name);
			const records: readonly object[] = file[name];
			if (merge === 'keep-device') {
				// Batch by batch: which of its records the device has, then add the others.
				const keyOf = (record: object) => (record as Record<string, unknown>)[key] as IndexableType;
				for (let at = 0; at < records.length; at += WRITE_BATCH) {
					const batch = records.slice(at, at + WRITE_BATCH);
					const existing = new Set(await table.where(':id').anyOf(batch.map(keyOf)).primaryKeys());
					const fresh = batch.filter((record) => !existing.has(keyOf(record)));
					await table.bulkAdd(fresh);
					added += fresh.length;
					skipped += batch.length - fresh.length;
					wrote(batch.length);
				}
			} else if (merge === 'join-items') {
				for (const record of file.lists) {
					const current = (await db.lists.get(record.id))?.items ?? [];
					const items = current.filter((item) => typeof item === 'string');
					const known = new Set(items);
					await db.lists.put({
						...record,
						items: [...items, ...record.items.filter((item) => !known.has(item))]
					});
					wrote(1);
				}
			} else {
				await table.bulkPut(records);
				wrote(records.length);
			}
		}
		return { added, skipped };
	});
}

/**
 * The file with its private text sealed when the lock is on, done before the write (an
 * IndexedDB transaction ends while WebCrypto works). List items already on the device are
 * left out here, compared as text, since sealed copies of the same words never look alike.
 *
 * Whether the people to call (steps 4 and 5) stay unsealed for the lock screen is `open`, the
 * device's one choice for both steps; a file's own `onLockScreen` is never followed. Only the
 * person on this device lets their numbers show while the app is locked.
 */
async function sealImport(
	db: RustpuntDb,
	file: ExportFile,
	seal: Seal,
	text: PrivateTextCodec,
	contactsOpen: boolean
): Promise<ExportFile> {
	const lists = await Promise.all(
		file.lists.map(async (record) => {
			const device = await db.lists.get(record.id);
			const stored = device?.items ?? [];
			const known = new Set(
				await Promise.all(stored.filter((i) => typeof i === 'string').map(text.open))
			);
			const fresh = record.items.filter((item) => !known.has(item));
			// Joined with the device's entries, a plan step may not grow past what a step holds:
			// refused here, before anything is written.
			if (record.id !== 'reality' && stored.length + fresh.length > MAX_PLAN_ITEMS) {
				throw new PlanStepFullError(record.id);
			}
			// Such a list stays unsealed (see private-text.ts).
			const open = contactsOpen && mayShowWhenLocked(record.id);
			const items = await Promise.all(
				fresh.map((item) => (open ? Promise.resolve(ownWords(item)) : seal(item)))
			);
			return open
				? { id: record.id, items, onLockScreen: true as const }
				: { id: record.id, items };
		})
	);
	return {
		...file,
		sessions: await Promise.all(file.sessions.map((r) => mapTexts('sessions', r, seal))),
		urges: await Promise.all(file.urges.map((r) => mapTexts('urges', r, seal))),
		lists
	};
}

function keepDeviceTables(): TableName[] {
	return TABLE_NAMES.filter((name) => TABLES[name].merge === 'keep-device');
}

// anyOf() takes its keys as one argument; chunks keep each query a sensible size.
const KEY_CHUNK = 5000;

/** The keys of a table's records in the file that the device already has. */
async function existingKeys(
	db: RustpuntDb,
	name: TableName,
	file: ExportFile
): Promise<Set<IndexableType>> {
	const { key } = TABLES[name];
	const records: readonly object[] = file[name];
	const keys = records.map((record) => (record as Record<string, unknown>)[key] as IndexableType);
	const found = new Set<IndexableType>();
	for (let i = 0; i < keys.length; i += KEY_CHUNK) {
		const chunk = keys.slice(i, i + KEY_CHUNK);
		for (const existing of await db.table(name).where(':id').anyOf(chunk).primaryKeys()) {
			found.add(existing);
		}
	}
	return found;
}
