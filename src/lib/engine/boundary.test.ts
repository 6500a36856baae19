import { describe, expect, it } from 'vitest';
import {
	allRounds,
	apparentSize,
	APPROACH_SPEEDS,
	arrivalAt,
	createBoundary,
	DEFAULT_START_DISTANCE_M,
	distanceAt,
	hazeAt,
	MIN_DISTANCE_M,
	NEAR_SIZE,
	reduceBoundary,
	roundDistanceM,
	SHADOW_OPACITY,
	SHADOW_SPREAD,
	shadowAt,
	RETREAT_SPEED_MPS,
	STEP_LENGTH_M,
	steppedDistanceM,
	stepsPerSecond,
	type BoundaryAction,
	type BoundaryState
} from './boundary';

function run(state: BoundaryState, ...actions: BoundaryAction[]): BoundaryState {
	return actions.reduce(reduceBoundary, state);
}

/** Ticks every 16 ms from `fromMs` up to `toMs`, like animation frames. */
function frames(fromMs: number, toMs: number): BoundaryAction[] {
	const out: BoundaryAction[] = [];
	for (let t = fromMs; t <= toMs; t += 16) out.push({ type: 'tick', atMs: t });
	out.push({ type: 'tick', atMs: toMs });
	return out;
}

/** An approach at medium speed (0.5 m/s) from 5 m, begun at 0 ms. */
function approaching(): BoundaryState {
	return run(createBoundary({ speed: 'medium' }), { type: 'begin', atMs: 0 });
}

describe('createBoundary', () => {
	it('starts ready at the default distance, with no round under way', () => {
		const s = createBoundary();
		expect(s).toMatchObject({ status: 'ready', distanceM: DEFAULT_START_DISTANCE_M, rounds: [] });
		expect(s.round).toBeUndefined();
		expect(s.settings.startDistanceM).toBe(5);
	});

	it('falls back to the default for a remembered setting that is no longer valid', () => {
		const s = createBoundary({
			speed: 'sprint' as never,
			startDistanceM: 4,
			side: 'right'
		});
		expect(s.settings).toEqual({ speed: 'slow', startDistanceM: 5, side: 'right' });
	});
});

describe('walking toward the person', () => {
	it.each([
		['slow', 4.4],
		['medium', 4],
		['fast', 3.4]
	] as const)('walks at the %s speed, reaching %f m after 2 s', (speed, expectedM) => {
		const s = run(createBoundary({ speed }), { type: 'begin', atMs: 1000 });
		expect(distanceAt(s, 1000)).toBe(5);
		expect(distanceAt(s, 3000)).toBeCloseTo(expectedM, 10);
		expect(distanceAt(s, 2000)).toBeCloseTo(5 - APPROACH_SPEEDS[speed], 10);
	});

	it('never comes closer than the minimum distance, however late the clock', () => {
		const s = approaching();
		expect(distanceAt(s, 1_000_000)).toBe(MIN_DISTANCE_M);
	});

	it('does not move backwards for a clock reading before it began', () => {
		const s = run(createBoundary(), { type: 'begin', atMs: 5000 });
		expect(distanceAt(s, 1000)).toBe(5);
	});

	it('lands a late tick where continuous motion would have been', () => {
		const late = run(approaching(), { type: 'tick', atMs: 3000 });
		const smooth = run(approaching(), ...frames(0, 3000));
		expect(distanceAt(late, 3000)).toBeCloseTo(3.5, 10);
		expect(distanceAt(late, 5000)).toBe(distanceAt(smooth, 5000));
		expect(run(late, { type: 'stop', atMs: 4000 })).toEqual(
			run(smooth, { type: 'stop', atMs: 4000 })
		);
	});

	it('stops by itself at exactly the minimum distance when the person does nothing', () => {
		const s = run(approaching(), ...frames(0, 20_000));
		expect(s.status).toBe('waiting');
		expect(s.distanceM).toBe(MIN_DISTANCE_M);
		expect(s.sinceMs).toBe(8000);
		expect(s.round?.reachedMinimum).toBe(true);
		expect(s.round && 'stopDistanceM' in s.round).toBe(false);
	});

	it('settles a tick long past the arrival at the arrival point and time', () => {
		const s = run(approaching(), { type: 'tick', atMs: 60_000 });
		expect(s).toMatchObject({ status: 'waiting', distanceM: 1, sinceMs: 8000 });
		expect(reduceBoundary(s, { type: 'tick', atMs: 90_000 })).toBe(s);
	});
});

