/**
 * The solo STOP / GA TERUG exercise: a figure walks toward the person, who may say stop or send
 * it back at any moment. Modelled on the stop-distance task (Iachini et al. 2014): constant
 * speed, one button to stop. Positions are computed from the clock, never accumulated per frame.
 */

/** The figure never comes closer than this; doing nothing is allowed and ends here. */
export const MIN_DISTANCE_M = 1;

/** The distances a round may start from. */
export const START_DISTANCES_M = [3, 5, 8] as const;

/** A middle distance: far enough to notice the approach, near enough to stay short. */
export const DEFAULT_START_DISTANCE_M = 5;

/** Walking speeds toward the person, in metres per second. */
export const APPROACH_SPEEDS = { slow: 0.3, medium: 0.5, fast: 0.8 } as const;

/** The name of one approach speed. */
export type ApproachSpeed = keyof typeof APPROACH_SPEEDS;

/** Going back is always slow and calm, whatever the approach speed was. */
export const RETREAT_SPEED_MPS = 0.4;

/** Length of one footstep, for the tempo of footstep sounds. */
export const STEP_LENGTH_M = 0.6;

/** The direction the figure comes from. */
export type Side = 'front' | 'left' | 'right';

/** How a round is walked; changed only between rounds. */
export interface BoundarySettings {
	readonly speed: ApproachSpeed;
	readonly startDistanceM: number;
	readonly side: Side;
}

/** Settings for a first round: the gentlest speed, straight ahead, from the middle distance. */
export const DEFAULT_BOUNDARY_SETTINGS: BoundarySettings = {
	speed: 'slow',
	startDistanceM: DEFAULT_START_DISTANCE_M,
	side: 'front'
};

/**
 * Where the exercise stands.
 * - ready: at the start distance, before a round is begun (nothing moves)
 * - approaching: walking toward the person
 * - stopped: frozen by the person's Stop (during approach or retreat)
 * - waiting: stopped by itself at MIN_DISTANCE_M because the person did nothing (not a failure)
 * - retreating: walking back toward the start distance after Go back
 * - back: arrived back at the start distance after a retreat (nothing moves until begun again)
 */
export type BoundaryStatus =
	'ready' | 'approaching' | 'stopped' | 'retreating' | 'waiting' | 'back';

/** What happened in one round, from Begin to the next Begin or to Finish. */
export interface RoundRecord {
	/** Distance at which the person pressed Stop while it approached; absent when they did not. */
	readonly stopDistanceM?: number;
	/** True when it stopped by itself at the minimum distance. */
	readonly reachedMinimum: boolean;
	/** True when the person used Go back during the round. */
	readonly wentBack: boolean;
	readonly speed: ApproachSpeed;
	readonly startDistanceM: number;
	readonly side: Side;
}

/** Everything the exercise knows; times are on one clock in ms given by the caller. */
export interface BoundaryState {
	readonly status: BoundaryStatus;
	readonly settings: BoundarySettings;
	/** Distance at `sinceMs`, the moment of the last change of status. */
	readonly distanceM: number;
	readonly sinceMs: number;
	/** The round under way (undefined before the first Begin). */
	readonly round?: RoundRecord;
	/** Rounds finished, oldest first. */
	readonly rounds: RoundRecord[];
}

/** Everything the person (or the player's clock) can do to the exercise. */
export type BoundaryAction =
	/** Start an approach from the start distance; from 'stopped'/'waiting'/'back' a new round. */
	| { readonly type: 'begin'; readonly atMs: number }
	/** Freeze on the spot while it approaches or retreats. */
	| { readonly type: 'stop'; readonly atMs: number }
	/**
	 * Freeze because the person cannot see it (the screen went off, another app came in front):
	 * like Stop, but it says nothing about their boundary, so no stop distance is recorded.
	 */
	| { readonly type: 'hold'; readonly atMs: number }
	/** Walk back slowly to the start distance. */
	| { readonly type: 'goBack'; readonly atMs: number }
	/** Move time on, so arrivals are noticed. */
	| { readonly type: 'tick'; readonly atMs: number }
	/** Change how the next round is walked; only between rounds. */
	| { readonly type: 'settings'; readonly settings: Partial<BoundarySettings> }
	/** End the session, keeping the round under way. */
	| { readonly type: 'finish' };

