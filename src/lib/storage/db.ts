import { Dexie, type EntityTable } from 'dexie';
import type { SessionRecord } from './sessions';

/**
 * The device's database. Never edit a shipped version(): add version(n + 1) with an
 * upgrade() and a test that opens data written by every older version.
 */
export class RustpuntDb extends Dexie {
	sessions!: EntityTable<SessionRecord, 'id'>;

	constructor(name = 'rustpunt') {
		super(name);
		this.version(1).stores({
			sessions: 'id, startedAt, status, exerciseId'
		});
	}
}

let instance: RustpuntDb | undefined;

/** The app's one database connection, opened on first use. */
export function getDb(): RustpuntDb {
	instance ??= new RustpuntDb();
	return instance;
}
