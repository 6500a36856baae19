import type { BreathingExercise } from '../content/load';
import {
	buildBreathingTimeline,
	createSession,
	resizeBreathingTimeline,
	cuesBetween,
	isActive,
	positionAt,
	reduceSession,
	SLEEP_GAP_MS,
	type BreathPhaseKind,
	type CueKind,
	type SessionAction,
	type SessionState,
	type Timeline
} from '../engine';
import type { StoredSessionStatus } from '../storage';
import type { CueSound, PlayerAudio, PlayerSessions } from './services';

/** How far ahead cues are handed to the audio clock while the page is visible. */
export const AUDIO_LOOKAHEAD_MS = 1500;
/**
 * While the page is hidden (screen off, another app in front) there are no animation frames;
 * a timer ticks once a second instead (browsers keep that up for a page playing sound), and
 * cues are scheduled further ahead so a late tick never leaves a gap in the sound (but less
 * than a sleep gap, so that nothing already heard is planned twice).
 */
export const BACKGROUND_TICK_MS = 1000;
export const BACKGROUND_LOOKAHEAD_MS = 4000;
/** Sound that arrives just after the start still plays the start bell and the first cue. */
export const AUDIO_ATTACH_GRACE_MS = 300;
/** Sound that arrives later than that (slow decoding) still rings the start bell, late. */
export const START_BELL_LATE_MS = 2000;
/** How often a running session is written, so a closed app loses at most this much. */
export const CHECKPOINT_MS = 5000;

const SOUND_FOR: Record<CueKind, CueSound> = {
	inhale: 'inhale',
	'inhale-top': 'inhale-top',
	'hold-in': 'hold',
	'hold-out': 'hold',
	exhale: 'exhale',
	start: 'bell',
	end: 'bell'
};

/** The world outside the engine; replaced by fakes in tests. */
export interface PlayerEnvironment {
	/** Monotonic clock in ms (performance.now()). */
	now(): number;
	/** Wall clock in epoch ms (Date.now()). */
	epochNow(): number;
	requestFrame(callback: () => void): number;
	cancelFrame(handle: number): void;
	setTimer(callback: () => void, ms: number): number;
	clearTimer(handle: number): void;
	newId(): string;
	/** Called when a new phase begins (vibration). */
	onPhase?(kind: BreathPhaseKind): void;
	/** Called with the clock reading at which the session started. */
	onStart?(atMs: number): void;
}

export interface BreathingPlayerOptions {
	exercise: BreathingExercise;
	minutes: number;
	holds: boolean;
	distressBefore?: number;
	env?: Partial<PlayerEnvironment>;
}

const browserEnv: PlayerEnvironment = {
	now: () => performance.now(),
	epochNow: () => Date.now(),
	requestFrame: (cb) => requestAnimationFrame(cb),
	cancelFrame: (handle) => cancelAnimationFrame(handle),
	setTimer: (cb, ms) => window.setTimeout(cb, ms),
	clearTimer: (handle) => window.clearTimeout(handle),
	newId: () => crypto.randomUUID(),
	// A mark on the performance timeline lets bench/ measure phase timing from outside.
	onStart: (atMs) => mark('rustpunt:session-start', atMs)
};

/** Adds a performance mark where the browser supports it; never breaks the exercise. */
export function mark(name: string, startTime?: number): void {
	try {
		performance.mark(name, startTime === undefined ? undefined : { startTime });
	} catch {
		// A missing or faked performance API (test clocks) is not worth an exercise.
	}
}

/**
 * Runs one breathing session: the engine's timeline against one clock, driving the picture
 * (through reactive state), the sound (scheduled ahead), vibration and storage.
 */
export class BreathingPlayer {
	readonly exercise: BreathingExercise;
	readonly sessionId: string;
	readonly holds: boolean;

	#env: PlayerEnvironment;
	#timeline = $state.raw<Timeline>({ phases: [], cycleMs: 0, cycleCount: 0, durationMs: 0 });
	#minutes = $state(0);
	#state = $state.raw<SessionState>(createSession(0));
	#distressBefore: number | undefined;
	#startedAt = 0;
	#frame = 0;
	#timer = 0;
	#hidden = false;
	#lastPhaseIndex = -1;
	#audio: PlayerAudio | null = null;
	#audioScheduledUntilMs = 0;
	#sessions: PlayerSessions | null = null;
	#sessionWritten: Promise<void> | null = null;
	#lastSave: Promise<void> = Promise.resolve();
	#lastCheckpointMs = 0;

