import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { localDayKey } from '../records/days';
import { RustpuntDb } from './db';
import v1 from './fixtures/v1.json';
import v2 from './fixtures/v2.json';
import v3 from './fixtures/v3.json';

/**
 * Every schema Rustpunt ever shipped, frozen as it was. A fixture is written with the
 * schema of its version, then opened by today's RustpuntDb, which must keep all of it.
 */
const SHIPPED_SCHEMAS: Record<number, Record<string, string>[]> = {
	1: [{ sessions: 'id, startedAt, status, exerciseId' }],
	2: [{ sessions: 'id, startedAt, status, exerciseId' }, { urges: 'id, startedAt', lists: 'id' }],
	3: [
		{ sessions: 'id, startedAt, status, exerciseId' },
		{ urges: 'id, startedAt', lists: 'id' },
		{ sessions: 'id, startedAt, status, exerciseId, day, distressAfter', settings: 'key' }
	]
};

interface Fixture {
	version: number;
	tables: Record<string, Record<string, unknown>[]>;
}

const FIXTURES: Fixture[] = [v1, v2, v3];
const opened: Dexie[] = [];
let n = 0;

afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

/** Writes a fixture with the schema its version shipped with, as that version would have. */
async function writeFixture(fixture: Fixture): Promise<string> {
	const name = `fixture-v${fixture.version}-${++n}`;
	const old = new Dexie(name);
	SHIPPED_SCHEMAS[fixture.version]!.forEach((stores, i) => old.version(i + 1).stores(stores));
	await old.transaction('rw', Object.keys(fixture.tables), async () => {
		for (const [table, rows] of Object.entries(fixture.tables))
			await old.table(table).bulkAdd(rows);
	});
	old.close();
	return name;
}

describe('databases written by every earlier version', () => {
	it('has a fixture for every shipped version before the current one', () => {
		const current = new RustpuntDb('version-probe');
		expect(FIXTURES.map((f) => f.version)).toEqual(
			Array.from({ length: current.verno - 1 }, (_, i) => i + 1)
		);
	});

	for (const fixture of FIXTURES) {
		it(`opens a version ${fixture.version} database with every record intact`, async () => {
			const db = new RustpuntDb(await writeFixture(fixture));
			opened.push(db);
			await db.open();
			expect(db.verno).toBe(4);
			for (const [table, rows] of Object.entries(fixture.tables)) {
				const stored = await db.table(table).toArray();
				const expected = rows.map((row) =>
					// Versions before 3 had no day: the upgrade to 3 gives it.
					table === 'sessions' && fixture.version < 3
						? { ...row, day: localDayKey(row.startedAt as number) }
						: row
				);
				expect(stored).toEqual(expect.arrayContaining(expected));
				expect(stored).toHaveLength(rows.length);
			}
		});
	}

	it('gives sessions of earlier versions the local day they were practised on', async () => {
		const db = new RustpuntDb(await writeFixture(v1));
		opened.push(db);
		const day = localDayKey(v1.tables.sessions[0]!.startedAt);
		expect(await db.sessions.where('day').equals(day).count()).toBe(1);
	});

	it('indexes only rated sessions by their rating after', async () => {
		const db = new RustpuntDb(await writeFixture(v2));
		opened.push(db);
		const rated = await db.sessions.where('distressAfter').aboveOrEqual(0).toArray();
		expect(rated.map((s) => s.id)).toEqual([v2.tables.sessions[0]!.id]);
	});

	it('adds the settings table without touching anything else', async () => {
		const db = new RustpuntDb(await writeFixture(v2));
		opened.push(db);
		await db.settings.put({ key: 'streaks', value: true });
		expect(await db.settings.get('streaks')).toEqual({ key: 'streaks', value: true });
		expect(await db.urges.count()).toBe(1);
		expect(await db.lists.get('reality')).toEqual(v2.tables.lists[0]);
	});

	it('adds the tables of own patterns and programmes, empty, to a version 3 database', async () => {
		const db = new RustpuntDb(await writeFixture(v3));
		opened.push(db);
		expect(await db.patterns.count()).toBe(0);
		expect(await db.programmes.count()).toBe(0);
		expect(await db.programmeDays.count()).toBe(0);
		expect(await db.settings.get('streaks')).toEqual({ key: 'streaks', value: true });
		expect(await db.sessions.where('day').equals('2026-05-22').count()).toBe(1);
	});
});
