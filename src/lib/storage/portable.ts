/**
 * Data portability: everything Rustpunt keeps on the phone, out to a file and back in.
 * An import is checked completely before anything is written, and is written in one
 * transaction, so a bad or hostile file changes nothing, and neither does a cancel.
 * The import runs in a worker (import-worker.ts), off the page's main thread.
 */
import type { IndexableType } from 'dexie';
import * as v from 'valibot';
import { PATTERN_LIMITS } from '../engine/own-pattern';
import { cleanText, isVisible } from '../engine/text';
import { isDayKey, localDayKey } from '../journal/days';
import { SETTINGS, SETTING_KEYS as APP_SETTING_KEYS } from '../settings/schema';
import { LockedError } from '../security/locked-error';
import type { RustpuntDb } from './db';
import { mapTexts, PLAIN_TEXT, type PrivateTextCodec, type Seal } from './private-text';
import { isSessionRecord, type SessionRecord, type StoredSessionStatus } from '../records/sessions';
import { EARLIEST_MS, MAX_IMPORT_BYTES, MAX_SESSIONS } from './import-limits';
import { MAX_TEXT_LENGTH } from '../records/urges';

export { EARLIEST_MS, MAX_IMPORT_BYTES, MAX_SESSIONS };

/** What an export file says it is. */
export const EXPORT_FORMAT = 'rustpunt-export';
/** The version of the export format this code writes and reads. */
export const EXPORT_VERSION = 1;
// Deeper than any real export (file > table > record > list > entry): more means hostile.
const MAX_DEPTH = 8;
const DAY_MS = 86_400_000;
/**
 * How far a time may lie after the moment of the import, or a record after the file was
 * written: two phones' clocks may disagree, and one set by hand to the wrong time zone is up
 * to a day off. More than that is not a clock a little off but a date that cannot be true
 * (and a session "in the future" would restart counts and open the journal on that day).
 */
const CLOCK_SLACK_MS = DAY_MS;
/**
 * The longest practice time, planned time or wait: a day. A session's time counts only while
 * the app is open and awake, so no real one comes near.
 */
const MAX_DURATION_MS = DAY_MS;
const PREFERENCE_KEY = /^rustpunt:[a-z-]+(:[a-z0-9-]+)?$/;
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why a value was refused, carried as the schema's message so the screen can say it in the
 * person's language. Any other message (valibot's own) reads as 'not-valid'.
 */
export const IMPORT_REASONS = [
	'not-valid',
	'too-early',
	'future',
	'too-long',
	'too-long-text',
	'blank',
	'duplicate',
	'end-before-start',
	'day-mismatch',
	'unknown-part'
] as const;
/** Why a value was refused. */
export type ImportReason = (typeof IMPORT_REASONS)[number];

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, 'too-long-text'));
/**
 * The person's own words: cleaned by the text rule (composed, no direction controls, no blank
 * edges). An optional text that shows nothing is left out by its record (see `withoutBlank`).
 */
const words = (max: number) => v.pipe(text(max), v.transform(cleanText));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0));
const duration = v.pipe(amount, v.maxValue(MAX_DURATION_MS, 'too-long'));

/** When the records of a file may lie, in epoch ms: the moment the file is judged by. */
interface Moments {
	/** The latest moment a record may carry. */
	latestMs: number;
}

/** A moment in a record: not before Rustpunt existed, not after `latestMs`. */
const moment = ({ latestMs }: Moments) =>
	v.pipe(v.number(), v.minValue(EARLIEST_MS, 'too-early'), v.maxValue(latestMs, 'future'));
/** A day key (YYYY-MM-DD) of a real date that a record may carry. */
const dayKey = (moments: Moments) =>
	v.pipe(
		v.string(),
		v.check((value: string) => isDayKey(value), 'not-valid'),
		v.check((value: string) => dayNumber(value) >= EARLIEST_MS / DAY_MS, 'too-early'),
		v.check(
			(value: string) => dayNumber(value) <= Math.floor(moments.latestMs / DAY_MS) + 1,
			'future'
		)
	);

