/**
 * The check of an import file, before anything is written: a bad or hostile file is refused
 * with the record and the part of it named, and changes nothing.
 */
import * as v from 'valibot';
import {
	IMPORT_REASONS,
	type ImportField,
	type ImportProblem,
	type ImportReason,
	type ImportRecord,
	type TableName
} from '../../records/export-file';
import { MAX_IMPORT_BYTES } from '../../records/import-limits';
import { MAX_PLAN_ITEMS } from '../../records/safety-plan';
import {
	EXPORT_FORMAT,
	EXPORT_VERSION,
	exportFile,
	isPlainObject,
	TABLE_NAMES,
	TABLES,
	type ExportFile
} from './schema';

// Deeper than any real export (file > table > record > list > entry): more means hostile.
const MAX_DEPTH = 8;
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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
	if (duplicate) return refuse(problemAt(data, duplicate, 'duplicate'));
	// Counted once cleaned (blank items are left out), as the plan on the screen would hold them.
	const full = file.lists.findIndex(
		(list) => list.id !== 'reality' && list.items.length > MAX_PLAN_ITEMS
	);
	if (full >= 0) {
		const path = ['lists', full, 'items'];
		return refuse({
			code: 'plan-step-full',
			path: formatPath(path),
			record: recordAt(data, path),
			max: MAX_PLAN_ITEMS
		});
	}
	return { ok: true, file };
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
	unsent: 'answer',
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
