/** The sessions as CSV, for a spreadsheet. */
import type { CsvFormat, CsvLabels } from '../../records/export-file';
import {
	isSessionRecord,
	type SessionRecord,
	type StoredSessionStatus
} from '../../records/sessions';
import type { RustpuntDb } from '../db';
import { PLAIN_TEXT, type PrivateTextCodec } from '../private-text';
import { readable } from './export';

const CSV_COLUMNS = [
	'date',
	'time',
	'exercise',
	'minutes',
	'status',
	'distressBefore',
	'distressAfter',
	'note'
] as const satisfies readonly (keyof CsvLabels)[];

/**
 * Every session as CSV (RFC 4180, CRLF), oldest first, for a spreadsheet. Starts with a BOM so
 * Excel reads the accents as UTF-8. `format` picks the separator and decimal mark the
 * spreadsheets of the app's language expect (Dutch Excel splits on semicolons, not commas). A damaged record is left out rather than shown wrongly.
 * Exercise titles and statuses are words in the app's language, from `titleOf` and `statusOf`.
 * The date is the stored local day; the time is the device's local time. A session practised
 * in another time zone may therefore show a time that, on this device's clock, falls on a
 * neighbouring date: it is still the time the device shows for that moment.
 */
export async function sessionsCsv(
	db: RustpuntDb,
	titleOf: (exerciseId: string) => string,
	labels: CsvLabels,
	statusOf: (status: StoredSessionStatus) => string,
	text: PrivateTextCodec = PLAIN_TEXT,
	format: CsvFormat = { separator: ',', decimal: '.' }
): Promise<string> {
	const line = (cells: readonly string[]) => csvLine(cells, format.separator);
	const lines = [line(CSV_COLUMNS.map((column) => labels[column]))];
	const records: SessionRecord[] = [];
	await db.sessions.orderBy('startedAt').each((record: unknown) => {
		if (isSessionRecord(record)) records.push(record);
	});
	const open = readable(text);
	for (const record of records) {
		const note = record.note === undefined ? undefined : await open(record.note);
		lines.push(line(sessionCells({ ...record, note }, titleOf, statusOf, format.decimal)));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function sessionCells(
	record: SessionRecord,
	titleOf: (exerciseId: string) => string,
	statusOf: (status: StoredSessionStatus) => string,
	decimal: CsvFormat['decimal']
): string[] {
	const started = new Date(record.startedAt);
	const hh = String(started.getHours()).padStart(2, '0');
	const mm = String(started.getMinutes()).padStart(2, '0');
	return [
		record.day,
		`${hh}:${mm}`,
		titleOf(record.exerciseId),
		// toFixed always writes '.', whatever the locale: the format's mark replaces it.
		(record.activeMs / 60_000).toFixed(1).replace('.', decimal),
		statusOf(record.status),
		record.distressBefore === undefined ? '' : String(record.distressBefore),
		record.distressAfter === undefined ? '' : String(record.distressAfter),
		record.note ?? ''
	];
}

function csvLine(cells: readonly string[], separator: CsvFormat['separator']): string {
	return cells.map((cell) => csvCell(cell, separator)).join(separator);
}

/**
 * One CSV field. A cell a spreadsheet would run as a formula gets a leading apostrophe; the
 * numbers written here never start with one of those characters, so they are never changed.
 */
function csvCell(value: string, separator: CsvFormat['separator']): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	const quoted = /["\r\n]/.test(safe) || safe.includes(separator);
	return quoted ? `"${safe.replaceAll('"', '""')}"` : safe;
}
