import type { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RustpuntDb } from './db';
import { SEALED_PREFIX } from '../security/lock-crypto';
import type { RealityEntry } from '../records/urges';
import { UrgeStore } from './urge-store';

const opened: Dexie[] = [];
let n = 0;
function freshDb(): RustpuntDb {
	const db = new RustpuntDb(`urges-${++n}`);
	opened.push(db);
	return db;
}

afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

/** The words of the entries as shown. */
const texts = (entries: RealityEntry[]) => entries.map((entry) => entry.text);

describe('UrgeStore', () => {
	it('keeps the moment at once, then what the person says, in their own words', async () => {
		const store = new UrgeStore(freshDb());
		await store.start('u1', 1000);
		await store.update('u1', { intensity: 8, hope: '  to feel wanted  ', bodyPlace: '' });
		await store.update('u1', { helped: 'body', waitedMs: 600_000, contact: 'no' });
		expect(await store.get('u1')).toEqual({
			id: 'u1',
			startedAt: 1000,
			intensity: 8,
			hope: 'to feel wanted',
			helped: 'body',
			waitedMs: 600_000,
			contact: 'no'
		});
	});

	it('says so when there is no record to add to, instead of losing the answer silently', async () => {
		const store = new UrgeStore(freshDb());
		await expect(store.update('missing', { contact: 'no' })).rejects.toThrow(/No urge record/);
	});

	it('refuses an intensity outside 0 to 10 and changes nothing', async () => {
		const store = new UrgeStore(freshDb());
		await store.start('u1', 1000);
		await expect(store.update('u1', { intensity: 12 })).rejects.toThrow(RangeError);
		expect((await store.get('u1'))?.intensity).toBeUndefined();
	});

	it('keeps the reality list in order, without empty lines, and bounded in length', async () => {
		const store = new UrgeStore(freshDb());
		expect(await store.realityList()).toEqual([]);
		await store.addRealityItem('He read my messages.');
		await store.addRealityItem('   ');
		await store.addRealityItem('x'.repeat(5000));
		const list = texts(await store.realityList());
		expect(list[0]).toBe('He read my messages.');
		expect(list).toHaveLength(2);
		expect(list[1]).toHaveLength(2000);
	});

	it('changes the stored list itself, so two quick changes both count, and undo restores', async () => {
		const store = new UrgeStore(freshDb());
		await Promise.all([store.addRealityItem('one'), store.addRealityItem('two')]);
		const list = await store.realityList();
		expect(texts(list)).toEqual(['one', 'two']);
		expect(texts((await store.removeRealityItem(list[0]!)).entries)).toEqual(['two']);
		expect(texts(await store.restoreRealityItem('one', list[1]))).toEqual(['one', 'two']);
	});

	it('removes the entry that was tapped, and puts it back in its place, when entries before it cannot be read', async () => {
		const db = freshDb();
		// An entry sealed by a lock that is gone cannot be read, and is not shown.
		await db.lists.put({ id: 'reality', items: [`${SEALED_PREFIX}AAAA`, 'one', 'two', 'three'] });
		const store = new UrgeStore(db);
		const list = await store.realityList();
		expect(texts(list)).toEqual(['one', 'two', 'three']);
		// The second entry on the screen is "two", the third in the stored list.
		expect(texts((await store.removeRealityItem(list[1]!)).entries)).toEqual(['one', 'three']);
		expect(texts(await store.restoreRealityItem('two', list[2]))).toEqual(['one', 'two', 'three']);
		expect((await db.lists.get('reality'))?.items).toHaveLength(4);
	});

	it('removes the entry that was tapped when the same words stand in the list twice', async () => {
		const db = freshDb();
		await db.lists.put({ id: 'reality', items: ['same', 'other', 'same'] });
		const store = new UrgeStore(db);
		const list = await store.realityList();
		await store.removeRealityItem(list[2]!);
		expect((await db.lists.get('reality'))?.items).toEqual(['same', 'other']);
		// Undo puts it back before the entry now in its place, also among equal words.
		const { entries } = await store.removeRealityItem(list[0]!);
		await store.restoreRealityItem('same', entries[0]);
		expect((await db.lists.get('reality'))?.items).toEqual(['same', 'other']);
		// Removed already (say, in another tab): nothing more goes, and the screen is told.
		expect(await store.removeRealityItem(list[2]!)).toMatchObject({ removed: false });
		expect((await db.lists.get('reality'))?.items).toEqual(['same', 'other']);
	});

	it('reads urge moments of a time range, newest first, and the last one that ended in contact', async () => {
		const store = new UrgeStore(freshDb());
		for (const [id, startedAt, contact] of [
			['a', 1000, 'yes'],
			['b', 2000, 'no'],
			['c', 3000, 'yes'],
			['d', 4000, 'unsaid']
		] as const) {
			await store.start(id, startedAt);
			await store.update(id, { contact });
		}
		expect((await store.between(2000, 4000)).map((u) => u.id)).toEqual(['c', 'b']);
		expect((await store.between(0, Infinity)).map((u) => u.id)).toEqual(['d', 'c', 'b', 'a']);
		expect(await store.lastContactAt()).toBe(3000);
		expect(await new UrgeStore(freshDb()).lastContactAt()).toBeUndefined();
	});
});
