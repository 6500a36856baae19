import type { RustpuntDb } from './db';
import { isDistressRating } from './sessions';
import { MAX_TEXT_LENGTH, type UrgeRecord } from './urges';

/** What can be added to an urge record as the person goes through the flow. */
export type UrgeUpdate = Partial<Omit<UrgeRecord, 'id' | 'startedAt'>>;

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
	async start(id: string, startedAt: number): Promise<void> {
		await this.#db.urges.add({ id, startedAt });
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
		if ((await this.#db.urges.update(id, changes)) === 0) {
			throw new Error(`No urge record ${id} to add to`);
		}
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

	/** Adds one entry to the end of the reality list (read and written in one transaction). */
	async addRealityItem(text: string): Promise<string[]> {
		const item = cleanText(text);
		return this.#changeRealityList((items) => (item ? [...items, item] : items));
	}

	/** Removes the entry at `index`; returns the list as it is now. */
	async removeRealityItem(index: number): Promise<string[]> {
		return this.#changeRealityList((items) => items.filter((_, i) => i !== index));
	}

	/** Puts an entry back where it was (undo of a removal). */
	async restoreRealityItem(index: number, text: string): Promise<string[]> {
		const item = cleanText(text);
		return this.#changeRealityList((items) =>
			item ? [...items.slice(0, index), item, ...items.slice(index)] : items
		);
	}

	/** Changes the stored list itself, never a copy that may be out of date. */
	#changeRealityList(change: (items: string[]) => string[]): Promise<string[]> {
		return this.#db.transaction('rw', this.#db.lists, async () => {
			const current = (await this.#db.lists.get('reality'))?.items ?? [];
			const items = change(current.filter((item) => typeof item === 'string'));
			await this.#db.lists.put({ id: 'reality', items });
			return items;
		});
	}
}
