import { describe, expect, it } from 'vitest';
import {
	createSession,
	originAtMs,
	reduceSession,
	SLEEP_GAP_MS,
	type SessionAction,
	type SessionState
} from './session';

function run(state: SessionState, ...actions: SessionAction[]): SessionState {
	return actions.reduce(reduceSession, state);
}

/** Ticks every 16 ms from `fromMs` up to `toMs`, like animation frames. */
function frames(fromMs: number, toMs: number): SessionAction[] {
	const out: SessionAction[] = [];
	for (let t = fromMs; t <= toMs; t += 16) out.push({ type: 'tick', atMs: t });
	out.push({ type: 'tick', atMs: toMs });
	return out;
}

describe('reduceSession', () => {
	it('counts active time from the clock, not from the number of ticks', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 1000 },
			{ type: 'tick', atMs: 1700 },
			{ type: 'tick', atMs: 2000 }
		);
		expect(s.status).toBe('running');
		expect(s.activeElapsedMs).toBe(1000);
	});

	it('resumes where it paused, without counting the pause', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			...frames(0, 5000),
			{ type: 'pause', atMs: 5000 },
			{ type: 'tick', atMs: 20_000 },
			{ type: 'resume', atMs: 65_000 },
			...frames(65_000, 67_000)
		);
		expect(s.status).toBe('running');
		expect(s.activeElapsedMs).toBe(7000);
	});

	it('discards a gap long enough to mean the phone slept', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			...frames(0, 3000),
			{ type: 'tick', atMs: 3000 + SLEEP_GAP_MS + 120_000 },
			{ type: 'tick', atMs: 3016 + SLEEP_GAP_MS + 120_000 }
		);
		expect(s.activeElapsedMs).toBe(3016);
	});

	it('counts a slow frame that is not a sleep', () => {
		const s = run(createSession(60_000), { type: 'start', atMs: 0 }, { type: 'tick', atMs: 400 });
		expect(s.activeElapsedMs).toBe(400);
	});

	it('ignores a clock that runs backwards', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 1000 },
			{ type: 'tick', atMs: 900 },
			{ type: 'tick', atMs: 950 }
		);
		expect(s.activeElapsedMs).toBe(50);
	});

	it('completes exactly at its duration', () => {
		const s = run(createSession(10_000), { type: 'start', atMs: 0 }, ...frames(0, 10_500));
		expect(s.status).toBe('completed');
		expect(s.activeElapsedMs).toBe(10_000);
	});

	it('can be stopped while running or paused, and keeps the time practised', () => {
		const running = run(createSession(60_000), { type: 'start', atMs: 0 }, ...frames(0, 2000), {
			type: 'stop',
			atMs: 2500
		});
		expect(running).toMatchObject({ status: 'stopped', activeElapsedMs: 2500 });
		const paused = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			{ type: 'pause', atMs: 800 },
			{ type: 'stop', atMs: 9000 }
		);
		expect(paused).toMatchObject({ status: 'stopped', activeElapsedMs: 800 });
	});

	it('returns the very same state for an action that does not fit', () => {
		const idle = createSession(60_000);
		expect(reduceSession(idle, { type: 'pause', atMs: 1 })).toBe(idle);
		expect(reduceSession(idle, { type: 'resume', atMs: 1 })).toBe(idle);
		expect(reduceSession(idle, { type: 'stop', atMs: 1 })).toBe(idle);
		const running = reduceSession(idle, { type: 'start', atMs: 0 });
		expect(reduceSession(running, { type: 'start', atMs: 5 })).toBe(running);
		expect(reduceSession(running, { type: 'resume', atMs: 5 })).toBe(running);
		const stopped = reduceSession(running, { type: 'stop', atMs: 10 });
		expect(reduceSession(stopped, { type: 'tick', atMs: 20 })).toBe(stopped);
		expect(reduceSession(stopped, { type: 'setDuration', durationMs: 1 })).toBe(stopped);
	});

	it('takes a new length without cutting into time already practised', () => {
		const s = run(createSession(60_000), { type: 'start', atMs: 0 }, ...frames(0, 30_000), {
			type: 'setDuration',
			durationMs: 10_000
		});
		expect(s.durationMs).toBe(30_000);
		const longer = reduceSession(s, { type: 'setDuration', durationMs: 600_000 });
		expect(longer.durationMs).toBe(600_000);
	});
});

