/**
 * Data portability: everything Rustpunt keeps on the phone, out to a file and back in.
 * An import is checked completely before anything is written, and is written in one
 * transaction, so a bad or hostile file changes nothing.
 */
import type { IndexableType } from 'dexie';
import * as v from 'valibot';
import { isDayKey, localDayKey } from '../journal/days';
import { SETTINGS, SETTING_KEYS as APP_SETTING_KEYS } from '../settings/schema';
import { LockedError } from '../security/locked-error';
import type { RustpuntDb } from './db';
import { mapTexts, PLAIN_TEXT, type PrivateTextCodec, type Seal } from './private-text';
import { isSessionRecord, type SessionRecord, type StoredSessionStatus } from './sessions';
import { MAX_TEXT_LENGTH } from './urges';

/** What an export file says it is. */
export const EXPORT_FORMAT = 'rustpunt-export';
/** The version of the export format this code writes and reads. */
export const EXPORT_VERSION = 1;
/** Files bigger than this are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

// Deeper than any real export (file > table > record > list > entry): more means hostile.
const MAX_DEPTH = 8;
// Latest moment a Date can hold; later "times" cannot be shown as a day or an hour.
const MAX_EPOCH_MS = 8.64e15;
// The last moment of the year 3000: a file written later comes from a broken clock or a forger.
const LATEST_EXPORT_MS = Date.UTC(3001, 0, 1) - 1;
const DAY_MS = 86_400_000;
// How far a record may start after the file was written: a phone's clock may have been off.
const CLOCK_SLACK_MS = DAY_MS;
const PREFERENCE_KEY = /^rustpunt:[a-z-]+(:[a-z0-9-]+)?$/;
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0));
const time = v.pipe(amount, v.maxValue(MAX_EPOCH_MS));
const exportTime = v.pipe(time, v.maxValue(LATEST_EXPORT_MS, 'Invalid time: after the year 3000'));
/** When a record in a file written at `exportedAt` (epoch ms) may have started. */
const startTime = (exportedAt: number) =>
	v.pipe(
		time,
		v.maxValue(
			exportedAt + CLOCK_SLACK_MS,
			'Invalid start: more than a day after the file was written'
		)
	);
const rating = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A distance of the boundary exercise in metres; the scene and a room are never wider. */
const metres = v.pipe(amount, v.maxValue(100));

/** One round of the boundary exercise (STOP / GA TERUG), on the screen or with someone. */
const boundaryRound = v.strictObject({
	stopDistanceM: v.optional(metres),
	stopSteps: v.optional(v.pipe(count, v.maxValue(1000))),
	reachedMinimum: v.optional(v.boolean()),
	wentBack: v.optional(v.boolean()),
	speed: v.optional(v.picklist(['slow', 'medium', 'fast'])),
	startDistanceM: v.optional(metres),
	side: v.optional(v.picklist(['front', 'left', 'right']))
});

/**
 * One session in a file written at `exportedAt`. Its day is the local day it started on, and
 * time zones run from UTC-12 to UTC+14, so that day is at most one day from the UTC date.
 */
const session = (exportedAt: number) =>
	v.pipe(
		v.strictObject({
			id,
			exerciseId: id,
			startedAt: startTime(exportedAt),
			day: v.pipe(
				v.string(),
				v.check(
					(value: string) => isDayKey(value),
					'Invalid day: expected a real date as YYYY-MM-DD'
				)
			),
			endedAt: time,
			activeMs: amount,
			plannedMs: amount,
			status: v.picklist(['running', 'completed', 'stopped', 'interrupted']),
			distressBefore: v.optional(rating),
			distressAfter: v.optional(rating),
			holds: v.optional(v.boolean()),
			stepsDone: v.optional(v.pipe(v.array(text(100)), v.maxLength(100))),
			tooMuch: v.optional(count),
			choices: v.optional(v.pipe(v.record(text(50), text(50)), v.maxEntries(10))),
			noticed: v.optional(
				v.pipe(
					v.array(v.strictObject({ step: text(100), count, text: text(2000) })),
					v.maxLength(50)
				)
			),
			note: v.optional(text(2000)),
			rounds: v.optional(v.pipe(v.array(boundaryRound), v.maxLength(200)))
		}),
		v.forward(
			v.partialCheck(
				[['startedAt'], ['endedAt']],
				(record) => record.endedAt >= record.startedAt,
				'Invalid end: before the start'
			),
			['endedAt']
		),
		v.forward(
			v.partialCheck(
				[['startedAt'], ['day']],
				(record) => Math.abs(dayNumber(record.day) - Math.floor(record.startedAt / DAY_MS)) <= 1,
				'Invalid day: more than a day from the date it started on'
			),
			['day']
		)
	);

