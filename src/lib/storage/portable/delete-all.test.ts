import { describe, expect, it } from 'vitest';
import { SessionStore } from '../session-store';
import { deleteAllData } from './delete-all';
import { at, db, fill, useFreshDb } from './test-data';

useFreshDb('delete-all');

describe('deleteAllData', () => {
	it('empties every table and leaves a database the app can keep using', async () => {
		await fill();
		await deleteAllData(db);
		for (const table of db.tables) expect(await table.count()).toBe(0);

		const store = new SessionStore(db);
		await store.start({ id: 'new', exerciseId: 'box', startedAt: at(14, 8), plannedMs: 60_000 });
		expect(await store.get('new')).toMatchObject({ id: 'new', status: 'running' });
		expect(db.verno).toBe(4);
	});
});
