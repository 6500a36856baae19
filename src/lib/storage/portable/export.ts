/**
 * Everything Rustpunt keeps on the phone, out to a file. The file holds the person's words,
 * never sealed text, and only records an import would accept.
 */
import type { IndexableType } from 'dexie';
import * as v from 'valibot';
import type { TableName } from '../../records/export-file';
import { LockedError } from '../../security/locked-error';
import type { RustpuntDb } from '../db';
import { mapTexts, PLAIN_TEXT, type PrivateTextCodec } from '../private-text';
import {
	CLOCK_SLACK_MS,
	EXPORT_FORMAT,
	EXPORT_VERSION,
	isPlainObject,
	preferenceKey,
	preferenceValue,
	SETTING_KEYS,
	TABLE_NAMES,
	TABLES,
	type ExportedTables,
	type ExportFile
} from './schema';

/**
 * Everything on the device, read in one transaction so the file is one consistent moment.
 * Every record is checked as an import would check it, so the person's own file always
 * imports back: a damaged record is left out and counted in `leftOut`, for the screen to say.
 * Settings that stay on the device are not counted, and only preferences an import would
 * accept are kept. `now` is epoch ms.
 */
export async function exportAll(
	db: RustpuntDb,
	preferences: Record<string, string>,
	now: number,
	text: PrivateTextCodec = PLAIN_TEXT
): Promise<{ file: ExportFile; leftOut: number }> {
	const read = await db.transaction('r', TABLE_NAMES, () =>
		Promise.all(TABLE_NAMES.map((name) => db.table<unknown, IndexableType>(name).toArray()))
	);
	// The file holds the person's words, never sealed text: with the lock on, the app must be
	// unlocked (a text that cannot be opened refuses the whole export).
	const tables = await Promise.all(
		TABLE_NAMES.map((name, i) => openPrivate(name, read[i]!, readable(text)))
	);
	let leftOut = 0;
	// Checked as an import at this moment would check it.
	const moments = { latestMs: now + CLOCK_SLACK_MS };
	const kept = TABLE_NAMES.map((name, i) => {
		const schema = TABLES[name].record(moments);
		const travelling = tables[i]!.filter((record) => travels(name, record));
		const sound = travelling.filter((record) => v.is(schema, record));
		leftOut += travelling.length - sound.length;
		return [name, sound];
	});
	const file: ExportFile = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: now,
		...(Object.fromEntries(kept) as ExportedTables),
		preferences: Object.fromEntries(
			Object.entries(preferences).filter(
				([key, value]) => v.is(preferenceKey, key) && v.is(preferenceValue, value)
			)
		)
	};
	return { file, leftOut };
}

/** `open` that refuses, rather than leaves out, text it cannot read. */
export function readable(text: PrivateTextCodec) {
	return async (value: string) => {
		const opened = await text.open(value);
		if (opened === undefined) throw new LockedError();
		return opened;
	};
}

/** A table's records with their private text changed by `change` (other tables as they are). */
function openPrivate(
	name: TableName,
	records: unknown[],
	change: (text: string) => Promise<string>
): Promise<unknown[]> {
	return name === 'sessions' || name === 'urges' || name === 'lists'
		? Promise.all(records.map((record) => mapTexts(name, record, change)))
		: Promise.resolve(records);
}

/** Whether a stored record belongs in an export at all; the others stay on the device. */
function travels(name: TableName, record: unknown): boolean {
	return name !== 'settings' || (isPlainObject(record) && SETTING_KEYS.has(record.key));
}

/** The file's text: compact JSON, keys in the order written. */
export function exportJson(file: ExportFile): string {
	return JSON.stringify(file);
}
