import type { RustpuntDb } from '../db';

/** Empties every table in one transaction; the database and its schema stay, so the app works on. */
export async function deleteAllData(db: RustpuntDb): Promise<void> {
	await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}
