/**
 * The export file's schema: every table it carries, each record's shape and the times a
 * record may carry. An import is judged by it, and an export keeps only what it accepts, so
 * the person's own file always imports back.
 */
import * as v from 'valibot';
import { PATTERN_LIMITS } from '../../engine/own-pattern';
import { cleanText, isVisible } from '../../engine/text';
import { isDayKey } from '../../records/days';
import type { TableName } from '../../records/export-file';
import { EARLIEST_MS, MAX_SESSIONS } from '../../records/import-limits';
import { mayShowWhenLocked, PLAN_LIST_IDS } from '../../records/safety-plan';
import { MAX_TEXT_LENGTH, MAX_URGE_SESSIONS } from '../../records/urges';
import { SETTINGS, SETTING_KEYS as APP_SETTING_KEYS } from '../../settings/schema';
import type { RustpuntDb } from '../db';

/** What an export file says it is. */
export const EXPORT_FORMAT = 'rustpunt-export';
/** The version of the export format this code writes and reads. */
export const EXPORT_VERSION = 1;
const DAY_MS = 86_400_000;
/**
 * How far a time may lie after the moment of the import, or a record after the file was
 * written: two phones' clocks may disagree, and one set by hand to the wrong time zone is up
 * to a day off. More than that is not a clock a little off but a date that cannot be true
 * (and a session "in the future" would restart counts and open the journal on that day).
 */
export const CLOCK_SLACK_MS = DAY_MS;
/**
 * The longest practice time, planned time or wait: a day. A session's time counts only while
 * the app is open and awake, so no real one comes near.
 */
const MAX_DURATION_MS = DAY_MS;
const PREFERENCE_KEY = /^rustpunt:[a-z-]+(:[a-z0-9-]+)?$/;

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
			contact: v.optional(v.picklist(['no', 'yes', 'unsaid'])),
			unsent: v.optional(words(MAX_TEXT_LENGTH)),
			unsentChoice: v.optional(v.picklist(['send', 'keep', 'letGo'])),
			sessionIds: v.optional(v.pipe(v.array(id), v.maxLength(MAX_URGE_SESSIONS)))
		}),
		v.transform(withoutBlank(['hope', 'bodyPlace', 'giveInstead', 'unsent']))
	);

/**
 * The reality list or a step of the safety plan; an item that shows nothing after cleaning is
 * left out. Only the plan's people to call may carry the choice to show on the lock screen.
 */
const list = v.pipe(
	v.strictObject({
		id: v.picklist(['reality', ...PLAN_LIST_IDS]),
		items: v.pipe(
			v.array(words(MAX_TEXT_LENGTH)),
			v.maxLength(10_000),
			v.transform((items) => items.filter(isVisible))
		),
		onLockScreen: v.optional(v.literal(true))
	}),
	v.transform(({ onLockScreen, ...record }) =>
		onLockScreen && mayShowWhenLocked(record.id) ? { ...record, onLockScreen } : record
	)
);

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
/** The keys of the settings that travel with the data. */
export const SETTING_KEYS: ReadonlySet<unknown> = new Set(
	setting({ latestMs: 0 }).options.map((option) => option.entries.key.literal)
);

/** A localStorage choice's key and value, as a file may carry them. */
export const preferenceKey = v.pipe(v.string(), v.maxLength(100), v.regex(PREFERENCE_KEY));
export const preferenceValue = text(200);
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
export type RecordOf<T extends keyof RustpuntDb> = RustpuntDb[T] extends {
	filter(fn: (record: infer R) => boolean): unknown;
}
	? R
	: never;

/**
 * Every table an export carries, in the order the file lists them. Adding a table to the
 * export is one entry here (and the type checker holds its schema to the database's type).
 */
export const TABLES = {
	sessions: { record: session, max: MAX_SESSIONS, key: 'id', merge: 'keep-device' },
	urges: { record: urge, max: 50_000, key: 'id', merge: 'keep-device' },
	lists: { record: () => list, max: 10, key: 'id', merge: 'join-items' },
	settings: { record: setting, max: 1000, key: 'key', merge: 'put' },
	patterns: { record: pattern, max: 1000, key: 'id', merge: 'keep-device' },
	programmes: { record: programme, max: 100, key: 'programmeId', merge: 'keep-device' },
	programmeDays: { record: programmeDay, max: 100_000, key: 'id', merge: 'keep-device' }
} as const satisfies { [T in TableName]: TableSpec<RecordOf<T>> };

/** The tables an export carries, in the order the file lists them. */
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** The records of every exported table, under the table's name. */
export type ExportedTables = { [T in TableName]: RecordOf<T>[] };

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
export function exportFile(nowMs: number, exportedAt: number) {
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

/** Days since 1970-01-01 of a day key, read as a UTC date so no clock change bends the count. */
function dayNumber(key: string): number {
	const [y, m, d] = key.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