	/** Where the session is now: phase, progress, remaining time. */
	readonly position = $derived(positionAt(this.#timeline, this.#state.activeElapsedMs));

	constructor(options: BreathingPlayerOptions) {
		this.exercise = options.exercise;
		this.holds = options.holds && options.exercise.hasHolds;
		this.#distressBefore = options.distressBefore;
		this.#env = { ...browserEnv, ...options.env };
		this.#minutes = options.minutes;
		this.#timeline = buildBreathingTimeline(options.exercise.pattern, this.#timelineOptions());
		this.#state = createSession(this.#timeline.durationMs);
		this.sessionId = this.#env.newId();
	}

	/** The session laid out in time; replaced when the person picks another length. */
	get timeline(): Timeline {
		return this.#timeline;
	}

	/** The length the person chose, in minutes. */
	get minutes(): number {
		return this.#minutes;
	}

	get status() {
		return this.#state.status;
	}

	get activeElapsedMs(): number {
		return this.#state.activeElapsedMs;
	}

	/** True once the session has ended, by completion or by stopping. */
	get ended(): boolean {
		return this.#state.status === 'completed' || this.#state.status === 'stopped';
	}

	/**
	 * Starts the session and its frame loop. `startedAgoMs` backdates the start when the
	 * pacer was already breathing before the code ran (a prerendered first inhale).
	 */
	start(startedAgoMs = 0): void {
		const atMs = this.#env.now() - startedAgoMs;
		if (!this.#dispatch({ type: 'start', atMs })) return;
		this.#env.onStart?.(atMs);
		this.#startedAt = this.#env.epochNow() - startedAgoMs;
		this.#writeStart();
		this.#loop();
	}

	/** Pauses; the position is kept exactly. */
	pause(): void {
		if (this.#dispatch({ type: 'pause', atMs: this.#env.now() })) this.#afterChange();
	}

	/** Resumes from where it paused. */
	resume(): void {
		if (this.#dispatch({ type: 'resume', atMs: this.#env.now() })) {
			this.#rescheduleAudio();
			this.#loop();
		}
	}

	/** Pause when running, resume when paused. */
	togglePause(): void {
		if (this.#state.status === 'running') this.pause();
		else this.resume();
	}

	/** Ends the session now; always allowed. */
	stop(): void {
		if (this.#dispatch({ type: 'stop', atMs: this.#env.now() })) this.#afterChange();
	}

	/**
	 * Changes the length, also during the session: the pattern stays the same, so only the
	 * number of cycles changes, and the current breath is always finished.
	 */
	setMinutes(minutes: number): void {
		if (this.ended || minutes === this.#minutes) return;
		this.#minutes = minutes;
		const timeline = resizeBreathingTimeline(
			this.exercise.pattern,
			this.#timelineOptions(),
			this.#state.activeElapsedMs
		);
		this.#timeline = timeline;
		this.#dispatch({ type: 'setDuration', durationMs: timeline.durationMs });
		// An end bell may already be on the audio clock: schedule from here again.
		this.#rescheduleAudio();
	}

	#timelineOptions() {
		// An exercise advised in small doses (4-7-8) always runs its full number of breaths.
		const { maxCycles } = this.exercise;
		return {
			targetDurationMs: this.#minutes * 60_000,
			holds: this.holds,
			...(maxCycles !== undefined && { cycles: maxCycles })
		};
	}

	/** Connects sound once the audio module has loaded; cues due from now on are scheduled. */
	attachAudio(audio: PlayerAudio): void {
		this.#audio = audio;
		const elapsed = this.#state.activeElapsedMs;
		this.#audioScheduledUntilMs = Math.max(0, elapsed - AUDIO_ATTACH_GRACE_MS);
		// Too late for the start bell on its moment, but early enough that it still means "begin".
		if (
			this.#audioScheduledUntilMs > 0 &&
			elapsed < START_BELL_LATE_MS &&
			this.status === 'running'
		) {
			audio.schedule('bell', this.#env.now());
		}
	}

	/** Connects storage once it has loaded; a session already under way is written at once. */
	attachSessions(sessions: PlayerSessions): void {
		this.#sessions = sessions;
		if (this.#state.status !== 'idle') {
			this.#writeStart();
			if (this.#state.status !== 'running') void this.#save();
		}
	}

	/** Writes the session's progress now (used when the page is hidden or closed). */
	checkpoint(): Promise<void> {
		if (this.#state.status === 'running') this.#dispatch({ type: 'tick', atMs: this.#env.now() });
		return this.#save();
	}

	/** Resolves when everything written so far is stored (a rating waits for this). */
	get saved(): Promise<void> {
		return this.#lastSave;
	}

	/**
	 * Stops the loop; a session still under way is recorded as stopped. After completion the
	 * end bell is left to ring out.
	 */
	destroy(): void {
		if (isActive(this.#state)) this.stop();
		this.#cancelTicks();
	}

	/**
	 * The page was hidden or shown again. Hidden, the session goes on with a tick a second and
	 * sound scheduled further ahead; a phone that really slept shows up as a long gap, which
	 * the engine leaves out.
	 */
	setHidden(hidden: boolean): void {
		if (hidden === this.#hidden) return;
		this.#hidden = hidden;
		if (this.#state.status === 'running') this.#loop();
	}

	#dispatch(action: SessionAction): boolean {
		const next = reduceSession(this.#state, action);
		if (next === this.#state) return false;
		this.#state = next;
		return true;
	}

	#loop(): void {
		this.#cancelTicks();
		const frame = () => {
			const now = this.#env.now();
			const last = this.#state.lastTickAtMs;
			this.#dispatch({ type: 'tick', atMs: now });
			// After a sleep the sound scheduled before it is out of date: start again from here.
			if (last !== null && now - last > SLEEP_GAP_MS) this.#rescheduleAudio();
			this.#onFrame();
			if (this.#state.status !== 'running') this.#afterChange();
			else if (this.#hidden) this.#timer = this.#env.setTimer(frame, BACKGROUND_TICK_MS);
			else this.#frame = this.#env.requestFrame(frame);
		};
		frame();
	}

	#cancelTicks(): void {
		this.#env.cancelFrame(this.#frame);
		this.#env.clearTimer(this.#timer);
	}

	#rescheduleAudio(): void {
		this.#audio?.cancelAll();
		this.#audioScheduledUntilMs = this.#state.activeElapsedMs;
	}

	#onFrame(): void {
		const elapsed = this.#state.activeElapsedMs;
		const { phase } = this.position;
		if (phase.index !== this.#lastPhaseIndex && this.#state.status === 'running') {
			this.#lastPhaseIndex = phase.index;
			this.#env.onPhase?.(phase.kind);
		}
		if (this.#audio && this.#state.status === 'running') {
			const until = elapsed + (this.#hidden ? BACKGROUND_LOOKAHEAD_MS : AUDIO_LOOKAHEAD_MS);
			const now = this.#env.now();
			let scheduledUntil = until;
			for (const cue of cuesBetween(this.#timeline, this.#audioScheduledUntilMs, until)) {
				// Not taken (sound still suspended): offer it again on the next tick.
				if (!this.#audio.schedule(SOUND_FOR[cue.kind], now + (cue.atMs - elapsed))) {
					scheduledUntil = cue.atMs;
					break;
				}
			}
			this.#audioScheduledUntilMs = scheduledUntil;
		}
		if (elapsed - this.#lastCheckpointMs >= CHECKPOINT_MS) {
			this.#lastCheckpointMs = elapsed;
			void this.#save();
		}
	}

	/** Pause, stop or completion: silence what is scheduled and write the session. */
	#afterChange(): void {
		if (this.#state.status !== 'running') {
			this.#cancelTicks();
			if (this.#state.status !== 'completed') this.#audio?.cancelAll();
		}
		void this.#save();
	}

	#writeStart(): void {
		if (!this.#sessions || this.#sessionWritten) return;
		this.#sessionWritten = this.#sessions
			.start({
				id: this.sessionId,
				exerciseId: this.exercise.id,
				startedAt: this.#startedAt,
				plannedMs: this.#timeline.durationMs,
				holds: this.holds,
				...(this.#distressBefore !== undefined && { distressBefore: this.#distressBefore })
			})
			.catch((error: unknown) => {
				console.error('Could not save the session', error);
			});
	}

	#storedStatus(): StoredSessionStatus {
		const { status } = this.#state;
		return status === 'completed' || status === 'stopped' ? status : 'running';
	}

	#save(): Promise<void> {
		const sessions = this.#sessions;
		const written = this.#sessionWritten;
		if (!sessions || !written) return this.#lastSave;
		const progress = {
			activeMs: this.#state.activeElapsedMs,
			plannedMs: this.#timeline.durationMs,
			status: this.#storedStatus(),
			endedAt: this.#env.epochNow()
		};
		this.#lastSave = written
			.then(() => sessions.update(this.sessionId, progress))
			.catch((error: unknown) => {
				console.error('Could not save the session', error);
			});
		return this.#lastSave;
	}
}
