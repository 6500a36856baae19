import type { RustpuntDb } from './db';
import { mapItems, mapUrgeText, PLAIN_TEXT, type PrivateTextCodec } from './private-text';
import { isDistressRating } from './sessions';
import { isUrgeRecord, MAX_TEXT_LENGTH, type UrgeRecord } from './urges';

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
	#text: PrivateTextCodec;

	/** `text` seals the answers and the list when the app lock is on (no unlock needed). */
	constructor(db: RustpuntDb, text = PLAIN_TEXT) {
		this.#db = db;
		this.#text = text;
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
		const sealed = await mapUrgeText(changes, this.#text.seal);
		if ((await this.#db.urges.update(id, sealed)) === 0) {
			throw new Error(`No urge record ${id} to add to`);
		}
	}

	/** One urge record, or undefined; its answers readable when unlocked. */
	async get(id: string): Promise<UrgeRecord | undefined> {
		const record = await this.#db.urges.get(id);
		return record && mapUrgeText(record, this.#text.open);
	}

	/**
	 * Urge moments that started in [fromMs, toMs), newest first, their answers readable when
	 * unlocked. A record without a valid start or intensity is left out rather than shown wrongly.
	 */
	async between(fromMs: number, toMs: number): Promise<UrgeRecord[]> {
		const rows = await this.#db.urges
			.where('startedAt')
			.between(fromMs, toMs, true, false)
			.reverse()
			.toArray();
		return Promise.all(
			rows.filter(isUrgeRecord).map((record) => mapUrgeText(record, this.#text.open))
		);
	}

	/** When the newest urge that ended in contact started (epoch ms), if any. */
	async lastContactAt(): Promise<number | undefined> {
		const last = await this.#db.urges
			.orderBy('startedAt')
			.reverse()
			.filter((record) => record.contact === 'yes')
			.first();
		return last?.startedAt;
	}

	/** The reality list, in the person's order (empty when none was written). */
	async realityList(): Promise<string[]> {
		const list = await this.#db.lists.get('reality');
		return mapItems(
			(list?.items ?? []).filter((item) => typeof item === 'string'),
			this.#text.open
		);
	}

	/** Adds one entry to the end of the reality list (read and written in one transaction). */
	async addRealityItem(text: string): Promise<string[]> {
		const item = await this.#sealed(text);
		return this.#changeRealityList((items) => (item ? [...items, item] : items));
	}

	/** Removes the entry at `index`; returns the list as it is now. */
	async removeRealityItem(index: number): Promise<string[]> {
		return this.#changeRealityList((items) => items.filter((_, i) => i !== index));
	}

	/** Puts an entry back where it was (undo of a removal). */
	async restoreRealityItem(index: number, text: string): Promise<string[]> {
		const item = await this.#sealed(text);
		return this.#changeRealityList((items) =>
			item ? [...items.slice(0, index), item, ...items.slice(index)] : items
		);
	}

	/** Clean text, sealed when the lock is on (before the transaction: WebCrypto would end it). */
	async #sealed(text: string): Promise<string | undefined> {
		const item = cleanText(text);
		return item && this.#text.seal(item);
	}

	/** Changes the stored list itself, never a copy that may be out of date. */
	async #changeRealityList(change: (items: string[]) => string[]): Promise<string[]> {
		const items = await this.#db.transaction('rw', this.#db.lists, async () => {
			const current = (await this.#db.lists.get('reality'))?.items ?? [];
			const next = change(current.filter((item) => typeof item === 'string'));
			await this.#db.lists.put({ id: 'reality', items: next });
			return next;
		});
		return mapItems(items, this.#text.open);
	}
}