describe('stop', () => {
	it('freezes exactly at the distance for its moment, and nothing moves afterwards', () => {
		const stopped = run(approaching(), ...frames(0, 2900), { type: 'stop', atMs: 3000 });
		expect(stopped).toMatchObject({ status: 'stopped', distanceM: 3.5, sinceMs: 3000 });
		expect(stopped.round?.stopDistanceM).toBe(3.5);
		const later = run(stopped, ...frames(3000, 60_000));
		expect(later).toBe(stopped);
		expect(distanceAt(later, 600_000)).toBe(3.5);
		expect(arrivalAt(later)).toBeUndefined();
	});

	it('records the stop distance at the tenth of a metre the person is shown', () => {
		const s = run(
			createBoundary({ speed: 'slow' }),
			{ type: 'begin', atMs: 0 },
			{ type: 'stop', atMs: 1234 }
		);
		expect(s.distanceM).toBeCloseTo(5 - 0.3 * 1.234, 10);
		expect(s.round?.stopDistanceM).toBe(4.6);
	});

	it('stores the same distance the live status shows, even just under a half tenth', () => {
		// 5 - 0.3 * 5.834 = 3.2498 m: shown live as 3.2, so kept as 3.2 (not 3.25, read as 3.3).
		const s = run(
			createBoundary({ speed: 'slow' }),
			{ type: 'begin', atMs: 0 },
			{ type: 'stop', atMs: 5834 }
		);
		expect(roundDistanceM(s.distanceM)).toBe(3.2);
		expect(s.round?.stopDistanceM).toBe(3.2);
	});

	it('treats a stop stamped before the last change as happening at that change', () => {
		const s = run(createBoundary(), { type: 'begin', atMs: 5000 }, { type: 'stop', atMs: 4000 });
		expect(s).toMatchObject({ status: 'stopped', distanceM: 5, sinceMs: 5000 });
	});

	it('finds the figure already waiting when Stop comes after it arrived but before a tick', () => {
		const s = run(approaching(), { type: 'stop', atMs: 9000 });
		expect(s).toMatchObject({ status: 'waiting', distanceM: 1, sinceMs: 8000 });
		expect(s.round?.stopDistanceM).toBeUndefined();
	});
});

describe('go back', () => {
	it('retreats calmly to the start and is back at the right moment', () => {
		const stopped = run(approaching(), { type: 'stop', atMs: 4000 });
		const retreating = reduceBoundary(stopped, { type: 'goBack', atMs: 5000 });
		expect(retreating).toMatchObject({ status: 'retreating', distanceM: 3, sinceMs: 5000 });
		expect(retreating.round?.wentBack).toBe(true);
		expect(distanceAt(retreating, 7500)).toBeCloseTo(3 + RETREAT_SPEED_MPS * 2.5, 10);
		expect(arrivalAt(retreating)).toBeCloseTo(10_000, 6);
		const back = run(retreating, ...frames(5000, 12_000));
		expect(back).toMatchObject({ status: 'back', distanceM: 5 });
		expect(back.sinceMs).toBeCloseTo(10_000, 6);
		expect(run(back, ...frames(12_000, 20_000))).toBe(back);
	});

	it('can be used straight from the approach, and from waiting at the minimum', () => {
		const fromApproach = run(approaching(), { type: 'goBack', atMs: 2000 });
		expect(fromApproach).toMatchObject({ status: 'retreating', distanceM: 4, sinceMs: 2000 });
		const waiting = run(approaching(), { type: 'tick', atMs: 8000 });
		const fromWaiting = reduceBoundary(waiting, { type: 'goBack', atMs: 9000 });
		expect(fromWaiting).toMatchObject({ status: 'retreating', distanceM: 1, sinceMs: 9000 });
		expect(arrivalAt(fromWaiting)).toBeCloseTo(19_000, 6);
		expect(fromWaiting.round).toMatchObject({ reachedMinimum: true, wentBack: true });
	});

	it('freezes on a Stop during the retreat and keeps the first stop distance', () => {
		const s = run(
			approaching(),
			{ type: 'stop', atMs: 4000 },
			{ type: 'goBack', atMs: 5000 },
			{ type: 'stop', atMs: 7500 }
		);
		expect(s.status).toBe('stopped');
		expect(s.distanceM).toBeCloseTo(4, 10);
		expect(s.round).toMatchObject({ stopDistanceM: 3, wentBack: true });
		expect(run(s, ...frames(7500, 30_000))).toBe(s);
	});

	it('keeps a round that goes back and stops again as one round', () => {
		const s = run(
			approaching(),
			{ type: 'stop', atMs: 4000 },
			{ type: 'goBack', atMs: 5000 },
			{ type: 'stop', atMs: 6000 },
			{ type: 'goBack', atMs: 7000 },
			{ type: 'tick', atMs: 20_000 }
		);
		expect(s.status).toBe('back');
		expect(s.rounds).toEqual([]);
		expect(allRounds(s)).toHaveLength(1);
	});
});

