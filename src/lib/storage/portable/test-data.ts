/**
 * The records and the fresh database the tests of export and import share. Imported by
 * tests only.
 */
import { afterEach, beforeEach } from 'vitest';
import { localDayKey } from '../../records/days';
import type { SessionRecord } from '../../records/sessions';
import type { UrgeRecord } from '../../records/urges';
import { RustpuntDb } from '../db';
import { exportAll, exportJson } from './export';
import { parseImport } from './import-check';
import { applyImport } from './import-write';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from './schema';

/** The database of the test that runs (see useFreshDb). */
export let db: RustpuntDb;
let name = 0;

/** Gives every test of the file that calls this a new, empty database, deleted after it. */
export function useFreshDb(prefix: string): void {
	beforeEach(() => {
		db = new RustpuntDb(`${prefix}-${++name}`);
	});
	afterEach(async () => {
		await db.delete();
	});
}

/** Epoch ms of a local date and time, so days and hours read the same in every time zone. */
export const at = (day: number, hour: number, minute = 0) =>
	new Date(2026, 2, day, hour, minute).getTime();

export function session(
	id: string,
	startedAt: number,
	extra: Partial<SessionRecord> = {}
): SessionRecord {
	return {
		id,
		exerciseId: 'extended-exhale',
		startedAt,
		day: localDayKey(startedAt),
		endedAt: startedAt + 180_000,
		activeMs: 180_000,
		plannedMs: 180_000,
		status: 'completed',
		...extra
	};
}

export const SESSIONS: SessionRecord[] = [
	session('s1', at(8, 9), { distressBefore: 6, distressAfter: 3, holds: true }),
	session('s2', at(9, 21, 30), {
		exerciseId: 'grounding-senses',
		status: 'stopped',
		activeMs: 90_000,
		stepsDone: ['arrive', 'see'],
		tooMuch: 1,
		choices: { posture: 'sitting', eyes: 'open' },
		noticed: [{ step: 'see', count: 5, text: 'lamp, plant, deur' }],
		note: 'Rustiger dan gisteren, "echt".'
	}),
	session('s3', at(12, 7), { status: 'interrupted', activeMs: 30_000 })
];

export const URGES: UrgeRecord[] = [
	{
		id: 'u1',
		startedAt: at(9, 23),
		intensity: 8,
		hope: 'dat hij zegt dat het hem spijt',
		bodyPlace: 'keel',
		giveInstead: 'rust',
		helped: 'body',
		waitedMs: 600_000,
		contact: 'no'
	},
	{ id: 'u2', startedAt: at(10, 14) }
];

export const REALITY = ['Hij kwam afspraken niet na.', 'Ik sliep slecht.'];

export async function fill(): Promise<void> {
	await db.sessions.bulkAdd(SESSIONS);
	await db.urges.bulkAdd(URGES);
	await db.lists.put({ id: 'reality', items: REALITY });
	await db.settings.bulkPut([
		{ key: 'streaks', value: true },
		{ key: 'persistAsked', value: false }
	]);
}

/** Every table's records, to compare before and after. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
	const tables: Record<string, unknown[]> = {};
	for (const table of db.tables) tables[table.name] = await table.toArray();
	return tables;
}

/** A valid export file as plain JSON data, to spoil in one place per test. */
export function validData(): Record<string, unknown> {
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: at(13, 12),
		sessions: structuredClone(SESSIONS),
		urges: structuredClone(URGES),
		lists: [{ id: 'reality', items: [...REALITY] }],
		settings: [{ key: 'streaks', value: true }],
		preferences: { 'rustpunt:muted': 'true', 'rustpunt:voice-id:nl': 'anna' }
	};
}

/** The sessions of a file's data, to change. */
export function sessionsOf(data: Record<string, unknown>): Record<string, unknown>[] {
	return data.sessions as Record<string, unknown>[];
}

/** The text of an export of the whole device. */
export async function exportText(preferences: Record<string, string> = {}, now = at(13, 12)) {
	return exportJson((await exportAll(db, preferences, now)).file);
}

/** What the data screen does with a chosen file: check it, and only then write it. */
export async function importText(text: string): Promise<ReturnType<typeof parseImport>> {
	const parsed = parseImport(text);
	if (parsed.ok) await applyImport(db, parsed.file);
	return parsed;
}

/** The checked file of an export's text; the test fails if it is refused. */
export function parsedFile(text: string): ExportFile {
	const parsed = parseImport(text);
	if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
	return parsed.file;
}
