import {
	createSession,
	isActive,
	originAtMs,
	reduceSession,
	SLEEP_GAP_MS,
	type SessionAction,
	type SessionState,
	type TimelineClock
} from '../engine';
import type { SessionDetails, SessionRecord, StoredSessionStatus } from '../records/sessions';
import { reportSaveFailure } from './practice-run.svelte';
import type { CueSound, PlayerAudio, PlayerSessions } from './gateway';

/** How far ahead cues are handed to the audio clock while the page is visible. */
export const AUDIO_LOOKAHEAD_MS = 1500;
/**
 * A visible player does not tick every frame: the pacer and the progress bars are animations
 * the browser runs on its own clock, started from the engine's (see originAtMs). The player
 * wakes when what the screen shows in text changes (a new phase or step, a whole second of a
 * countdown), and at least this often, so that sound is always planned well ahead of
 * AUDIO_LOOKAHEAD_MS and checkpoints are on time.
 */
export const MAX_WAKE_MS = 1000;
/**
 * While the page is hidden (screen off, another app in front) the player ticks once a second
 * (browsers keep that up for a page playing sound), and cues are scheduled further ahead so a
 * late tick never leaves a gap in the sound (but less than a sleep gap, so that nothing
 * already heard is planned twice).
 */
export const BACKGROUND_TICK_MS = 1000;
export const BACKGROUND_LOOKAHEAD_MS = 4000;
/** Sound that arrives just after the start still plays the start bell and the first cue. */
export const AUDIO_ATTACH_GRACE_MS = 300;
/** Sound that arrives later than that (slow decoding) still rings the start bell, late. */
export const START_BELL_LATE_MS = 2000;
/** How often a running session is written, so a closed app loses at most this much. */
export const CHECKPOINT_MS = 5000;

/** The world outside the engine; replaced by fakes in tests. */
export interface PlayerEnvironment {
	/** Monotonic clock in ms (performance.now()). */
	now(): number;
	/** Wall clock in epoch ms (Date.now()). */
	epochNow(): number;
	setTimer(callback: () => void, ms: number): number;
	clearTimer(handle: number): void;
	newId(): string;
	/** Called with the clock reading at which the session started. */
	onStart?(atMs: number): void;
}

const browserEnv: PlayerEnvironment = {
	now: () => performance.now(),
	epochNow: () => Date.now(),
	// Timers run on whole milliseconds and may fire a little early by performance.now(): an
	// early wake would have to wait again (4 ms at least, for a chain of timers), so round up.
	setTimer: (cb, ms) => window.setTimeout(cb, Math.ceil(ms) + 1),
	clearTimer: (handle) => window.clearTimeout(handle),
	newId: () => crypto.randomUUID(),
	// A mark on the performance timeline lets bench/ measure phase timing from outside.
	onStart: (atMs) => mark('rustpunt:session-start', atMs)
};

/**
 * Adds a performance mark where the browser supports it; never breaks the exercise. A time
 * before this page began (a session started by a tap on the page before it) cannot be a mark's
 * time: that mark stands at the page's start, and its detail holds the real time.
 */
export function mark(name: string, startTime?: number): void {
	try {
		performance.mark(
			name,
			startTime === undefined
				? undefined
				: { startTime: Math.max(startTime, 0), detail: { startTime } }
		);
	} catch {
		// A missing or faked performance API (test clocks) is not worth an exercise.
	}
}

/** A sound due at a place on the session's timeline. */
export interface PlannedCue {
	readonly atMs: number;
	readonly sound: CueSound;
}

/** What a player writes when its session begins, besides id, start time and rating. */
export type SessionStartFields = Pick<SessionRecord, 'exerciseId' | 'plannedMs' | 'holds'>;

/**
 * Runs one timed session against one clock: the engine's session machine, a timer that wakes
 * it when the screen's text changes (once a second while hidden), sound scheduled ahead on
 * the audio clock, and small writes to storage as it goes. Breathing and guided practices
 * differ only in their timeline, their cues and what they record, which subclasses supply.
 */
export abstract class TimedPlayer implements TimelineClock {
	readonly sessionId: string;
	protected readonly env: PlayerEnvironment;

	#state = $state.raw<SessionState>(createSession(0));
	#distressBefore: number | undefined;
	#startedAt = 0;
	#timer = 0;
	#hidden = false;
	#audio: PlayerAudio | null = null;
	#audioScheduledUntilMs = 0;
	#sessions: PlayerSessions | null = null;
	#sessionWritten: Promise<void> | null = null;
	#lastSave: Promise<void> = Promise.resolve();
	#lastCheckpointMs = 0;
	#unsaved = $state(false);

