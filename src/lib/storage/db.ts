import { Dexie, type EntityTable } from 'dexie';
import type { PatternRecord } from '../records/patterns';
import type { ProgrammeDayRecord, ProgrammeRecord } from '../records/programmes';
import type { SessionRecord } from '../records/sessions';
import type { SettingRecord } from '../records/settings';
import type { ListRecord, UrgeRecord } from '../records/urges';

/**
 * The device's database. Never edit a shipped version(): add version(n + 1) with an
 * upgrade() and a test that opens data written by every older version.
 */
export class RustpuntDb extends Dexie {
	sessions!: EntityTable<SessionRecord, 'id'>;
	urges!: EntityTable<UrgeRecord, 'id'>;
	lists!: EntityTable<ListRecord, 'id'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	patterns!: EntityTable<PatternRecord, 'id'>;
	programmes!: EntityTable<ProgrammeRecord, 'programmeId'>;
	programmeDays!: EntityTable<ProgrammeDayRecord, 'id'>;

	constructor(name = 'rustpunt') {
		super(name);
		this.version(1).stores({
			sessions: 'id, startedAt, status, exerciseId'
		});
		// 2: moments of urge to make contact, and the person's own lists (the reality list).
		// New tables only: nothing stored in version 1 changes.
		this.version(2).stores({
			urges: 'id, startedAt',
			lists: 'id'
		});
		// 3: the journal. Sessions carry the local day they were practised on (the journal
		// groups and counts by it) and are indexed by the rating after, so averages read only
		// rated sessions; app settings get a table of their own.
		this.version(3)
			.stores({
				sessions: 'id, startedAt, status, exerciseId, day, distressAfter',
				settings: 'key'
			})
			.upgrade((tx) =>
				tx
					.table<SessionRecord, string>('sessions')
					.toCollection()
					.modify((session) => {
						session.day = dayKeyAtUpgrade(session.startedAt);
					})
			);
		// 4: the person's own breathing patterns, and programmes: which ones are followed and
		// which session completed each programme day. New tables only.
		this.version(4).stores({
			patterns: 'id, updatedAt',
			programmes: 'programmeId',
			programmeDays: 'id, programmeId, sessionId'
		});
	}
}

/**
 * The local day of a moment, exactly as version 3 shipped it. A copy on purpose: a shipped
 * upgrade must not change when the app's own day helper does (see records/days.ts).
 */
function dayKeyAtUpgrade(epochMs: number): string {
	const d = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

let instance: RustpuntDb | undefined;

/** The app's one database connection, opened on first use. */
export function getDb(): RustpuntDb {
	instance ??= new RustpuntDb();
	return instance;
}
