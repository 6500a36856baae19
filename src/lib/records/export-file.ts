/**
 * The words an export file and an import speak in: which tables a file carries, why a value
 * was refused, where, and what a file holds. Pure, so the screen's texts can name them
 * without loading the import's schema (storage/portable/).
 */

/** A table an export carries, in the order the file lists them. */
export type TableName =
	'sessions' | 'urges' | 'lists' | 'settings' | 'patterns' | 'programmes' | 'programmeDays';

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
	| { code: 'unsafe-key'; path: string; record: ImportRecord }
	/** A step of the safety plan holds more entries than a step can (MAX_PLAN_ITEMS). */
	| { code: 'plan-step-full'; path: string; record: ImportRecord; max: number };

/** Why an encrypted backup could not be opened: nothing was read from it. */
export type BackupProblem = 'wrong-passphrase' | 'damaged' | 'newer-version';

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
/**
 * How the CSV writes its cells for the spreadsheets of the app's language: Dutch ones expect a
 * semicolon between cells and a decimal comma, English ones a comma and a decimal point.
 */
export interface CsvFormat {
	separator: ',' | ';';
	decimal: '.' | ',';
}

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