/** The record without the optional texts in `keys` that show nothing after cleaning. */
function withoutBlank<R extends object>(keys: readonly (keyof R)[]) {
	return (record: R): R => {
		const out = { ...record };
		for (const key of keys) {
			const value = out[key];
			if (typeof value === 'string' && !isVisible(value)) delete out[key];
		}
		return out;
	};
}
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
 * One session. Its day is the local day it started on, and time zones run from UTC-12 to
 * UTC+14, so that day is at most one day from the UTC date.
 */
const session = (moments: Moments) =>
	v.pipe(
		v.strictObject({
			id,
			exerciseId: id,
			startedAt: moment(moments),
			day: dayKey(moments),
			endedAt: moment(moments),
			activeMs: duration,
			plannedMs: duration,
			status: v.picklist(['running', 'completed', 'stopped', 'interrupted']),
			distressBefore: v.optional(rating),
			distressAfter: v.optional(rating),
			holds: v.optional(v.boolean()),
			stepsDone: v.optional(v.pipe(v.array(text(100)), v.maxLength(100))),
			tooMuch: v.optional(count),
			choices: v.optional(v.pipe(v.record(text(50), text(50)), v.maxEntries(10))),
			noticed: v.optional(
				v.pipe(
					v.array(v.strictObject({ step: text(100), count, text: words(2000) })),
					v.maxLength(50)
				)
			),
			note: v.optional(words(2000)),
			rounds: v.optional(v.pipe(v.array(boundaryRound), v.maxLength(200)))
		}),
		v.forward(
			v.partialCheck(
				[['startedAt'], ['endedAt']],
				(record) => record.endedAt >= record.startedAt,
				'end-before-start'
			),
			['endedAt']
		),
		v.forward(
			v.partialCheck(
				[['startedAt'], ['day']],
				(record) => Math.abs(dayNumber(record.day) - Math.floor(record.startedAt / DAY_MS)) <= 1,
				'day-mismatch'
			),
			['day']
		),
		v.transform(withoutBlank(['note']))
	);

/** One urge. */
const urge = (moments: Moments) =>
	v.pipe(
		v.strictObject({
			id,
			startedAt: moment(moments),
			intensity: v.optional(rating),
			hope: v.optional(words(MAX_TEXT_LENGTH)),
			bodyPlace: v.optional(words(MAX_TEXT_LENGTH)),
			giveInstead: v.optional(words(MAX_TEXT_LENGTH)),
			helped: v.optional(v.picklist(['breathe', 'someone', 'body', 'write'])),
			waitedMs: v.optional(duration),
			contact: v.optional(v.picklist(['no', 'yes', 'unsaid']))
		}),
		v.transform(withoutBlank(['hope', 'bodyPlace', 'giveInstead']))
	);

/** The reality list; an item that shows nothing after cleaning is left out. */
const list = v.strictObject({
	id: v.literal('reality'),
	items: v.pipe(
		v.array(words(MAX_TEXT_LENGTH)),
		v.maxLength(10_000),
		v.transform((items) => items.filter(isVisible))
	)
});

/** Seconds of one phase of an own pattern: steps of 0.5, never longer than 20. */
const phaseSeconds = v.pipe(v.number(), v.minValue(0), v.maxValue(20), v.multipleOf(0.5));

/**
 * An own breathing pattern. Stored as the person saved it; whether it may run is decided by
 * the pattern rules when it is opened, never by trusting the file.
 */
const pattern = (moments: Moments) =>
	v.strictObject({
		id,
		// The editor's rule: cleaned, something visible, at most 40 characters.
		name: v.pipe(
			v.string(),
			v.maxLength(1000, 'too-long-text'),
			v.transform(cleanText),
			v.check(isVisible, 'blank'),
			v.check((name) => [...name].length <= PATTERN_LIMITS.maxNameChars, 'too-long-text')
		),
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
		createdAt: moment(moments),
		updatedAt: moment(moments)
	});

const run = v.pipe(count, v.minValue(1), v.maxValue(10_000));

/** A programme the person follows or followed. */
const programme = (moments: Moments) =>
	v.strictObject({
		programmeId: id,
		run,
		startedAt: moment(moments),
		status: v.picklist(['active', 'paused', 'left']),
		variant: v.optional(text(50))
	});