describe('rounds', () => {
	it('begins another approach from the start distance and keeps the previous round', () => {
		const stopped = run(approaching(), { type: 'stop', atMs: 4000 });
		const again = reduceBoundary(stopped, { type: 'begin', atMs: 10_000 });
		expect(again).toMatchObject({ status: 'approaching', distanceM: 5, sinceMs: 10_000 });
		expect(again.rounds).toEqual([
			{
				stopDistanceM: 3,
				reachedMinimum: false,
				wentBack: false,
				speed: 'medium',
				startDistanceM: 5,
				side: 'front'
			}
		]);
		expect(again.round).toEqual({
			reachedMinimum: false,
			wentBack: false,
			speed: 'medium',
			startDistanceM: 5,
			side: 'front'
		});
	});

	it('begins again from waiting and from back', () => {
		const waiting = run(approaching(), { type: 'tick', atMs: 8000 });
		const fromWaiting = reduceBoundary(waiting, { type: 'begin', atMs: 9000 });
		expect(fromWaiting.status).toBe('approaching');
		expect(fromWaiting.rounds[0]?.reachedMinimum).toBe(true);
		const back = run(fromWaiting, { type: 'goBack', atMs: 10_000 }, { type: 'tick', atMs: 13_000 });
		expect(back.status).toBe('back');
		const fromBack = reduceBoundary(back, { type: 'begin', atMs: 14_000 });
		expect(fromBack).toMatchObject({ status: 'approaching', distanceM: 5 });
		expect(fromBack.rounds).toHaveLength(2);
		expect(allRounds(fromBack)).toHaveLength(3);
	});

	it('adds the round under way when the session finishes', () => {
		const stopped = run(approaching(), { type: 'stop', atMs: 4000 });
		const done = reduceBoundary(stopped, { type: 'finish' });
		expect(done).toMatchObject({ status: 'ready', distanceM: 5 });
		expect(done.round).toBeUndefined();
		expect(done.rounds).toEqual(allRounds(stopped));
		expect(done.rounds[0]?.stopDistanceM).toBe(3);
		expect(reduceBoundary(done, { type: 'finish' })).toBe(done);
	});

	it('lists every round for saving without letting the caller change the state', () => {
		const s = run(approaching(), { type: 'stop', atMs: 1000 }, { type: 'begin', atMs: 2000 });
		const rounds = allRounds(s);
		rounds.pop();
		expect(allRounds(s)).toHaveLength(2);
		expect(allRounds(createBoundary())).toEqual([]);
	});
});

describe('settings', () => {
	it('change between rounds and move the figure to the new start', () => {
		const s = reduceBoundary(createBoundary(), {
			type: 'settings',
			settings: { speed: 'fast', startDistanceM: 8, side: 'left' }
		});
		expect(s.settings).toEqual({ speed: 'fast', startDistanceM: 8, side: 'left' });
		expect(s.distanceM).toBe(8);
		const begun = reduceBoundary(s, { type: 'begin', atMs: 0 });
		expect(arrivalAt(begun)).toBeCloseTo(((8 - 1) / 0.8) * 1000, 6);
		expect(begun.round).toMatchObject({ speed: 'fast', startDistanceM: 8, side: 'left' });
	});

	it('can change once the figure is back, without rewriting the round just walked', () => {
		const back = run(approaching(), { type: 'goBack', atMs: 2000 }, { type: 'tick', atMs: 10_000 });
		const s = reduceBoundary(back, { type: 'settings', settings: { startDistanceM: 3 } });
		expect(s).toMatchObject({ status: 'back', distanceM: 3 });
		expect(s.round?.startDistanceM).toBe(5);
	});

	it('do not change while the figure walks or stands stopped', () => {
		const walking = approaching();
		const change: BoundaryAction = { type: 'settings', settings: { speed: 'slow' } };
		expect(reduceBoundary(walking, change)).toBe(walking);
		const stopped = run(walking, { type: 'stop', atMs: 1000 });
		expect(reduceBoundary(stopped, change)).toBe(stopped);
		const waiting = run(walking, { type: 'tick', atMs: 8000 });
		expect(reduceBoundary(waiting, change)).toBe(waiting);
	});

	it('ignore an unknown speed, a distance not on offer, an invalid side or no change', () => {
		const s = createBoundary();
		const bad: Partial<Record<string, unknown>>[] = [
			{ speed: 'sprint' },
			{ speed: 'toString' },
			{ startDistanceM: 4 },
			{ startDistanceM: Number.NaN },
			{ side: 'behind' },
			{ speed: 'fast', side: 'behind' },
			{},
			{ speed: 'slow', startDistanceM: 5, side: 'front' }
		];
		for (const settings of bad) {
			expect(reduceBoundary(s, { type: 'settings', settings: settings as never })).toBe(s);
		}
	});
});

