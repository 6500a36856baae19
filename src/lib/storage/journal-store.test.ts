import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDayKey } from '../records/days';
import { RustpuntDb } from './db';
import { JournalStore } from './journal-store';
import { BOUNDARY_SOLO_ID, BOUNDARY_TOGETHER_ID, type SessionRecord } from '../records/sessions';

let db: RustpuntDb;
let store: JournalStore;
let name = 0;

beforeEach(() => {
	db = new RustpuntDb(`journal-${++name}`);
	store = new JournalStore(db);
});

afterEach(async () => {
	await db.delete();
});

/** A completed session starting at local time `y-m-d h:00`. */
function session(id: string, startedAt: number, extra: Partial<SessionRecord> = {}): SessionRecord {
	return {
		id,
		exerciseId: 'box',
		startedAt,
		day: localDayKey(startedAt),
		endedAt: startedAt + 60_000,
		activeMs: 60_000,
		plannedMs: 60_000,
		status: 'completed',
		...extra
	};
}
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('JournalStore', () => {
	it('pages through every session newest first without skipping or repeating', async () => {
		const rows = Array.from({ length: 25 }, (_, i) => session(`s${i}`, 1_000_000 + i * 1000));
		// Three sessions that started in the very same millisecond straddle a page boundary.
		rows.push(session('t1', 1_010_000), session('t2', 1_010_000), session('t3', 1_010_000));
		await db.sessions.bulkAdd(rows);
		const seen: string[] = [];
		let page = await store.page(4);
		seen.push(...page.sessions.map((s) => s.id));
		while (page.next) {
			page = await store.page(4, page.next);
			seen.push(...page.sessions.map((s) => s.id));
		}
		expect(seen).toHaveLength(28);
		expect(new Set(seen).size).toBe(28);
		const times = seen.map((id) => rows.find((r) => r.id === id)!.startedAt);
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('says there is no next page when the last page is full to the brim', async () => {
		await db.sessions.bulkAdd([session('a', 1), session('b', 2)]);
		expect((await store.page(2)).next).toBeUndefined();
	});

	it('reads sessions in a range, oldest first, leaving out the end of the range', async () => {
		await db.sessions.bulkAdd([session('a', 100), session('b', 200), session('c', 300)]);
		expect((await store.between(100, 300)).map((s) => s.id)).toEqual(['a', 'b']);
	});

	it('reads only the sessions rated after the practice', async () => {
		await db.sessions.bulkAdd([
			session('a', 1, { distressBefore: 6, distressAfter: 3 }),
			session('b', 2, { distressBefore: 6 }),
			session('c', 3, { distressAfter: 0 })
		]);
		expect((await store.rated()).map((s) => s.id).sort()).toEqual(['a', 'c']);
	});

	it('reads the newest boundary sessions, oldest first, and no others', async () => {
		const boundary = (id: string, startedAt: number) =>
			session(id, startedAt, { exerciseId: BOUNDARY_SOLO_ID, rounds: [{ stopDistanceM: 3 }] });
		await db.sessions.bulkAdd([
			boundary('b-newest', 5000),
			boundary('b-oldest', 1000),
			boundary('b-middle', 3000),
			boundary('b-second', 2000),
			session('together', 4000, { exerciseId: BOUNDARY_TOGETHER_ID, rounds: [{ stopSteps: 3 }] }),
			session('box', 4500),
			// Damaged: a round with a negative distance is left out rather than drawn.
			boundary('b-damaged', 6000)
		]);
		await db.sessions.update('b-damaged', { rounds: [{ stopDistanceM: -1 }] });

		expect((await store.boundarySessions(3)).map((s) => s.id)).toEqual([
			'b-second',
			'b-middle',
			'b-newest'
		]);
		expect((await store.boundarySessions(20)).map((s) => s.id)).toEqual([
			'b-oldest',
			'b-second',
			'b-middle',
			'b-newest'
		]);
		expect(await store.boundarySessions(0)).toEqual([]);
	});

	it('reads rounds noted in metres with a trusted person among the boundary sessions', async () => {
		await db.sessions.bulkAdd([
			session('screen', 1000, { exerciseId: BOUNDARY_SOLO_ID, rounds: [{ stopDistanceM: 3 }] }),
			session('together-m', 2000, {
				exerciseId: BOUNDARY_TOGETHER_ID,
				rounds: [{ stopSteps: 4 }, { stopDistanceM: 2.5 }]
			}),
			session('together-steps', 3000, {
				exerciseId: BOUNDARY_TOGETHER_ID,
				rounds: [{ stopSteps: 4 }]
			})
		]);
		expect((await store.boundarySessions(20)).map((s) => s.id)).toEqual(['screen', 'together-m']);
	});

	it('finds no boundary sessions in a journal without them', async () => {
		await db.sessions.bulkAdd([session('a', 1), session('b', 2)]);
		expect(await store.boundarySessions(20)).toEqual([]);
	});

	it('collects practised days back from today until the first day without practice', async () => {
		const now = at(2026, 11, 21, 20);
		await db.sessions.bulkAdd([
			session('today', at(2026, 11, 21, 8)),
			session('yesterday1', at(2026, 11, 20, 9)),
			session('yesterday2', at(2026, 11, 20, 22)),
			session('two-ago', at(2026, 11, 19, 7)),
			// Started but nothing practised: not a practised day, so the run ends here.
			session('empty', at(2026, 11, 18, 7), { activeMs: 0 }),
			session('older', at(2026, 11, 17, 7)),
			session('future', at(2026, 11, 22, 7))
		]);
		expect(await store.recentPractisedDays(now)).toEqual([
			'2026-11-21',
			'2026-11-20',
			'2026-11-19'
		]);
	});

	it('keeps a run that ended yesterday, and finds none after a gap', async () => {
		await db.sessions.bulkAdd([session('y', at(2026, 11, 20)), session('y2', at(2026, 11, 19))]);
		expect(await store.recentPractisedDays(at(2026, 11, 21))).toEqual(['2026-11-20', '2026-11-19']);
		expect(await store.recentPractisedDays(at(2026, 11, 23))).toEqual([]);
	});

	it('writes, replaces and clears a note, trimmed and bounded', async () => {
		await db.sessions.add(session('a', 1));
		await store.setNote('a', '  calmer after  ');
		expect((await store.get('a'))?.note).toBe('calmer after');
		await store.setNote('a', 'x'.repeat(5000));
		expect((await store.get('a'))?.note).toHaveLength(2000);
		await store.setNote('a', '   ');
		expect(await store.get('a')).not.toHaveProperty('note');
		await expect(store.setNote('missing', 'x')).rejects.toThrow('No session missing');
	});

	it('deletes a session and puts it back exactly as it was', async () => {
		const original = session('a', 1, { distressBefore: 4, note: 'mine' });
		await db.sessions.add(original);
		const removed = await store.remove('a');
		expect(await store.get('a')).toBeUndefined();
		await store.restore(removed!);
		expect(await store.get('a')).toEqual(original);
	});

	it('keeps streaks off until the person turns them on', async () => {
		expect(await store.settings()).toEqual({
			streaks: false,
			persistAsked: false,
			discreet: false
		});
		await store.setSetting('streaks', true);
		await db.settings.put({ key: 'persistAsked', value: 'damaged' });
		expect(await store.settings()).toEqual({ streaks: true, persistAsked: false, discreet: false });
	});

	it('reads only its own settings, never a name every object inherits', async () => {
		await db.settings.bulkPut([
			{ key: 'toString', value: true },
			{ key: 'constructor', value: true }
		]);
		const settings = await store.settings();
		expect(settings).toEqual({ streaks: false, persistAsked: false, discreet: false });
		expect(Object.keys(settings)).toEqual(['streaks', 'persistAsked', 'discreet']);
	});
});
