/**
 * The words of an import's refusal: which record, which part of it and why, never a field's
 * own name. Apart from the journal's texts, so only the data screen carries them.
 */
import { m } from '../paraglide/messages';
import type {
	BackupProblem,
	ImportField,
	ImportProblem,
	ImportReason,
	ImportRecord,
	TableName
} from '../records/export-file';
import { EARLIEST_MS } from '../records/import-limits';
import { MAX_PLAN_ITEMS, PLAN_STEPS, planListId } from '../records/safety-plan';
import { formatBytes, intlLocale } from './journal-text';
import { PLAN_STEP_TEXT } from './safety-text';

/** Why an import was refused, in words (nothing was changed in every case). */
export function importProblemText(problem: ImportProblem): string {
	switch (problem.code) {
		case 'too-large':
			return m.import_too_large({ limit: formatBytes(problem.maxBytes) });
		case 'too-many':
			return m.import_too_many({ max: formatCount(problem.max), what: MANY[problem.table]() });
		case 'not-json':
			return m.import_not_json();
		case 'not-rustpunt':
			return m.import_not_rustpunt();
		case 'unknown-version':
			return m.import_unknown_version({ version: problem.version.slice(0, 20) });
		case 'invalid':
			if (problem.reason === 'unknown-part') {
				return m.import_invalid_unknown({ where: importRecordText(problem.record) });
			}
			return m.import_invalid({
				where: importRecordText(problem.record),
				field: FIELD[problem.field](),
				reason: importReasonText(problem.reason)
			});
		case 'unsafe-key':
			return m.import_unsafe({ where: importRecordText(problem.record) });
		case 'plan-step-full':
			return m.plan_import_full({
				where: importRecordText(problem.record),
				max: formatCount(problem.max)
			});
	}
}

/**
 * Why a file was not used when its entries, joined with the device's, would overfill a step
 * of the safety plan (`listId`): the step by its title, and what the person can do.
 */
export function planJoinedFullText(listId: string): string {
	const step = PLAN_STEPS.find((name) => planListId(name) === listId);
	return m.plan_import_joined_full({
		step: step ? PLAN_STEP_TEXT[step].title() : m.plan_title(),
		max: formatCount(MAX_PLAN_ITEMS)
	});
}

/** Why an encrypted backup did not open, in words (nothing was changed in every case). */
export function backupProblemText(problem: BackupProblem): string {
	switch (problem) {
		case 'wrong-passphrase':
			return m.backup_wrong();
		case 'damaged':
			return m.backup_damaged();
		case 'newer-version':
			return m.backup_newer();
	}
}

/** "Sessie 12 van 138.604 (3 mei 2025)": the record in words, with its date when it has one. */
export function importRecordText(record: ImportRecord): string {
	if (record.table === 'file') return m.import_where_file();
	if (record.table === 'preferences') return m.import_where_preferences();
	const where = WHERE[record.table]({
		number: formatCount(record.number),
		total: formatCount(record.total)
	});
	if (record.dateMs === undefined) return where;
	const date = new Date(record.dateMs).toLocaleDateString(intlLocale(), {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
	return `${where} (${date})`;
}

function importReasonText(reason: Exclude<ImportReason, 'unknown-part'>): string {
	switch (reason) {
		case 'not-valid':
			return m.import_reason_not_valid();
		case 'too-early':
			return m.import_reason_too_early({ year: String(new Date(EARLIEST_MS).getUTCFullYear()) });
		case 'future':
			return m.import_reason_future();
		case 'too-long':
			return m.import_reason_too_long();
		case 'too-long-text':
			return m.import_reason_too_long_text();
		case 'blank':
			return m.import_reason_blank();
		case 'duplicate':
			return m.import_reason_duplicate();
		case 'end-before-start':
			return m.import_reason_end_before_start();
		case 'day-mismatch':
			return m.import_reason_day_mismatch();
	}
}

type Where = (inputs: { number: string; total: string }) => string;
const WHERE: Record<TableName, Where> = {
	sessions: m.import_where_sessions,
	urges: m.import_where_urges,
	lists: m.import_where_lists,
	settings: m.import_where_settings,
	patterns: m.import_where_patterns,
	programmes: m.import_where_programmes,
	programmeDays: m.import_where_programmeDays
};

const MANY: Record<TableName, () => string> = {
	sessions: m.import_many_sessions,
	urges: m.import_many_urges,
	lists: m.import_many_lists,
	settings: m.import_many_settings,
	patterns: m.import_many_patterns,
	programmes: m.import_many_programmes,
	programmeDays: m.import_many_programmeDays
};

const FIELD: Record<ImportField, () => string> = {
	start: m.import_field_start,
	end: m.import_field_end,
	date: m.import_field_date,
	written: m.import_field_written,
	practiceTime: m.import_field_practiceTime,
	plannedTime: m.import_field_plannedTime,
	waitTime: m.import_field_waitTime,
	rating: m.import_field_rating,
	note: m.import_field_note,
	noticed: m.import_field_noticed,
	answer: m.import_field_answer,
	name: m.import_field_name,
	item: m.import_field_item,
	breathing: m.import_field_breathing,
	length: m.import_field_length,
	exercise: m.import_field_exercise,
	programme: m.import_field_programme,
	setting: m.import_field_setting,
	identifier: m.import_field_identifier,
	status: m.import_field_status,
	details: m.import_field_details
};

/** A count as people read it: "138.604" or "138,604". */
export function formatCount(count: number): string {
	return count.toLocaleString(intlLocale());
}