	constructor(
		durationMs: number,
		env: Partial<PlayerEnvironment> | undefined,
		distressBefore?: number
	) {
		this.env = { ...browserEnv, ...env };
		this.#state = createSession(durationMs);
		this.#distressBefore = distressBefore;
		this.sessionId = this.env.newId();
	}

	/** The sounds due in [fromMs, toMs) of the timeline, in order. */
	protected abstract plannedCues(fromMs: number, toMs: number): Iterable<PlannedCue>;
	/** The fields of the session record written at the start. */
	protected abstract startFields(): SessionStartFields;
	/**
	 * Called on every tick, after the clock moved (phase or step changes), and once more when
	 * the session pauses or ends.
	 */
	protected abstract onTick(): void;
	/** How long until what the screen shows next changes (a new phase or step, a second). */
	protected abstract msUntilChange(): number;
	/** What this kind of practice records beyond time and status. */
	protected details(): SessionDetails | undefined {
		return undefined;
	}

	/** The engine's state of the session. */
	protected get session(): SessionState {
		return this.#state;
	}

	get status() {
		return this.#state.status;
	}

	/** Time practised until this moment, without pauses and sleep. */
	get activeElapsedMs(): number {
		return this.#stateNow().activeElapsedMs;
	}

	/** Where the session is on its timeline at this moment. */
	get positionMs(): number {
		return this.#stateNow().positionMs;
	}

