import type { RustpuntDb } from './db';

/**
 * The app's settings in the database (key → value). Values come back as stored; the caller
 * checks each against its schema (src/lib/settings/schema.ts), so a damaged one is never used.
 */
export class SettingsStore {
	readonly #db: RustpuntDb;

	constructor(db: RustpuntDb) {
		this.#db = db;
	}

	/** The stored values of these keys (a key never stored is absent). */
	async read(keys: readonly string[]): Promise<Map<string, unknown>> {
		const rows = await this.#db.settings.bulkGet([...keys]);
		const found = new Map<string, unknown>();
		for (const row of rows) if (row) found.set(row.key, row.value);
		return found;
	}

	/** Stores values, all or none. */
	async write(values: Record<string, unknown>): Promise<void> {
		const rows = Object.entries(values).map(([key, value]) => ({ key, value }));
		if (rows.length > 0) await this.#db.settings.bulkPut(rows);
	}
}
