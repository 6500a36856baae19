import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RustpuntDb } from './db';
import { JournalStore } from './journal-store';
import { askToKeepDataOnce, storageStatus } from './persistence';

let db: RustpuntDb;
let n = 0;

beforeEach(() => {
	db = new RustpuntDb(`persist-${++n}`);
});

afterEach(async () => {
	vi.unstubAllGlobals();
	await db.delete();
});

describe('keeping the data', () => {
	it('asks the browser to keep the data only once, however many sessions complete', async () => {
		const persist = vi.fn(() => Promise.resolve(true));
		vi.stubGlobal('navigator', { storage: { persist } });
		const journal = new JournalStore(db);
		await askToKeepDataOnce(journal);
		await askToKeepDataOnce(journal);
		expect(persist).toHaveBeenCalledTimes(1);
		expect((await journal.settings()).persistAsked).toBe(true);
	});

	it('does nothing where the browser has no Storage API', async () => {
		vi.stubGlobal('navigator', {});
		await askToKeepDataOnce(new JournalStore(db));
		expect(await storageStatus()).toEqual({});
	});

	it('reports whether the data is kept and how much space it uses', async () => {
		vi.stubGlobal('navigator', {
			storage: {
				persisted: () => Promise.resolve(false),
				estimate: () => Promise.resolve({ usage: 2_400_000, quota: 100_000_000 })
			}
		});
		expect(await storageStatus()).toEqual({
			persisted: false,
			usageBytes: 2_400_000,
			quotaBytes: 100_000_000
		});
	});
});