/** The figure's apparent height, as a fraction of the scene's height, at MIN_DISTANCE_M. */
export const NEAR_SIZE = 0.9;

const SIDES: readonly Side[] = ['front', 'left', 'right'];

function isSpeed(value: unknown): value is ApproachSpeed {
	return typeof value === 'string' && Object.hasOwn(APPROACH_SPEEDS, value);
}

function isStartDistance(value: unknown): value is number {
	return (START_DISTANCES_M as readonly unknown[]).includes(value);
}

function isSide(value: unknown): value is Side {
	return (SIDES as readonly unknown[]).includes(value);
}

/**
 * Settings are remembered between visits, so an old or tampered value may come in: an unknown
 * field is dropped in favour of the default rather than breaking the exercise.
 */
function sanitize(settings: Partial<BoundarySettings> | undefined): BoundarySettings {
	return {
		speed: isSpeed(settings?.speed) ? settings.speed : DEFAULT_BOUNDARY_SETTINGS.speed,
		startDistanceM: isStartDistance(settings?.startDistanceM)
			? settings.startDistanceM
			: DEFAULT_BOUNDARY_SETTINGS.startDistanceM,
		side: isSide(settings?.side) ? settings.side : DEFAULT_BOUNDARY_SETTINGS.side
	};
}

/** An exercise at the start distance, before the first round; invalid settings fall back. */
export function createBoundary(settings?: Partial<BoundarySettings>): BoundaryState {
	const clean = sanitize(settings);
	return {
		status: 'ready',
		settings: clean,
		distanceM: clean.startDistanceM,
		sinceMs: 0,
		rounds: []
	};
}

/** Speed of the current movement in m/s; 0 when nothing moves. */
function speedMps(state: BoundaryState): number {
	if (state.status === 'approaching') return APPROACH_SPEEDS[state.settings.speed];
	if (state.status === 'retreating') return RETREAT_SPEED_MPS;
	return 0;
}

/**
 * A distance as the person reads it, to a tenth of a metre: the one rounding behind the live
 * status, the stored stop, the summary and the journal, so they never disagree. The product is
 * first cut to 12 digits, so 1.45 m rounds to 1.5 as it reads, not to 1.4 as its binary form
 * would; it never answers -0 (it would print as "-0").
 */
export function roundDistanceM(distanceM: number): number {
	const rounded = Math.round(Number((distanceM * 10).toPrecision(12))) / 10;
	return rounded === 0 ? 0 : rounded;
}

/** Where the figure is at `atMs` (pure; the view calls this every frame). */
export function distanceAt(state: BoundaryState, atMs: number): number {
	// A clock reading before the last change cannot undo it: the figure stays where it was then.
	const elapsedMs = atMs > state.sinceMs ? atMs - state.sinceMs : 0;
	const travelledM = (speedMps(state) * elapsedMs) / 1000;
	if (state.status === 'approaching') {
		return Math.max(MIN_DISTANCE_M, state.distanceM - travelledM);
	}
	if (state.status === 'retreating') {
		return Math.min(state.settings.startDistanceM, state.distanceM + travelledM);
	}
	return state.distanceM;
}

/**
 * When (ms) the current movement will arrive (at MIN_DISTANCE_M or the start), or undefined
 * when not moving: lets the player schedule the exact moment.
 */
export function arrivalAt(state: BoundaryState): number | undefined {
	if (state.status === 'approaching') {
		const remainingM = Math.max(0, state.distanceM - MIN_DISTANCE_M);
		return state.sinceMs + (remainingM / APPROACH_SPEEDS[state.settings.speed]) * 1000;
	}
	if (state.status === 'retreating') {
		const remainingM = Math.max(0, state.settings.startDistanceM - state.distanceM);
		return state.sinceMs + (remainingM / RETREAT_SPEED_MPS) * 1000;
	}
	return undefined;
}