describe('invalid actions', () => {
	it('return the very same state', () => {
		const ready = createBoundary();
		expect(reduceBoundary(ready, { type: 'stop', atMs: 1 })).toBe(ready);
		expect(reduceBoundary(ready, { type: 'goBack', atMs: 1 })).toBe(ready);
		expect(reduceBoundary(ready, { type: 'tick', atMs: 1 })).toBe(ready);
		expect(reduceBoundary(ready, { type: 'begin', atMs: Number.NaN })).toBe(ready);
		expect(reduceBoundary(ready, { type: 'begin', atMs: Number.POSITIVE_INFINITY })).toBe(ready);
		expect(reduceBoundary(ready, { type: 'jump' } as never)).toBe(ready);
		const walking = approaching();
		expect(reduceBoundary(walking, { type: 'begin', atMs: 1000 })).toBe(walking);
		expect(reduceBoundary(walking, { type: 'tick', atMs: 1000 })).toBe(walking);
		expect(reduceBoundary(walking, { type: 'stop', atMs: Number.NaN })).toBe(walking);
		const retreating = run(walking, { type: 'goBack', atMs: 1000 });
		expect(reduceBoundary(retreating, { type: 'goBack', atMs: 1500 })).toBe(retreating);
		expect(reduceBoundary(retreating, { type: 'begin', atMs: 1500 })).toBe(retreating);
		const waiting = run(walking, { type: 'tick', atMs: 8000 });
		expect(reduceBoundary(waiting, { type: 'stop', atMs: 9000 })).toBe(waiting);
		const back = run(retreating, { type: 'tick', atMs: 60_000 });
		expect(reduceBoundary(back, { type: 'goBack', atMs: 61_000 })).toBe(back);
		expect(reduceBoundary(back, { type: 'stop', atMs: 61_000 })).toBe(back);
	});
});

describe('apparentSize', () => {
	it('follows perspective: halving the distance doubles the size', () => {
		expect(apparentSize(MIN_DISTANCE_M)).toBe(NEAR_SIZE);
		expect(apparentSize(2)).toBeCloseTo(2 * apparentSize(4), 12);
		expect(apparentSize(4)).toBeCloseTo(2 * apparentSize(8), 12);
		expect(apparentSize(5)).toBeCloseTo(NEAR_SIZE / 5, 12);
	});

	it('is not linear in distance: the last metre grows the figure most', () => {
		const farMetre = apparentSize(4) - apparentSize(5);
		const nearMetre = apparentSize(1) - apparentSize(2);
		expect(nearMetre).toBeGreaterThan(5 * farMetre);
	});

	it('never grows beyond its size at the minimum distance', () => {
		expect(apparentSize(0.5)).toBe(NEAR_SIZE);
		expect(apparentSize(0)).toBe(NEAR_SIZE);
	});
});

describe('stepsPerSecond', () => {
	it('follows the walking speed, and is 0 whenever the figure stands still', () => {
		const walking = approaching();
		expect(stepsPerSecond(walking)).toBeCloseTo(0.5 / STEP_LENGTH_M, 12);
		const retreating = run(walking, { type: 'goBack', atMs: 1000 });
		expect(stepsPerSecond(retreating)).toBeCloseTo(RETREAT_SPEED_MPS / STEP_LENGTH_M, 12);
		expect(stepsPerSecond(run(walking, { type: 'stop', atMs: 1000 }))).toBe(0);
		expect(stepsPerSecond(run(walking, { type: 'tick', atMs: 8000 }))).toBe(0);
		expect(stepsPerSecond(createBoundary())).toBe(0);
	});
});