/** One urge in a file written at `exportedAt`. */
const urge = (exportedAt: number) =>
	v.strictObject({
		id,
		startedAt: startTime(exportedAt),
		intensity: v.optional(rating),
		hope: v.optional(text(MAX_TEXT_LENGTH)),
		bodyPlace: v.optional(text(MAX_TEXT_LENGTH)),
		giveInstead: v.optional(text(MAX_TEXT_LENGTH)),
		helped: v.optional(v.picklist(['breathe', 'someone', 'body', 'write'])),
		waitedMs: v.optional(amount),
		contact: v.optional(v.picklist(['no', 'yes', 'unsaid']))
	});

const list = v.strictObject({
	id: v.literal('reality'),
	items: v.pipe(v.array(text(MAX_TEXT_LENGTH)), v.maxLength(10_000))
});

/** Seconds of one phase of an own pattern: steps of 0.5, never longer than 20. */
const phaseSeconds = v.pipe(v.number(), v.minValue(0), v.maxValue(20), v.multipleOf(0.5));

/**
 * An own breathing pattern. Stored as the person saved it; whether it may run is decided by
 * the pattern rules when it is opened, never by trusting the file.
 */
const pattern = (exportedAt: number) =>
	v.strictObject({
		id,
		name: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
		inhale: phaseSeconds,
		inhaleTop: phaseSeconds,
		holdIn: phaseSeconds,
		exhale: phaseSeconds,
		holdOut: phaseSeconds,
		length: v.variant('kind', [
			v.strictObject({
				kind: v.literal('cycles'),
				cycles: v.pipe(count, v.minValue(1), v.maxValue(1000))
			}),
			v.strictObject({
				kind: v.literal('minutes'),
				minutes: v.pipe(count, v.minValue(1), v.maxValue(120))
			})
		]),
		createdAt: startTime(exportedAt),
		updatedAt: startTime(exportedAt)
	});

const run = v.pipe(count, v.minValue(1), v.maxValue(10_000));

/** A programme the person follows or followed. */
const programme = (exportedAt: number) =>
	v.strictObject({
		programmeId: id,
		run,
		startedAt: startTime(exportedAt),
		status: v.picklist(['active', 'paused', 'left']),
		variant: v.optional(text(50))
	});

/** A programme day completed by a session. */
const programmeDay = (exportedAt: number) =>
	v.pipe(
		v.strictObject({
			id: v.pipe(v.string(), v.maxLength(220)),
			programmeId: id,
			run,
			day: v.pipe(count, v.minValue(1), v.maxValue(1000)),
			sessionId: id,
			completedAt: startTime(exportedAt)
		}),
		v.forward(
			v.check(
				(record) => record.id === `${record.programmeId}:${record.run}:${record.day}`,
				'Invalid id: expected programme:run:day'
			),
			['id']
		)
	);

/**
 * The settings that travel with the data, each with its value: the person's own choices.
 * Anything else stays on the device; `persistAsked` above all, so a new phone still asks its
 * browser to keep the data.
 */
const setting = v.variant('key', [
	v.strictObject({ key: v.literal('streaks'), value: v.boolean() }),
	v.strictObject({ key: v.literal('currentProgramme'), value: id }),
	// The app's settings (src/lib/settings/schema.ts), each value held to its own schema.
	...APP_SETTING_KEYS.map((key) =>
		v.strictObject({
			key: v.literal(key),
			value: v.custom(SETTINGS[key].valid, `Invalid value: not a possible ${key} setting`)
		})
	),
	v.strictObject({ key: v.literal('discreet'), value: v.boolean() }),
	v.strictObject({
		key: v.literal('noContactCount'),
		value: v.pipe(
			v.string(),
			v.check((value: string) => isDayKey(value), 'Invalid day: expected YYYY-MM-DD')
		)
	})
]);
const SETTING_KEYS: ReadonlySet<unknown> = new Set(
	setting.options.map((option) => option.entries.key.literal)
);

const preferenceKey = v.pipe(v.string(), v.maxLength(100), v.regex(PREFERENCE_KEY));
const preferenceValue = text(200);
const preferences = v.pipe(v.record(preferenceKey, preferenceValue), v.maxEntries(200));