/**
 * The state as it is at `atMs`: a movement whose arrival has passed has arrived, at the arrival
 * point and the arrival time, so a late tick lands where continuous motion would have.
 */
function settle(state: BoundaryState, atMs: number): BoundaryState {
	const arrivalMs = arrivalAt(state);
	if (arrivalMs === undefined || atMs < arrivalMs) return state;
	if (state.status === 'approaching') {
		return {
			...state,
			status: 'waiting',
			distanceM: MIN_DISTANCE_M,
			sinceMs: arrivalMs,
			round: state.round && { ...state.round, reachedMinimum: true }
		};
	}
	return { ...state, status: 'back', distanceM: state.settings.startDistanceM, sinceMs: arrivalMs };
}

/** Sends the figure back from where it is now, or marks it back when it is already there. */
function goBack(state: BoundaryState, atMs: number): BoundaryState {
	const distanceM = distanceAt(state, atMs);
	// "Go back" on the way in, with no Stop before it, is where the boundary was felt too.
	const marksBoundary = state.status === 'approaching' && state.round?.stopDistanceM === undefined;
	const round = state.round && {
		...state.round,
		wentBack: true,
		...(marksBoundary && { stopDistanceM: roundDistanceM(distanceM) })
	};
	const home = distanceM >= state.settings.startDistanceM;
	return {
		...state,
		status: home ? 'back' : 'retreating',
		distanceM: home ? state.settings.startDistanceM : distanceM,
		sinceMs: atMs,
		round
	};
}

function applySettings(state: BoundaryState, change: Partial<BoundarySettings>): BoundaryState {
	// Changing speed or distance mid-walk would be confusing, so only between rounds.
	if (state.status !== 'ready' && state.status !== 'back') return state;
	if (change.speed !== undefined && !isSpeed(change.speed)) return state;
	if (change.startDistanceM !== undefined && !isStartDistance(change.startDistanceM)) return state;
	if (change.side !== undefined && !isSide(change.side)) return state;
	const settings: BoundarySettings = {
		speed: change.speed ?? state.settings.speed,
		startDistanceM: change.startDistanceM ?? state.settings.startDistanceM,
		side: change.side ?? state.settings.side
	};
	if (
		settings.speed === state.settings.speed &&
		settings.startDistanceM === state.settings.startDistanceM &&
		settings.side === state.settings.side
	) {
		return state;
	}
	return { ...state, settings, distanceM: settings.startDistanceM };
}

function finish(state: BoundaryState): BoundaryState {
	if (state.round === undefined && state.status === 'ready') return state;
	return {
		...state,
		status: 'ready',
		distanceM: state.settings.startDistanceM,
		round: undefined,
		rounds: state.round ? [...state.rounds, state.round] : state.rounds
	};
}

/**
 * The one place the exercise changes; an action that does not fit the status changes nothing.
 * A timed action first lets time run to its `atMs` (as a tick would), so pressing Stop after the
 * figure has already stopped by itself finds it waiting, not approaching.
 */
