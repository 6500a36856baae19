import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressOf } from '../programmes/progress';
import { RustpuntDb } from './db';
import { CURRENT_PROGRAMME_KEY, ProgrammeStore } from './programme-store';

let db: RustpuntDb;
let store: ProgrammeStore;
let name = 0;

beforeEach(() => {
	db = new RustpuntDb(`programmes-${++name}`);
	store = new ProgrammeStore(db);
});

afterEach(async () => {
	await db.delete();
});

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 8);

/** Progress of the programme's current run, for a programme of `total` days. */
async function progress(programmeId: string, total = 28) {
	const record = await store.get(programmeId);
	return progressOf(total, record!.run, await store.days(programmeId, record!.run));
}

describe('ProgrammeStore', () => {
	it('starts a programme at day 1 as the current one', async () => {
		const record = await store.start('fundament', T0);
		expect(record).toEqual({ programmeId: 'fundament', run: 1, startedAt: T0, status: 'active' });
		expect((await store.current())?.programmeId).toBe('fundament');
		expect((await progress('fundament')).nextDay).toBe(1);
	});

	it('offers the next day after a day is done, and records which session did it', async () => {
		await store.start('fundament', T0);
		const day = await store.completeDay(
			{ programmeId: 'fundament', day: 1, sessionId: 's1' },
			T0 + 1000
		);
		expect(day).toEqual({
			id: 'fundament:1:1',
			programmeId: 'fundament',
			run: 1,
			day: 1,
			sessionId: 's1',
			completedAt: T0 + 1000
		});
		expect((await progress('fundament')).nextDay).toBe(2);
		expect(await store.daysOfSessions(['s1', 'other'])).toEqual([day]);
	});

	it('never fails a programme for missed days: after two weeks away the next day is still waiting', async () => {
		await store.start('fundament', T0);
		await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's1' }, T0);
		await store.completeDay({ programmeId: 'fundament', day: 2, sessionId: 's2' }, T0 + DAY_MS);
		// Fourteen calendar days without practice change nothing about where the person is.
		const later = await progress('fundament');
		expect(later.nextDay).toBe(3);
		expect(later.done.size).toBe(2);
		await store.completeDay(
			{ programmeId: 'fundament', day: 3, sessionId: 's3' },
			T0 + 16 * DAY_MS
		);
		expect((await progress('fundament')).nextDay).toBe(4);
		expect((await store.get('fundament'))?.status).toBe('active');
	});

	it('keeps the first session that completed a day when the day is practised again', async () => {
		await store.start('fundament', T0);
		await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's1' }, T0);
		const again = await store.completeDay(
			{ programmeId: 'fundament', day: 1, sessionId: 's2' },
			T0 + 5
		);
		expect(again?.sessionId).toBe('s1');
		expect(await store.days('fundament')).toHaveLength(1);
	});

	it('pauses and resumes where it was; a day practised while paused resumes it', async () => {
		await store.start('fundament', T0);
		await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's1' }, T0);
		await store.pause('fundament');
		expect((await store.get('fundament'))?.status).toBe('paused');
		expect((await progress('fundament')).nextDay).toBe(2);
		await store.resume('fundament');
		expect((await store.get('fundament'))?.status).toBe('active');
		await store.pause('fundament');
		await store.completeDay({ programmeId: 'fundament', day: 2, sessionId: 's2' }, T0 + DAY_MS);
		expect((await store.get('fundament'))?.status).toBe('active');
	});

	it('restarts from day 1 in a new run and keeps the days of the earlier run', async () => {
		await store.start('fundament', T0);
		await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's1' }, T0);
		await store.completeDay({ programmeId: 'fundament', day: 2, sessionId: 's2' }, T0 + DAY_MS);
		const restarted = await store.restart('fundament', T0 + 3 * DAY_MS);
		expect(restarted.run).toBe(2);
		expect((await progress('fundament')).nextDay).toBe(1);
		await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's3' }, T0 + 4 * DAY_MS);
		expect((await store.days('fundament')).map((d) => d.id)).toEqual([
			'fundament:1:1',
			'fundament:1:2',
			'fundament:2:1'
		]);
	});

	it('follows two programmes with one current, and leaving the current one hands over to the other', async () => {
		await store.start('fundament', T0);
		await store.start('uit-de-band', T0 + 10);
		expect((await store.current())?.programmeId).toBe('uit-de-band');
		await store.setCurrent('fundament');
		expect((await store.current())?.programmeId).toBe('fundament');
		await store.completeDay({ programmeId: 'uit-de-band', day: 1, sessionId: 's1' }, T0 + 20);
		expect((await progress('fundament')).nextDay).toBe(1);
		expect((await progress('uit-de-band', 49)).nextDay).toBe(2);
		await store.leave('fundament');
		expect(await db.settings.get(CURRENT_PROGRAMME_KEY)).toBeUndefined();
		expect((await store.current())?.programmeId).toBe('uit-de-band');
		expect((await store.all()).map((p) => [p.programmeId, p.status])).toEqual([
			['uit-de-band', 'active'],
			['fundament', 'left']
		]);
	});

	it('records nothing for a programme left or never started', async () => {
		expect(
			await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's1' }, T0)
		).toBeUndefined();
		await store.start('fundament', T0);
		await store.leave('fundament');
		expect(
			await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's1' }, T0)
		).toBeUndefined();
		expect(await store.current()).toBeUndefined();
	});

	it('starts a programme that was left again as a new run, with the variant chosen', async () => {
		await store.start('veilige-basis', T0, 'anxious');
		await store.leave('veilige-basis');
		const again = await store.start('veilige-basis', T0 + DAY_MS, 'avoidant');
		expect(again).toMatchObject({ run: 2, status: 'active', variant: 'avoidant' });
		await store.chooseVariant('veilige-basis', 'chaotic');
		expect((await store.get('veilige-basis'))?.variant).toBe('chaotic');
	});

	it('undoes leaving or restarting: the run, its days and the current programme come back', async () => {
		await store.start('fundament', T0);
		await store.completeDay({ programmeId: 'fundament', day: 1, sessionId: 's1' }, T0 + 1000);
		await store.start('kalm', T0 + 2000);
		await store.setCurrent('fundament');

		const beforeLeaving = await store.snapshot('fundament');
		await store.leave('fundament');
		expect((await store.current())?.programmeId).toBe('kalm');
		await store.restore(beforeLeaving);
		expect((await store.current())?.programmeId).toBe('fundament');
		expect((await progress('fundament')).nextDay).toBe(2);

		const beforeRestart = await store.snapshot('fundament');
		await store.restart('fundament', T0 + 3000);
		expect((await progress('fundament')).nextDay).toBe(1);
		await store.restore(beforeRestart);
		expect(await store.get('fundament')).toMatchObject({ run: 1, status: 'active' });
		expect((await progress('fundament')).nextDay).toBe(2);
	});

	it('refuses to pause a programme that was never started', async () => {
		await expect(store.pause('nothing')).rejects.toThrow('never started');
	});

	it('leaves damaged records out', async () => {
		await db.programmes.put({ programmeId: 'broken', run: 0, startedAt: -1, status: 'active' });
		await db.programmeDays.put({
			id: 'x',
			programmeId: 'broken',
			run: 1,
			day: 0,
			sessionId: 's',
			completedAt: 0
		});
		expect(await store.all()).toEqual([]);
		expect(await store.days('broken')).toEqual([]);
	});
});