/** How an import joins a table's records with the ones already on the device. */
type Merge =
	/** Add records whose key is new; the device's copy of a known one wins (it may be newer). */
	| 'keep-device'
	/** Per list: the device's items first, then the file's items the device lacks. */
	| 'join-items'
	/** Put every record: they are the person's own choices. */
	| 'put';

/** Which records of type R a table holds, what identifies one and how an import merges them. */
interface TableSpec<R> {
	/** The schema of one record in a file written at `exportedAt` (epoch ms). */
	readonly record: (exportedAt: number) => v.GenericSchema<unknown, R>;
	/** Most records a file may hold: no real phone comes near, a hostile file stops here. */
	readonly max: number;
	readonly key: keyof R & string;
	readonly merge: Merge;
}

/** The record type a table of the database holds. */
type RecordOf<T extends keyof RustpuntDb> = RustpuntDb[T] extends {
	filter(fn: (record: infer R) => boolean): unknown;
}
	? R
	: never;

/**
 * Every table an export carries, in the order the file lists them. Adding a table to the
 * export is one entry here (and the type checker holds its schema to the database's type).
 */
const TABLES = {
	sessions: { record: session, max: 200_000, key: 'id', merge: 'keep-device' },
	urges: { record: urge, max: 50_000, key: 'id', merge: 'keep-device' },
	lists: { record: () => list, max: 10, key: 'id', merge: 'join-items' },
	settings: { record: () => setting, max: 1000, key: 'key', merge: 'put' },
	patterns: { record: pattern, max: 1000, key: 'id', merge: 'keep-device' },
	programmes: { record: programme, max: 100, key: 'programmeId', merge: 'keep-device' },
	programmeDays: { record: programmeDay, max: 100_000, key: 'id', merge: 'keep-device' }
} as const satisfies { [T in keyof RustpuntDb]?: TableSpec<RecordOf<T>> };

type TableName = keyof typeof TABLES;
const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The records of every exported table, under the table's name. */
type ExportedTables = { [T in TableName]: RecordOf<T>[] };

/** An export file: every record of every table, and the small choices kept in localStorage. */
export interface ExportFile extends ExportedTables {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	/** Epoch ms. */
	exportedAt: number;
	/** localStorage choices such as 'rustpunt:muted', passed in and applied by the caller. */
	preferences: Record<string, string>;
}

/** The schema of a whole file written at `exportedAt`; its records are judged by that moment. */
function exportFile(exportedAt: number) {
	const tables = Object.fromEntries(
		TABLE_NAMES.map((name): [TableName, v.GenericSchema] => {
			const { record, max } = TABLES[name];
			return [name, v.pipe(v.array(record(exportedAt)), v.maxLength(max))];
		})
	) as { [T in TableName]: v.GenericSchema<unknown, RecordOf<T>[]> };
	return v.strictObject({
		format: v.literal(EXPORT_FORMAT),
		version: v.literal(EXPORT_VERSION),
		exportedAt: exportTime,
		...tables,
		preferences
	});
}

/** Why an import file was refused; `path` is like `sessions[12].distressAfter`. */
export type ImportProblem =
	| { code: 'too-large' }
	| { code: 'not-json' }
	| { code: 'not-rustpunt' }
	| { code: 'unknown-version'; version: string }
	| { code: 'invalid'; path: string; reason: string }
	| { code: 'unsafe-key'; path: string };

/** What an import file holds compared with the device, shown before the person confirms. */
export interface ImportSummary {
	sessions: number;
	urges: number;
	listItems: number;
	/** The first and last local day of a session or urge in the file. */
	firstDay?: string;
	lastDay?: string;
	/** Sessions and urges whose id already exists on the device (they are left as they are). */
	alreadyPresent: number;
	/** Sessions and urges an import would add. */
	newRecords: number;
}

