import type { RustpuntDb } from './db';
import { mapTexts, PLAIN_TEXT, type PrivateTextCodec } from './private-text';
import { isDistressRating } from '../records/sessions';
import {
	isUrgeRecord,
	MAX_TEXT_LENGTH,
	type RealityEntry,
	type UrgeRecord,
	type UrgeUpdate
} from '../records/urges';

/** Where an entry is in the stored list, or -1 when it is not there (any more). */
function indexOfEntry(items: readonly string[], entry: Pick<RealityEntry, 'key' | 'nth'>): number {
	let seen = 0;
	for (const [at, item] of items.entries()) {
		if (item === entry.key && seen++ === entry.nth) return at;
	}
	return -1;
}

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
		for (const key of ['hope', 'bodyPlace', 'giveInstead', 'unsent'] as const) {
			if (key in update) changes[key] = cleanText(update[key]);
		}
		await this.#text.write(
			[this.#db.urges],
			(seal) => mapTexts('urges', changes, seal),
			async (sealed) => {
				if ((await this.#db.urges.update(id, sealed)) === 0) {
					throw new Error(`No urge record ${id} to add to`);
				}
			}
		);
	}

	/**
	 * Lets an unsent message go later (from the journal): deletes its words, sealed or not, and
	 * records the choice letGo. The urge moment and its other answers stay. False when there is
	 * no such moment, or no message in it to let go.
	 */
	async letUnsentGo(id: string): Promise<boolean> {
		return this.#db.transaction('rw', this.#db.urges, async () => {
			const record = await this.#db.urges.get(id);
			if (record?.unsent === undefined && record?.unsentChoice === undefined) return false;
			await this.#db.urges
				.where(':id')
				.equals(id)
				.modify((stored) => {
					delete stored.unsent;
					stored.unsentChoice = 'letGo';
				});
			return true;
		});
	}

	/** One urge record, or undefined; its answers readable when unlocked. */
	async get(id: string): Promise<UrgeRecord | undefined> {
		const record = await this.#db.urges.get(id);
		return record && mapTexts('urges', record, this.#text.open);
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
			rows.filter(isUrgeRecord).map((record) => mapTexts('urges', record, this.#text.open))
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
	async realityList(): Promise<RealityEntry[]> {
		return this.#shown((await this.#db.lists.get('reality'))?.items ?? []);
	}

	/** Adds one entry to the end of the reality list. */
	addRealityItem(text: string): Promise<RealityEntry[]> {
		return this.#addToRealityList(text, (items, item) => [...items, item]);
	}

	/**
	 * Removes an entry; returns the list as it is now, and whether the entry was still there
	 * (another tab may have changed the list).
	 */
	async removeRealityItem(
		entry: Pick<RealityEntry, 'key' | 'nth'>
	): Promise<{ entries: RealityEntry[]; removed: boolean }> {
		let removed = false;
		const items = await this.#changeRealityList((items) => {
			const at = indexOfEntry(items, entry);
			removed = at >= 0;
			return removed ? [...items.slice(0, at), ...items.slice(at + 1)] : items;
		});
		return { entries: await this.#shown(items), removed };
	}

	/**
	 * Puts an entry back where it was (undo of a removal): before the entry `before`, or at
	 * the end when there is none (any more).
	 */
	restoreRealityItem(
		text: string,
		before?: Pick<RealityEntry, 'key' | 'nth'>
	): Promise<RealityEntry[]> {
		return this.#addToRealityList(text, (items, item) => {
			const at = before ? indexOfEntry(items, before) : -1;
			return at < 0 ? [...items, item] : [...items.slice(0, at), item, ...items.slice(at)];
		});
	}

	/** Adds the cleaned text (sealed when the lock is on) where `insert` puts it. */
	async #addToRealityList(
		text: string,
		insert: (items: string[], item: string) => string[]
	): Promise<RealityEntry[]> {
		const items = await this.#text.write(
			[this.#db.lists],
			async (seal) => {
				const item = cleanText(text);
				return item && seal(item);
			},
			(item) => this.#changeRealityList((items) => (item ? insert(items, item) : items))
		);
		return this.#shown(items);
	}

	/** Changes the stored list itself, never a copy that may be out of date. */
	#changeRealityList(change: (items: string[]) => string[]): Promise<string[]> {
		return this.#db.transaction('rw', this.#db.lists, async () => {
			const current = (await this.#db.lists.get('reality'))?.items ?? [];
			const next = change(current.filter((item) => typeof item === 'string'));
			await this.#db.lists.put({ id: 'reality', items: next });
			return next;
		});
	}

	/** The entries that can be read now, with what finds them as stored. */
	async #shown(items: readonly unknown[]): Promise<RealityEntry[]> {
		const keys = items.filter((item) => typeof item === 'string');
		const texts = await Promise.all(keys.map((key) => this.#text.open(key)));
		const seen = new Map<string, number>();
		return keys.flatMap((key, i) => {
			const nth = seen.get(key) ?? 0;
			seen.set(key, nth + 1);
			const text = texts[i];
			return text === undefined ? [] : [{ text, key, nth }];
		});
	}
}