export function reduceBoundary(state: BoundaryState, action: BoundaryAction): BoundaryState {
	if (action.type === 'settings') return applySettings(state, action.settings);
	if (action.type === 'finish') return finish(state);
	if (!Number.isFinite(action.atMs)) return state;
	const atMs = Math.max(action.atMs, state.sinceMs);
	const settled = settle(state, atMs);
	switch (action.type) {
		case 'tick':
			return settled;
		case 'begin': {
			if (settled.status === 'approaching' || settled.status === 'retreating') return settled;
			const { speed, startDistanceM, side } = settled.settings;
			// Another approach always starts from the start distance, never from where it froze.
			return {
				...settled,
				status: 'approaching',
				distanceM: startDistanceM,
				sinceMs: atMs,
				round: { reachedMinimum: false, wentBack: false, speed, startDistanceM, side },
				rounds: settled.round ? [...settled.rounds, settled.round] : settled.rounds
			};
		}
		case 'stop': {
			if (settled.status !== 'approaching' && settled.status !== 'retreating') return settled;
			const distanceM = distanceAt(settled, atMs);
			// Only a Stop on the way in says where the person's boundary lies.
			const round =
				settled.status === 'approaching' &&
				settled.round &&
				settled.round.stopDistanceM === undefined
					? { ...settled.round, stopDistanceM: roundDistanceM(distanceM) }
					: settled.round;
			return { ...settled, status: 'stopped', distanceM, sinceMs: atMs, round };
		}
		case 'hold': {
			if (settled.status !== 'approaching' && settled.status !== 'retreating') return settled;
			return { ...settled, status: 'stopped', distanceM: distanceAt(settled, atMs), sinceMs: atMs };
		}
		case 'goBack':
			if (
				settled.status !== 'approaching' &&
				settled.status !== 'stopped' &&
				settled.status !== 'waiting'
			) {
				return settled;
			}
			return goBack(settled, atMs);
		default:
			// Unknown actions from untyped callers change nothing.
			return state;
	}
}

/**
 * The figure's apparent height as a fraction of the scene's height at a distance. Perspective
 * makes size proportional to 1/distance (not linear): NEAR_SIZE at MIN_DISTANCE_M, half that at
 * twice the distance.
 */
export function apparentSize(distanceM: number): number {
	// Never larger than at the minimum distance, which the figure does not come inside.
	return (NEAR_SIZE * MIN_DISTANCE_M) / Math.max(distanceM, MIN_DISTANCE_M);
}

/**
 * How much air lies between the person and the figure, 0 at MIN_DISTANCE_M rising toward 1 far
 * away. It is 1 - nearness (nearness = MIN_DISTANCE_M / distance), so it follows the same
 * perspective as apparentSize: the haze lifts fastest in the last metres.
 */
export function hazeAt(distanceM: number): number {
	return 1 - MIN_DISTANCE_M / Math.max(distanceM, MIN_DISTANCE_M);
}

/** The ground shadow's opacity far away and at MIN_DISTANCE_M. */
export const SHADOW_OPACITY = { far: 0.2, near: 0.6 } as const;

/** How much wider than the figure its shadow spreads far away and at MIN_DISTANCE_M. */
export const SHADOW_SPREAD = { far: 1, near: 1.6 } as const;

/** The figure's ground shadow at a distance: its spread relative to the figure, and opacity. */
export interface GroundShadow {
	spread: number;
	opacity: number;
}

/**
 * The ground shadow grows and darkens as the figure nears, on top of growing with the figure
 * itself, so the last metres are felt in the ground too.
 */
export function shadowAt(distanceM: number): GroundShadow {
	const nearness = 1 - hazeAt(distanceM);
	return {
		spread: SHADOW_SPREAD.far + (SHADOW_SPREAD.near - SHADOW_SPREAD.far) * nearness,
		opacity: SHADOW_OPACITY.far + (SHADOW_OPACITY.near - SHADOW_OPACITY.far) * nearness
	};
}

/** How far the figure jumps at a time when the person asks for reduced motion, in metres. */
export const REDUCED_MOTION_STEP_M = 0.5;

/**
 * The distance to draw with reduced motion: whole steps of REDUCED_MOTION_STEP_M, rounded away
 * from the person, so the figure moves in calm jumps and is never drawn nearer than it is.
 */
export function steppedDistanceM(distanceM: number, stepM = REDUCED_MOTION_STEP_M): number {
	return Math.max(MIN_DISTANCE_M, Math.ceil(distanceM / stepM - 1e-9) * stepM);
}

/** Footsteps per second for the current movement (speed / STEP_LENGTH_M); 0 when not moving. */
export function stepsPerSecond(state: BoundaryState): number {
	return speedMps(state) / STEP_LENGTH_M;
}

/** All rounds including the one under way, for saving as the session goes. */
export function allRounds(state: BoundaryState): RoundRecord[] {
	return state.round ? [...state.rounds, state.round] : [...state.rounds];
}