/** Column headers of the sessions CSV, translated by the caller. */
export interface CsvLabels {
	date: string;
	time: string;
	exercise: string;
	minutes: string;
	status: string;
	distressBefore: string;
	distressAfter: string;
	note: string;
}

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
	const kept = TABLE_NAMES.map((name, i) => {
		const schema = TABLES[name].record(now);
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
function readable(text: PrivateTextCodec) {
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

/** Days since 1970-01-01 of a day key, read as a UTC date so no clock change bends the count. */
function dayNumber(key: string): number {
	const [y, m, d] = key.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The file's text: compact JSON, keys in the order written. */
export function exportJson(file: ExportFile): string {
	return JSON.stringify(file);
}

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
 * Excel reads the accents as UTF-8. A damaged record is left out rather than shown wrongly.
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
	text: PrivateTextCodec = PLAIN_TEXT
): Promise<string> {
	const lines = [csvLine(CSV_COLUMNS.map((column) => labels[column]))];
	const records: SessionRecord[] = [];
	await db.sessions.orderBy('startedAt').each((record: unknown) => {
		if (isSessionRecord(record)) records.push(record);
	});
	const open = readable(text);
	for (const record of records) {
		const note = record.note === undefined ? undefined : await open(record.note);
		lines.push(csvLine(sessionCells({ ...record, note }, titleOf, statusOf)));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function sessionCells(
	record: SessionRecord,
	titleOf: (exerciseId: string) => string,
	statusOf: (status: StoredSessionStatus) => string
): string[] {
	const started = new Date(record.startedAt);
	const hh = String(started.getHours()).padStart(2, '0');
	const mm = String(started.getMinutes()).padStart(2, '0');
	return [
		record.day,
		`${hh}:${mm}`,
		titleOf(record.exerciseId),
		// toFixed always writes '.', whatever the locale.
		(record.activeMs / 60_000).toFixed(1),
		statusOf(record.status),
		record.distressBefore === undefined ? '' : String(record.distressBefore),
		record.distressAfter === undefined ? '' : String(record.distressAfter),
		record.note ?? ''
	];
}

function csvLine(cells: readonly string[]): string {
	return cells.map(csvCell).join(',');
}

/**
 * One CSV field. A cell a spreadsheet would run as a formula gets a leading apostrophe; the
 * numbers written here never start with one of those characters, so they are never changed.
 */
function csvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Reads an export file's text and checks all of it: size, JSON, format, version, keys that
 * could pollute prototypes, nesting, the schema of every record, and duplicate ids.
 * `sizeBytes` is the file's size when known, checked too.
 */
export function parseImport(
	text: string,
	sizeBytes = 0
): { ok: true; file: ExportFile } | { ok: false; problem: ImportProblem } {
	const refuse = (problem: ImportProblem) => ({ ok: false as const, problem });
	if (text.length > MAX_IMPORT_BYTES || sizeBytes > MAX_IMPORT_BYTES) {
		return refuse({ code: 'too-large' });
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return refuse({ code: 'not-json' });
	}
	if (!isPlainObject(data) || data.format !== EXPORT_FORMAT) {
		return refuse({ code: 'not-rustpunt' });
	}
	if (data.version !== EXPORT_VERSION) {
		return refuse({ code: 'unknown-version', version: describeVersion(data.version) });
	}
	const hostile = checkTree(data, []);
	if (hostile) return refuse(hostile);

	// A table missing from a file reads as empty, so files written before it existed import.
	const empty = Object.fromEntries(TABLE_NAMES.map((name) => [name, []]));
	// Records are judged by when the file says it was written; a bad `exportedAt` is refused
	// before any record is looked at (it comes first in the schema), whatever stands in for it.
	const exportedAt = v.is(exportTime, data.exportedAt) ? data.exportedAt : 0;
	const result = v.safeParse(exportFile(exportedAt), { ...empty, ...data }, { abortEarly: true });
	if (!result.success) {
		const issue = result.issues[0];
		return refuse({
			code: 'invalid',
			path: formatPath(issue.path?.map((item) => item.key as PropertyKey) ?? []),
			reason: shorten(issue.message, 200)
		});
	}
	const file: ExportFile = result.output;
	const duplicate = findDuplicate(file);
	return duplicate ? refuse(duplicate) : { ok: true, file };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeVersion(version: unknown): string {
	if (['string', 'number', 'boolean'].includes(typeof version) || version === null) {
		return shorten(String(version), 20);
	}
	return version === undefined ? 'none' : Array.isArray(version) ? 'array' : typeof version;
}

/**
 * Walks the parsed JSON before the schema sees it: refuses keys that could reach a prototype
 * (JSON.parse makes `__proto__` an own key, so Object.keys finds it), nesting beyond any real
 * export, and numbers that are not finite (JSON.parse reads 1e999 as Infinity).
 */
function checkTree(value: unknown, path: PropertyKey[]): ImportProblem | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value)
			? undefined
			: { code: 'invalid', path: formatPath(path), reason: 'Invalid number: not finite' };
	}
	if (typeof value !== 'object' || value === null) return undefined;
	if (path.length >= MAX_DEPTH) {
		return {
			code: 'invalid',
			path: formatPath(path),
			reason: 'Invalid structure: nested too deeply'
		};
	}
	const keys: PropertyKey[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	for (const key of keys) {
		path.push(key);
		const problem =
			typeof key === 'string' && UNSAFE_KEYS.has(key)
				? { code: 'unsafe-key' as const, path: formatPath(path) }
				: checkTree((value as Record<PropertyKey, unknown>)[key], path);
		path.pop();
		if (problem) return problem;
	}
	return undefined;
}

/** The first record whose key another record of the same table already has. */
function findDuplicate(file: ExportFile): ImportProblem | undefined {
	for (const name of TABLE_NAMES) {
		const { key } = TABLES[name];
		const seen = new Set<unknown>();
		const records: readonly object[] = file[name];
		for (const [i, record] of records.entries()) {
			const value = (record as Record<string, unknown>)[key];
			if (seen.has(value)) {
				return {
					code: 'invalid',
					path: formatPath([name, i, key]),
					reason: 'Duplicate: another record has the same key'
				};
			}
			seen.add(value);
		}
	}
	return undefined;
}

/** `sessions[12].distressAfter`; odd keys (a preference name) in brackets, shortened. */
function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, i) => {
			if (typeof key === 'number') return `[${key}]`;
			const name = shorten(String(key), 60);
			if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `[${JSON.stringify(name)}]`;
			return i === 0 ? name : `.${name}`;
		})
		.join('');
}

function shorten(value: string, max: number): string {
	return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

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

/**
 * Writes a checked file in one transaction over every table: new sessions and urges are
 * added (the device's copy of a known one wins), lists are joined, settings are put. If any
 * write fails, nothing is written. Preferences are left to the caller, after this resolves.
 */
export async function applyImport(
	db: RustpuntDb,
	checked: ExportFile,
	text: PrivateTextCodec = PLAIN_TEXT
): Promise<{ added: number; skipped: number }> {
	return text.write(
		TABLE_NAMES.map((name) => db.table(name)),
		(seal) => sealImport(db, checked, seal, text),
		(file) => writeImport(db, file)
	);
}

/** Writes a checked (and sealed) file in one transaction. */
function writeImport(
	db: RustpuntDb,
	file: ExportFile
): Promise<{ added: number; skipped: number }> {
	return db.transaction('rw', TABLE_NAMES, async () => {
		let added = 0;
		let skipped = 0;
		for (const name of TABLE_NAMES) {
			const { key, merge } = TABLES[name];
			const table = db.table<object, IndexableType>(name);
			const records: readonly object[] = file[name];
			if (merge === 'keep-device') {
				const existing = await existingKeys(db, name, file);
				const fresh = records.filter(
					(record) => !existing.has((record as Record<string, unknown>)[key] as IndexableType)
				);
				await table.bulkAdd(fresh);
				added += fresh.length;
				skipped += records.length - fresh.length;
			} else if (merge === 'join-items') {
				for (const record of file.lists) {
					const current = (await db.lists.get(record.id))?.items ?? [];
					const items = current.filter((item) => typeof item === 'string');
					const known = new Set(items);
					await db.lists.put({
						...record,
						items: [...items, ...record.items.filter((item) => !known.has(item))]
					});
				}
			} else {
				await table.bulkPut(records);
			}
		}
		return { added, skipped };
	});
}

/**
 * The file with its private text sealed when the lock is on, done before the write (an
 * IndexedDB transaction ends while WebCrypto works). List items already on the device are
 * left out here, compared as text, since sealed copies of the same words never look alike.
 */
async function sealImport(
	db: RustpuntDb,
	file: ExportFile,
	seal: Seal,
	text: PrivateTextCodec
): Promise<ExportFile> {
	const lists = await Promise.all(
		file.lists.map(async (record) => {
			const stored = (await db.lists.get(record.id))?.items ?? [];
			const known = new Set(
				await Promise.all(stored.filter((i) => typeof i === 'string').map(text.open))
			);
			const fresh = record.items.filter((item) => !known.has(item));
			return { ...record, items: await Promise.all(fresh.map(seal)) };
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

/** Empties every table in one transaction; the database and its schema stay, so the app works on. */
export async function deleteAllData(db: RustpuntDb): Promise<void> {
	await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}