/** A programme day completed by a session. */
const programmeDay = (moments: Moments) =>
	v.pipe(
		v.strictObject({
			id: v.pipe(v.string(), v.maxLength(220)),
			programmeId: id,
			run,
			day: v.pipe(count, v.minValue(1), v.maxValue(1000)),
			sessionId: id,
			completedAt: moment(moments)
		}),
		v.forward(
			v.check(
				(record) => record.id === `${record.programmeId}:${record.run}:${record.day}`,
				'not-valid'
			),
			['id']
		)
	);

/**
 * The settings that travel with the data, each with its value: the person's own choices.
 * Anything else stays on the device; `persistAsked` above all, so a new phone still asks its
 * browser to keep the data.
 */
const setting = (moments: Moments) =>
	v.variant('key', [
		v.strictObject({ key: v.literal('streaks'), value: v.boolean() }),
		v.strictObject({ key: v.literal('currentProgramme'), value: id }),
		// The app's settings (src/lib/settings/schema.ts), each value held to its own schema.
		...APP_SETTING_KEYS.map((key) =>
			v.strictObject({
				key: v.literal(key),
				value: v.custom(SETTINGS[key].valid, 'not-valid')
			})
		),
		v.strictObject({ key: v.literal('discreet'), value: v.boolean() }),
		// The day the no-contact count starts on: a day that has been.
		v.strictObject({ key: v.literal('noContactCount'), value: dayKey(moments) })
	]);
const SETTING_KEYS: ReadonlySet<unknown> = new Set(
	setting({ latestMs: 0 }).options.map((option) => option.entries.key.literal)
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
	/** The schema of one record whose moments must lie as `moments` says. */
	readonly record: (moments: Moments) => v.GenericSchema<unknown, R>;
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
	sessions: { record: session, max: MAX_SESSIONS, key: 'id', merge: 'keep-device' },
	urges: { record: urge, max: 50_000, key: 'id', merge: 'keep-device' },
	lists: { record: () => list, max: 10, key: 'id', merge: 'join-items' },
	settings: { record: setting, max: 1000, key: 'key', merge: 'put' },
	patterns: { record: pattern, max: 1000, key: 'id', merge: 'keep-device' },
	programmes: { record: programme, max: 100, key: 'programmeId', merge: 'keep-device' },
	programmeDays: { record: programmeDay, max: 100_000, key: 'id', merge: 'keep-device' }
} as const satisfies { [T in keyof RustpuntDb]?: TableSpec<RecordOf<T>> };

/** A table an export carries. */
export type TableName = keyof typeof TABLES;
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

/**
 * The schema of a whole file judged at `nowMs` (the moment of the import). The file may say
 * it was written up to a clock's slack after that; its records may lie up to the slack after
 * the earlier of the two.
 */
function exportFile(nowMs: number, exportedAt: number) {
	const moments = { latestMs: Math.min(nowMs, exportedAt) + CLOCK_SLACK_MS };
	const tables = Object.fromEntries(
		TABLE_NAMES.map((name): [TableName, v.GenericSchema] => {
			const { record, max } = TABLES[name];
			return [name, v.pipe(v.array(record(moments)), v.maxLength(max))];
		})
	) as { [T in TableName]: v.GenericSchema<unknown, RecordOf<T>[]> };
	return v.strictObject({
		format: v.literal(EXPORT_FORMAT),
		version: v.literal(EXPORT_VERSION),
		exportedAt: moment({ latestMs: nowMs + CLOCK_SLACK_MS }),
		...tables,
		preferences
	});
}

/**
 * Which record a problem is in, for the screen to name in words: a record of a table (its
 * number counted from 1, of how many, and its date when it has one that can be shown), the
 * file as a whole, or its preferences.
 */
export type ImportRecord =
	| { table: TableName; number: number; total: number; dateMs?: number }
	| { table: 'file' }
	| { table: 'preferences' };

/** What part of a record a problem is in, as the screen names it (never a field's own name). */
export type ImportField =
	| 'start'
	| 'end'
	| 'date'
	| 'written'
	| 'practiceTime'
	| 'plannedTime'
	| 'waitTime'
	| 'rating'
	| 'note'
	| 'noticed'
	| 'answer'
	| 'name'
	| 'item'
	| 'breathing'
	| 'length'
	| 'exercise'
	| 'programme'
	| 'setting'
	| 'identifier'
	| 'status'
	| 'details';