	/**
	 * The session as it stands at this moment: the last tick's state moved on to now, without
	 * keeping it (the screen's state changes only when the player wakes).
	 */
	#stateNow(): SessionState {
		if (this.#state.status !== 'running') return this.#state;
		return reduceSession(this.#state, { type: 'tick', atMs: this.env.now() });
	}

	/**
	 * The clock reading (env.now(): performance.now(), also the clock of the document's
	 * animations) at which the timeline's position 0 was, while the session runs; null when it
	 * does not. With positionMs, the player is the TimelineClock that animations follow, so
	 * they move with the engine without script on every frame.
	 */
	get originAtMs(): number | null {
		return originAtMs(this.#state);
	}

	/** True once the session has ended, by completion or by stopping. */
	get ended(): boolean {
		return this.#state.status === 'completed' || this.#state.status === 'stopped';
	}

	/**
	 * Starts the session and its wakes. `startedAgoMs` backdates the start when the
	 * picture was already moving before the code ran (a prerendered first inhale).
	 */
	start(startedAgoMs = 0): void {
		const atMs = this.env.now() - startedAgoMs;
		if (!this.dispatch({ type: 'start', atMs })) return;
		this.env.onStart?.(atMs);
		this.#startedAt = this.env.epochNow() - startedAgoMs;
		this.#writeStart();
		this.#loop();
	}

	/** Pauses; the position is kept exactly. */
	pause(): void {
		if (this.dispatch({ type: 'pause', atMs: this.env.now() })) this.afterChange();
	}

	/** Resumes from where it paused. */
	resume(): void {
		if (this.dispatch({ type: 'resume', atMs: this.env.now() })) {
			this.rescheduleAudio();
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
		if (this.dispatch({ type: 'stop', atMs: this.env.now() })) this.afterChange();
	}

	/** Connects sound once the audio module has loaded; cues due from now on are scheduled. */
	attachAudio(audio: PlayerAudio): void {
		this.#audio = audio;
		// Cues refused while the sound was locked or decoding are offered again the moment it
		// can play, rather than on the next wake.
		audio.onReady(() => this.catchUp());
		const position = this.positionMs;
		this.#audioScheduledUntilMs = Math.max(0, position - AUDIO_ATTACH_GRACE_MS);
		// Too late for the start bell on its moment, but early enough that it still means "begin".
		if (
			this.#audioScheduledUntilMs > 0 &&
			position < START_BELL_LATE_MS &&
			this.status === 'running'
		) {
			audio.schedule('bell', this.env.now());
		}
		this.catchUp();
	}

	/** Connects storage once it has loaded; a session already under way is written at once. */
	attachSessions(sessions: PlayerSessions): void {
		this.#sessions = sessions;
		if (this.#state.status !== 'idle') {
			this.#writeStart();
			if (this.#state.status !== 'running') void this.save();
		}
	}

	/** Writes the session's progress now (used when the page is hidden or closed). */
	checkpoint(): Promise<void> {
		this.catchUp();
		return this.save();
	}

	/**
	 * True once storage refused a write because the phone is full. The practice goes on;
	 * the screen tells the person this session is not kept and offers an export.
	 */
	get unsaved(): boolean {
		return this.#unsaved;
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
		this.#cancelWake();
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

	/** Hands an action to the engine; false when it changed nothing. */
	protected dispatch(action: SessionAction): boolean {
		const next = reduceSession(this.#state, action);
		if (next === this.#state) return false;
		this.#state = next;
		return true;
	}

	/**
	 * Brings a running session up to this moment and plans the next wake from there. Between
	 * wakes the state lags the clock by up to MAX_WAKE_MS: whatever reads the position to act
	 * on it (a skip, a new length) catches up first.
	 */
	protected catchUp(): void {
		if (this.#state.status === 'running') this.#loop();
	}

	/** Ticks now, then sets a timer for the next moment the screen changes. */
	#loop(): void {
		this.#cancelWake();
		const now = this.env.now();
		const last = this.#state.lastTickAtMs;
		this.dispatch({ type: 'tick', atMs: now });
		// After a sleep the sound scheduled before it is out of date: start again from here.
		if (last !== null && now - last > SLEEP_GAP_MS) this.rescheduleAudio();
		this.#afterTick();
		if (this.#state.status !== 'running') {
			this.afterChange();
			return;
		}
		// A timer, not a frame loop: text changes land on their moment (a timer is late by a
		// millisecond or so, and the next frame shows the change), and nothing runs in between.
		// The work of this wake already took some of the time until the next one.
		const delayMs = this.#hidden
			? BACKGROUND_TICK_MS
			: Math.min(MAX_WAKE_MS, Math.max(0, this.msUntilChange() - (this.env.now() - now)));
		this.#timer = this.env.setTimer(() => this.#loop(), delayMs);
	}

	#cancelWake(): void {
		this.env.clearTimer(this.#timer);
	}

	/** Forgets what was handed to the audio clock and plans again from the current position. */
	protected rescheduleAudio(): void {
		this.#audio?.cancelAll();
		this.#audioScheduledUntilMs = this.#state.positionMs;
	}

	#afterTick(): void {
		const { positionMs, activeElapsedMs, status } = this.#state;
		this.onTick();
		if (this.#audio && status === 'running') {
			const until = positionMs + (this.#hidden ? BACKGROUND_LOOKAHEAD_MS : AUDIO_LOOKAHEAD_MS);
			const now = this.env.now();
			let scheduledUntil = until;
			for (const cue of this.plannedCues(this.#audioScheduledUntilMs, until)) {
				// Not taken (sound still suspended): offer it again on the next tick.
				if (!this.#audio.schedule(cue.sound, now + (cue.atMs - positionMs))) {
					scheduledUntil = cue.atMs;
					break;
				}
			}
			this.#audioScheduledUntilMs = scheduledUntil;
		}
		if (activeElapsedMs - this.#lastCheckpointMs >= CHECKPOINT_MS) {
			this.#lastCheckpointMs = activeElapsedMs;
			void this.save();
		}
	}

	/** Pause, stop or completion: silence what is scheduled and write the session. */
	protected afterChange(): void {
		if (this.#state.status !== 'running') {
			this.#cancelWake();
			// The time up to the pause or the end belongs to where the session was.
			this.onTick();
			if (this.#state.status !== 'completed') this.#audio?.cancelAll();
		}
		void this.save();
	}

	#writeStart(): void {
		if (!this.#sessions || this.#sessionWritten) return;
		this.#sessionWritten = this.#sessions
			.start({
				id: this.sessionId,
				startedAt: this.#startedAt,
				...this.startFields(),
				...(this.#distressBefore !== undefined && { distressBefore: this.#distressBefore })
			})
			.catch(this.#failed);
	}

	/** A write failed: the screen says so when it is because the phone is full. */
	#failed = (error: unknown) => {
		if (reportSaveFailure(error)) this.#unsaved = true;
	};

	#storedStatus(): StoredSessionStatus {
		const { status } = this.#state;
		return status === 'completed' || status === 'stopped' ? status : 'running';
	}

	/** Writes how far the session has come, after anything written before. */
	protected save(): Promise<void> {
		const sessions = this.#sessions;
		const written = this.#sessionWritten;
		if (!sessions || !written) return this.#lastSave;
		const details = this.details();
		const progress = {
			activeMs: this.#state.activeElapsedMs,
			plannedMs: this.#state.durationMs,
			status: this.#storedStatus(),
			endedAt: this.env.epochNow(),
			...(details && { details })
		};
		this.#lastSave = written
			.then(() => sessions.update(this.sessionId, progress))
			.catch(this.#failed);
		return this.#lastSave;
	}
}
