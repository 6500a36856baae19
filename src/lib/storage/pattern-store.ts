import type { RustpuntDb } from './db';
import type { PatternRecord } from '../records/patterns';

/**
 * The person's own breathing patterns. Records come back as stored: whether one may run is
 * decided by the pattern rules (src/lib/engine/own-pattern.ts) when it is shown or opened.
 */
export class PatternStore {
	readonly #db: RustpuntDb;

	constructor(db: RustpuntDb) {
		this.#db = db;
	}

	/** Every pattern, the most recently changed first. */
	async list(): Promise<unknown[]> {
		return (await this.#db.patterns.orderBy('updatedAt').reverse().toArray()) as unknown[];
	}

	/** One pattern as stored, or undefined. */
	async get(id: string): Promise<unknown> {
		return this.#db.patterns.get(id);
	}

	/** Adds or replaces a pattern. */
	async save(record: PatternRecord): Promise<void> {
		await this.#db.patterns.put(record);
	}

	async delete(id: string): Promise<void> {
		await this.#db.patterns.delete(id);
	}
}