describe('seeking to another place on the timeline', () => {
	it('moves the position but never the time practised', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			...frames(0, 2000),
			{ type: 'seek', atMs: 2000, positionMs: 30_000 },
			...frames(2000, 3000)
		);
		expect(s.positionMs).toBe(31_000);
		expect(s.activeElapsedMs).toBe(3000);
	});

	it('credits the time since the last tick before jumping', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			{ type: 'tick', atMs: 100 },
			{ type: 'seek', atMs: 400, positionMs: 10_000 }
		);
		expect(s.activeElapsedMs).toBe(400);
		expect(s.positionMs).toBe(10_000);
	});

	it('goes back as well as forward, also while paused', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			...frames(0, 20_000),
			{ type: 'pause', atMs: 20_000 },
			{ type: 'seek', atMs: 25_000, positionMs: 5000 }
		);
		expect(s.status).toBe('paused');
		expect(s.positionMs).toBe(5000);
		expect(s.activeElapsedMs).toBe(20_000);
	});

	it('never reaches the end by skipping, and ignores nonsense', () => {
		const start = run(createSession(60_000), { type: 'start', atMs: 0 });
		const far = reduceSession(start, { type: 'seek', atMs: 0, positionMs: 1e9 });
		expect(far.status).toBe('running');
		expect(far.positionMs).toBe(59_999);
		expect(reduceSession(start, { type: 'seek', atMs: 0, positionMs: Number.NaN })).toBe(start);
		const idle = createSession(60_000);
		expect(reduceSession(idle, { type: 'seek', atMs: 0, positionMs: 100 })).toBe(idle);
	});

	it('completes when the timeline is over, counting only the time practised', () => {
		const s = run(
			createSession(10_000),
			{ type: 'start', atMs: 0 },
			{ type: 'seek', atMs: 0, positionMs: 8000 },
			...frames(0, 3000)
		);
		expect(s.status).toBe('completed');
		expect(s.positionMs).toBe(10_000);
		expect(s.activeElapsedMs).toBe(2000);
	});
});

describe('the origin an animation follows', () => {
	it('stays put from tick to tick while the session runs', () => {
		const started = run(createSession(60_000), { type: 'start', atMs: 1000 });
		expect(originAtMs(started)).toBe(1000);
		const later = run(started, { type: 'tick', atMs: 2000 }, { type: 'tick', atMs: 6500 });
		expect(originAtMs(later)).toBe(1000);
	});

	it('moves on by the time left out: a pause, or a gap that means the phone slept', () => {
		const paused = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			{ type: 'tick', atMs: 3000 },
			{ type: 'pause', atMs: 4000 }
		);
		expect(originAtMs(paused)).toBeNull();
		const resumed = reduceSession(paused, { type: 'resume', atMs: 10_000 });
		expect(originAtMs(resumed)).toBe(6000);
		const slept = reduceSession(resumed, { type: 'tick', atMs: 10_000 + SLEEP_GAP_MS + 1 });
		expect(originAtMs(slept)).toBe(6000 + SLEEP_GAP_MS + 1);
	});

	it('moves with a skip to another place on the timeline', () => {
		const s = run(
			createSession(60_000),
			{ type: 'start', atMs: 0 },
			{ type: 'seek', atMs: 1000, positionMs: 20_000 }
		);
		expect(originAtMs(s)).toBe(1000 - 20_000);
	});
});
