import type { RustpuntDb } from './db';
import { isDistressRating } from './sessions';
import { MAX_TEXT_LENGTH, type UrgeRecord } from './urges';

/** What can be added to an urge record as the person goes through the flow. */
export type UrgeUpdate = Partial<Omit<UrgeRecord, 'id' | 'at'>>;

/** Cleans free text: trimmed, bounded, empty means "not given". */
function cleanText(value: string | undefined): string | undefined {
	const text = value?.trim().slice(0, MAX_TEXT_LENGTH);
	return text ? text : undefined;
}

/** Keeps urge moments and the reality list on the device. */
export class UrgeStore {
	#db: RustpuntDb;

	constructor(db: RustpuntDb) {
		this.#db = db;
	}

	/** Writes the moment the person asks for help with an urge, before anything else. */
	async start(id: string, at: number): Promise<void> {
		await this.#db.urges.add({ id, at });
	}

	/** Adds what the person said or chose; an invalid intensity is refused. */
	async update(id: string, update: UrgeUpdate): Promise<void> {
		if (update.intensity !== undefined && !isDistressRating(update.intensity)) {
			throw new RangeError('An intensity is a whole number from 0 to 10');
		}
		const changes: UrgeUpdate = { ...update };
		for (const key of ['hope', 'bodyPlace', 'giveInstead'] as const) {
			if (key in update) changes[key] = cleanText(update[key]);
		}
		await this.#db.urges.update(id, changes);
	}

	/** One urge record, or undefined. */
	get(id: string): Promise<UrgeRecord | undefined> {
		return this.#db.urges.get(id);
	}

	/** The reality list, in the person's order (empty when none was written). */
	async realityList(): Promise<string[]> {
		const list = await this.#db.lists.get('reality');
		return (list?.items ?? []).filter((item) => typeof item === 'string');
	}

	/** Replaces the reality list; empty lines are dropped. */
	async setRealityList(items: readonly string[]): Promise<void> {
		const clean = items.map(cleanText).filter((item): item is string => item !== undefined);
		await this.#db.lists.put({ id: 'reality', items: clean });
	}
}