describe('arrivalAt', () => {
	it('gives the moment an approach reaches the minimum, undefined while still', () => {
		expect(arrivalAt(createBoundary())).toBeUndefined();
		const slow = run(createBoundary({ speed: 'slow' }), { type: 'begin', atMs: 500 });
		const arrivalMs = arrivalAt(slow) ?? Number.NaN;
		expect(arrivalMs).toBeCloseTo(500 + (4 / 0.3) * 1000, 6);
		expect(reduceBoundary(slow, { type: 'tick', atMs: arrivalMs - 1 }).status).toBe('approaching');
		const arrived = reduceBoundary(slow, { type: 'tick', atMs: arrivalMs });
		expect(arrived).toMatchObject({ status: 'waiting', distanceM: 1, sinceMs: arrivalMs });
		expect(arrivalAt(arrived)).toBeUndefined();
	});
});

describe('when the person cannot see the figure', () => {
	it('holds it where it is without recording a stop, and nothing moves until they act', () => {
		let state = createBoundary({ speed: 'medium', startDistanceM: 5, side: 'front' });
		state = reduceBoundary(state, { type: 'begin', atMs: 0 });
		state = reduceBoundary(state, { type: 'hold', atMs: 2000 });
		expect(state.status).toBe('stopped');
		expect(distanceAt(state, 60_000)).toBe(4);
		expect(state.round?.stopDistanceM).toBeUndefined();
		expect(reduceBoundary(state, { type: 'hold', atMs: 3000 })).toBe(state);
	});
});

describe('go back on the way in', () => {
	it('marks where the boundary was felt when no Stop came first', () => {
		let state = createBoundary({ speed: 'medium', startDistanceM: 5, side: 'front' });
		state = reduceBoundary(state, { type: 'begin', atMs: 0 });
		state = reduceBoundary(state, { type: 'goBack', atMs: 3000 });
		expect(state.round).toMatchObject({ stopDistanceM: 3.5, wentBack: true });
	});

	it('keeps the first Stop as the boundary when Go back comes after it', () => {
		let state = createBoundary({ speed: 'medium', startDistanceM: 5, side: 'front' });
		state = reduceBoundary(state, { type: 'begin', atMs: 0 });
		state = reduceBoundary(state, { type: 'stop', atMs: 2000 });
		state = reduceBoundary(state, { type: 'goBack', atMs: 5000 });
		expect(state.round).toMatchObject({ stopDistanceM: 4, wentBack: true });
	});
});

describe('roundDistanceM', () => {
	it('rounds to a tenth of a metre as the number reads, never to -0', () => {
		expect(roundDistanceM(1.45)).toBe(1.5);
		expect(roundDistanceM(3.2498)).toBe(3.2);
		expect(roundDistanceM(3.25)).toBe(3.3);
		expect(roundDistanceM(-0.01)).toBe(0);
		expect(Object.is(roundDistanceM(-0.01), 0)).toBe(true);
	});
});

describe('depth cues', () => {
	it('has no haze at the minimum distance and more the farther the figure is', () => {
		expect(hazeAt(MIN_DISTANCE_M)).toBe(0);
		expect(hazeAt(0.2)).toBe(0);
		expect(hazeAt(2)).toBeCloseTo(0.5);
		expect(hazeAt(3)).toBeLessThan(hazeAt(5));
		expect(hazeAt(5)).toBeLessThan(hazeAt(8));
		expect(hazeAt(1000)).toBeLessThan(1);
	});

	it('lifts the haze as 1/distance, fastest in the last metres', () => {
		expect(hazeAt(3) - hazeAt(2)).toBeGreaterThan(hazeAt(8) - hazeAt(7));
	});

	it('grows and darkens the shadow as the figure nears', () => {
		const far = shadowAt(8);
		const mid = shadowAt(3);
		const near = shadowAt(MIN_DISTANCE_M);
		expect(near).toEqual({ spread: SHADOW_SPREAD.near, opacity: SHADOW_OPACITY.near });
		expect(far.spread).toBeLessThan(mid.spread);
		expect(mid.spread).toBeLessThan(near.spread);
		expect(far.opacity).toBeLessThan(mid.opacity);
		expect(mid.opacity).toBeLessThan(near.opacity);
		expect(far.opacity).toBeGreaterThan(SHADOW_OPACITY.far);
	});

	it('draws reduced motion in half-metre jumps, never nearer than the figure is', () => {
		expect(steppedDistanceM(5)).toBe(5);
		expect(steppedDistanceM(4.9)).toBe(5);
		expect(steppedDistanceM(4.5)).toBe(4.5);
		expect(steppedDistanceM(4.26)).toBe(4.5);
		expect(steppedDistanceM(1)).toBe(1);
		expect(steppedDistanceM(0.5)).toBe(MIN_DISTANCE_M);
	});
});