/**
 * Why an import file was refused. `path` (like `sessions[12].activeMs`) is for tests and
 * logs only: the screen names `record` and `field` in words.
 */
export type ImportProblem =
	| { code: 'too-large'; maxBytes: number }
	| { code: 'too-many'; table: TableName; max: number }
	| { code: 'not-json' }
	| { code: 'not-rustpunt' }
	| { code: 'unknown-version'; version: string }
	| {
			code: 'invalid';
			path: string;
			record: ImportRecord;
			field: ImportField;
			reason: ImportReason;
	  }
	| { code: 'unsafe-key'; path: string; record: ImportRecord };

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
 * Reads an export file's text and checks all of it: size, JSON, format, version, how many
 * records each table holds, keys that could pollute prototypes, nesting, the schema of every
 * record (times that cannot be true included), and duplicate ids. Texts come out cleaned.
 * `nowMs` is the moment of the import; `sizeBytes` the file's size when known, checked too.
 */
export function parseImport(
	text: string,
	{ nowMs = Date.now(), sizeBytes = 0 }: { nowMs?: number; sizeBytes?: number } = {}
): { ok: true; file: ExportFile } | { ok: false; problem: ImportProblem } {
	const refuse = (problem: ImportProblem) => ({ ok: false as const, problem });
	if (text.length > MAX_IMPORT_BYTES || sizeBytes > MAX_IMPORT_BYTES) {
		return refuse({ code: 'too-large', maxBytes: MAX_IMPORT_BYTES });
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
	for (const name of TABLE_NAMES) {
		const records = data[name];
		if (Array.isArray(records) && records.length > TABLES[name].max) {
			return refuse({ code: 'too-many', table: name, max: TABLES[name].max });
		}
	}
	const hostile = checkTree(data, []);
	if (hostile) {
		return refuse(
			hostile.unsafe
				? {
						code: 'unsafe-key',
						path: formatPath(hostile.path),
						record: recordAt(data, hostile.path)
					}
				: problemAt(data, hostile.path, 'not-valid')
		);
	}

	// A table missing from a file reads as empty, so files written before it existed import.
	const empty = Object.fromEntries(TABLE_NAMES.map((name) => [name, []]));
	// Records are judged by when the file says it was written; a bad `exportedAt` is refused
	// before any record is looked at (it comes first in the schema), whatever stands in for it.
	const exportedAt = typeof data.exportedAt === 'number' ? data.exportedAt : nowMs;
	const result = v.safeParse(
		exportFile(nowMs, exportedAt),
		{ ...empty, ...data },
		{ abortEarly: true }
	);
	if (!result.success) {
		const issue = result.issues[0];
		const path = issue.path?.map((item) => item.key as PropertyKey) ?? [];
		return refuse(problemAt(data, path, reasonOf(issue)));
	}
	const file: ExportFile = result.output;
	const duplicate = findDuplicate(file);
	return duplicate ? refuse(problemAt(data, duplicate, 'duplicate')) : { ok: true, file };
}

/** The reason a schema gave, or 'unknown-part' for a key no record has. */
function reasonOf(issue: v.BaseIssue<unknown>): ImportReason {
	if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown-part';
	return (IMPORT_REASONS as readonly string[]).includes(issue.message)
		? (issue.message as ImportReason)
		: 'not-valid';
}

/** The problem at `path` of the file's data, with its record and field in words. */
function problemAt(
	data: Record<string, unknown>,
	path: readonly PropertyKey[],
	reason: ImportReason
): ImportProblem {
	const record = recordAt(data, path);
	const key = record.table === 'file' ? path[0] : path[2];
	return {
		code: 'invalid',
		path: formatPath(path),
		record,
		field: reason === 'duplicate' ? 'identifier' : fieldOf(record.table, key),
		reason
	};
}

/** Which record `path` points into. */
function recordAt(data: Record<string, unknown>, path: readonly PropertyKey[]): ImportRecord {
	const [table, index] = path;
	if (table === 'preferences') return { table };
	if (!TABLE_NAMES.includes(table as TableName) || typeof index !== 'number') {
		return { table: 'file' };
	}
	const records = data[table as TableName] as unknown[];
	const dateMs = dateOf(records[index]);
	return {
		table: table as TableName,
		number: index + 1,
		total: records.length,
		...(dateMs !== undefined && { dateMs })
	};
}

/** The moment a record happened, when it has one a date can show. */
function dateOf(record: unknown): number | undefined {
	if (!isPlainObject(record)) return undefined;
	for (const key of ['startedAt', 'completedAt', 'createdAt']) {
		const value = record[key];
		if (typeof value === 'number' && Math.abs(value) <= MAX_DATE_MS) return value;
	}
	return undefined;
}

// The latest moment a Date can hold.
const MAX_DATE_MS = 8.64e15;

/** The part of a record, as the screen names it, that key `key` holds in table `table`. */
const FIELD_OF: Readonly<Record<string, ImportField>> = {
	exportedAt: 'written',
	startedAt: 'start',
	endedAt: 'end',
	day: 'date',
	completedAt: 'date',
	createdAt: 'date',
	updatedAt: 'date',
	activeMs: 'practiceTime',
	plannedMs: 'plannedTime',
	waitedMs: 'waitTime',
	distressBefore: 'rating',
	distressAfter: 'rating',
	intensity: 'rating',
	note: 'note',
	noticed: 'noticed',
	hope: 'answer',
	bodyPlace: 'answer',
	giveInstead: 'answer',
	name: 'name',
	items: 'item',
	inhale: 'breathing',
	inhaleTop: 'breathing',
	holdIn: 'breathing',
	exhale: 'breathing',
	holdOut: 'breathing',
	length: 'length',
	exerciseId: 'exercise',
	programmeId: 'programme',
	status: 'status',
	id: 'identifier'
};

function fieldOf(table: ImportRecord['table'], key: PropertyKey | undefined): ImportField {
	if (table === 'settings') return 'setting';
	// A programme day's day is its number in the programme, not a date.
	if (table === 'programmeDays' && key === 'day') return 'details';
	return (typeof key === 'string' && Object.hasOwn(FIELD_OF, key) && FIELD_OF[key]) || 'details';
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
 * Walks the parsed JSON before the schema sees it: finds keys that could reach a prototype
 * (JSON.parse makes `__proto__` an own key, so Object.keys finds it, `unsafe`), nesting
 * beyond any real export, and numbers that are not finite (JSON.parse reads 1e999 as
 * Infinity). Returns where the first one is.
 */
function checkTree(
	value: unknown,
	path: PropertyKey[]
): { path: PropertyKey[]; unsafe: boolean } | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? undefined : { path: [...path], unsafe: false };
	}
	if (typeof value !== 'object' || value === null) return undefined;
	if (path.length >= MAX_DEPTH) return { path: [...path], unsafe: false };
	const keys: PropertyKey[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	for (const key of keys) {
		path.push(key);
		const problem =
			typeof key === 'string' && UNSAFE_KEYS.has(key)
				? { path: [...path], unsafe: true }
				: checkTree((value as Record<PropertyKey, unknown>)[key], path);
		path.pop();
		if (problem) return problem;
	}
	return undefined;
}

/** Where the first record is whose key another record of the same table already has. */
function findDuplicate(file: ExportFile): PropertyKey[] | undefined {
	for (const name of TABLE_NAMES) {
		const { key } = TABLES[name];
		const seen = new Set<unknown>();
		const records: readonly object[] = file[name];
		for (const [i, record] of records.entries()) {
			const value = (record as Record<string, unknown>)[key];
			if (seen.has(value)) return [name, i, key];
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
		(seal) => sealImport(db, checked, stoppable(seal, options.signal), text),
		(file) => writeImport(db, file, options)
	);
}

/** `seal` that stops (throws) once `signal` is aborted. */
function stoppable(seal: Seal, signal: AbortSignal | undefined): Seal {
	return (value) => {
		signal?.throwIfAborted();
		return seal(value);
	};
}

/** Writes a checked (and sealed) file in one transaction, batch by batch (see applyImport). */
function writeImport(
	db: RustpuntDb,
	file: ExportFile,
	{ onProgress, signal }: ImportOptions
): Promise<{ added: number; skipped: number }> {
	return db.transaction('rw', TABLE_NAMES, async () => {
		signal?.throwIfAborted();
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
