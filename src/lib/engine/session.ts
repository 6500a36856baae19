/** The life of one exercise session. */
export type SessionStatus = 'idle' | 'running' | 'paused' | 'completed' | 'stopped';

/** Everything the session machine knows; times are on one monotonic clock in ms. */
export interface SessionState {
	readonly status: SessionStatus;
	readonly durationMs: number;
	/** Time actually spent in the exercise: pauses and sleep gaps are not counted. */
	readonly activeElapsedMs: number;
	/**
	 * Where the session stands on its timeline. It moves with active time, and jumps when the
	 * person skips a step forward or back; without skips it equals activeElapsedMs.
	 */
	readonly positionMs: number;
	/** Clock reading of the last tick while running, null otherwise. */
	readonly lastTickAtMs: number | null;
}

export type SessionAction =
	| { readonly type: 'start'; readonly atMs: number }
	| { readonly type: 'tick'; readonly atMs: number }
	| { readonly type: 'pause'; readonly atMs: number }
	| { readonly type: 'resume'; readonly atMs: number }
	| { readonly type: 'stop'; readonly atMs: number }
	| { readonly type: 'setDuration'; readonly durationMs: number }
	| { readonly type: 'seek'; readonly atMs: number; readonly positionMs: number };

/**
 * A gap between two ticks longer than this means the phone slept or the browser froze the
 * page; the gap is not counted, so the exercise carries on from where the person left it.
 * A player ticks at least once a second, visible or hidden, well within this.
 */
export const SLEEP_GAP_MS = 5000;

/** A session that has not started yet. */
export function createSession(durationMs: number): SessionState {
	return { status: 'idle', durationMs, activeElapsedMs: 0, positionMs: 0, lastTickAtMs: null };
}

/** Active time between two clock readings: negative and sleep-sized gaps count as zero. */
export function activeDeltaMs(fromMs: number, toMs: number): number {
	const delta = toMs - fromMs;
	return delta < 0 || delta > SLEEP_GAP_MS ? 0 : delta;
}

/** Adds the time since the last tick, completing the session when its timeline is over. */
function advance(state: SessionState, atMs: number): SessionState {
	if (state.lastTickAtMs === null) return { ...state, lastTickAtMs: atMs };
	const deltaMs = Math.min(
		activeDeltaMs(state.lastTickAtMs, atMs),
		state.durationMs - state.positionMs
	);
	const activeElapsedMs = state.activeElapsedMs + deltaMs;
	const positionMs = state.positionMs + deltaMs;
	if (positionMs >= state.durationMs) {
		return { ...state, status: 'completed', activeElapsedMs, positionMs, lastTickAtMs: null };
	}
	return { ...state, activeElapsedMs, positionMs, lastTickAtMs: atMs };
}

/** The one place a session changes; an action that does not fit the status changes nothing. */
export function reduceSession(state: SessionState, action: SessionAction): SessionState {
	switch (action.type) {
		case 'start':
			if (state.status !== 'idle') return state;
			return { ...state, status: 'running', lastTickAtMs: action.atMs };
		case 'tick':
			if (state.status !== 'running') return state;
			return advance(state, action.atMs);
		case 'pause': {
			if (state.status !== 'running') return state;
			const advanced = advance(state, action.atMs);
			if (advanced.status !== 'running') return advanced;
			return { ...advanced, status: 'paused', lastTickAtMs: null };
		}
		case 'resume':
			if (state.status !== 'paused') return state;
			return { ...state, status: 'running', lastTickAtMs: action.atMs };
		case 'setDuration': {
			// A new length never cuts into time already practised.
			if (state.status === 'completed' || state.status === 'stopped') return state;
			const durationMs = Math.max(action.durationMs, state.positionMs);
			if (durationMs === state.durationMs) return state;
			return { ...state, durationMs };
		}
		case 'seek': {
			// Skipping moves the place on the timeline, never the time practised; the end itself
			// is reached by practising (or by stopping), not by skipping.
			if (state.status !== 'running' && state.status !== 'paused') return state;
			const positionMs = Math.min(Math.max(action.positionMs, 0), state.durationMs - 1);
			if (!Number.isFinite(positionMs) || positionMs === state.positionMs) return state;
			const ticked = state.status === 'running' ? advance(state, action.atMs) : state;
			if (ticked.status !== state.status) return ticked;
			return { ...ticked, positionMs };
		}
		case 'stop': {
			if (state.status !== 'running' && state.status !== 'paused') return state;
			const advanced = state.status === 'running' ? advance(state, action.atMs) : state;
			if (advanced.status === 'completed') return advanced;
			return { ...advanced, status: 'stopped', lastTickAtMs: null };
		}
	}
}

/** Where a session stands against its clock: what an animation needs to follow it. */
export interface TimelineClock {
	/**
	 * The clock reading at which the timeline's position 0 was (or would have been, leaving out
	 * pauses and sleep) while the session runs; null when it does not run.
	 */
	readonly originAtMs: number | null;
	/** Where the session stands on its timeline (as of the last tick). */
	readonly positionMs: number;
}

/**
 * The clock reading at which a running session's position 0 was: it stays put from tick to
 * tick, and moves only when time is left out (a pause, a sleep gap) or the position jumps.
 */
export function originAtMs(state: SessionState): number | null {
	if (state.status !== 'running' || state.lastTickAtMs === null) return null;
	return state.lastTickAtMs - state.positionMs;
}

/** True while the session can still change: running or paused. */
export function isActive(state: SessionState): boolean {
	return state.status === 'running' || state.status === 'paused';
}
