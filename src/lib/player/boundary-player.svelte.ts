import {
	allRounds,
	arrivalAt,
	createBoundary,
	distanceAt,
	reduceBoundary,
	stepsPerSecond,
	type BoundaryAction,
	type BoundarySettings,
	type BoundaryState,
	type RoundRecord
} from '../engine';
import { BOUNDARY_SOLO_ID, type StoredSessionStatus } from '../records/sessions';
import { reportSaveFailure } from './practice-run.svelte';
import type { PlayerAudio, PlayerSessions } from './gateway';

/** Rounds in one session at most (what an export carries back in). */
export const MAX_ROUNDS = 200;

/** Footsteps are handed to the audio clock this far ahead: short, so Stop leaves none queued. */
export const STEP_LOOKAHEAD_MS = 400;

/** The world outside the model; replaced by fakes in tests. */
export interface BoundaryEnvironment {
	/** Monotonic clock in ms (performance.now()). */
	now(): number;
	/** Wall clock in epoch ms. */
	epochNow(): number;
	requestFrame(callback: () => void): number;
	cancelFrame(handle: number): void;
	newId(): string;
}

const browserEnv: BoundaryEnvironment = {
	now: () => performance.now(),
	epochNow: () => Date.now(),
	requestFrame: (cb) => requestAnimationFrame(cb),
	cancelFrame: (handle) => cancelAnimationFrame(handle),
	newId: () => crypto.randomUUID()
};

/**
 * Runs the solo STOP / GA TERUG exercise: the model from the engine on one clock, a frame loop
 * that moves the figure only while it walks, footsteps that end the instant Stop is pressed,
 * and small writes of the rounds as they happen. Nothing here ever moves the figure on its
 * own after Stop: only begin() and goBack() start a movement.
 */
export class BoundaryPlayer {
	readonly sessionId: string;
	#env: BoundaryEnvironment;
	#state = $state.raw<BoundaryState>(createBoundary());
	#distanceM = $state(0);
	#frame = 0;
	#audio: PlayerAudio | null = null;
	#footsteps = true;
	#stepsPlannedUntil = 0;
	#sessions: PlayerSessions | null = null;
	#written: Promise<void> | null = null;
	#lastSave: Promise<void> = Promise.resolve();
	#startedAt = 0;
	#startedAtMs = 0;
	#endedAtMs = 0;
	#ended = $state(false);
	#endStatus: StoredSessionStatus = 'stopped';
	#unsaved = $state(false);

	constructor(settings?: Partial<BoundarySettings>, env?: Partial<BoundaryEnvironment>) {
		this.#env = { ...browserEnv, ...env };
		this.#state = createBoundary(settings);
		this.#distanceM = this.#state.distanceM;
		this.sessionId = this.#env.newId();
	}

	get status() {
		return this.#state.status;
	}

	get settings(): BoundarySettings {
		return this.#state.settings;
	}

	/** Where the figure is now, in metres of the drawn scene (updated every frame it moves). */
	get distanceM(): number {
		return this.#distanceM;
	}

	/** Every round so far, the one under way last. */
	get rounds(): RoundRecord[] {
		return allRounds(this.#state);
	}

	/** Time since the first round began, until the end (0 before it began). */
	get activeMs(): number {
		if (this.#startedAtMs === 0) return 0;
		return Math.max(0, (this.#endedAtMs || this.#env.now()) - this.#startedAtMs);
	}

	/** True once the person said they are done (or left). */
	get ended(): boolean {
		return this.#ended;
	}

	/** True once storage refused a write because the phone is full. */
	get unsaved(): boolean {
		return this.#unsaved;
	}

	/** Resolves when everything written so far is stored. */
	get saved(): Promise<void> {
		return this.#lastSave;
	}

	/** Starts an approach: the first round, or another one from the start distance. */
	begin(): void {
		if (this.#ended || this.rounds.length >= MAX_ROUNDS) return;
		if (!this.#dispatch({ type: 'begin', atMs: this.#env.now() })) return;
		if (this.#startedAtMs === 0) {
			this.#startedAtMs = this.#env.now();
			this.#startedAt = this.#env.epochNow();
			this.#writeStart();
		}
		this.#moved();
	}

	/** Freezes the figure where it is, at once; its footsteps end with it. */
	stop(): void {
		if (!this.#dispatch({ type: 'stop', atMs: this.#env.now() })) return;
		this.#still();
	}

	/**
	 * Holds the figure where it is while the person cannot see it (screen off, another app):
	 * it must never arrive unseen. Unlike Stop, this records no boundary.
	 */
	hold(): void {
		if (!this.#dispatch({ type: 'hold', atMs: this.#env.now() })) return;
		this.#still();
	}

	/** Sends the figure slowly back to where it started. */
	goBack(): void {
		if (!this.#dispatch({ type: 'goBack', atMs: this.#env.now() })) return;
		this.#moved();
	}

	/** Changes speed, start distance or side; only between rounds (the model refuses otherwise). */
	setSettings(settings: Partial<BoundarySettings>): void {
		if (this.#dispatch({ type: 'settings', settings })) this.#distanceM = this.#state.distanceM;
	}

	/** Footstep sounds on or off (they also follow the app's mute). */
	setFootsteps(on: boolean): void {
		this.#footsteps = on;
		if (!on) this.#audio?.cancelAll();
		else this.#planSteps();
	}

	/** The person is done: the rounds are stored as a completed session. */
	finish(): Promise<void> {
		return this.#end('completed');
	}

	/** Leaving the screen (or quick exit) mid-way: the rounds so far are kept, as stopped. */
	leave(): Promise<void> {
		return this.#end('stopped');
	}

	/** Connects footsteps once the audio module has loaded. */
	attachAudio(audio: PlayerAudio): void {
		this.#audio = audio;
		this.#stepsPlannedUntil = this.#env.now();
		this.#planSteps();
	}

	/** Connects storage once it has loaded; a session under way is written at once. */
	attachSessions(sessions: PlayerSessions): void {
		this.#sessions = sessions;
		if (this.#startedAtMs !== 0) {
			this.#writeStart();
			void this.#save();
		}
	}

	/** Writes the rounds now (the page is hidden or closed). */
	checkpoint(): Promise<void> {
		this.#dispatch({ type: 'tick', atMs: this.#env.now() });
		return this.#save();
	}

	/** Stops the frame loop and the footsteps (the screen is going away). */
	destroy(): void {
		this.#env.cancelFrame(this.#frame);
		this.#frame = 0;
		this.#audio?.cancelAll();
	}

	async #end(status: StoredSessionStatus): Promise<void> {
		if (this.#ended) return this.#lastSave;
		const atMs = this.#env.now();
		this.#dispatch({ type: 'tick', atMs });
		this.#state = reduceBoundary(this.#state, { type: 'finish' });
		this.#ended = true;
		this.#endStatus = status;
		this.#endedAtMs = atMs;
		this.destroy();
		return this.#save(status);
	}

	#dispatch(action: BoundaryAction): boolean {
		const next = reduceBoundary(this.#state, action);
		if (next === this.#state) return false;
		const roundsBefore = this.#state.rounds.length;
		const statusBefore = this.#state.status;
		this.#state = next;
		this.#distanceM = distanceAt(next, 'atMs' in action ? action.atMs : this.#env.now());
		// A stop, an arrival or a new round is worth keeping at once.
		if (next.status !== statusBefore || next.rounds.length !== roundsBefore) void this.#save();
		return true;
	}

	/** The figure walks: draw every frame and plan its footsteps. */
	#moved(): void {
		this.#audio?.cancelAll();
		this.#stepsPlannedUntil = this.#env.now();
		this.#planSteps();
		if (this.#frame === 0) this.#frame = this.#env.requestFrame(this.#tick);
	}

	/** The figure stands: no frames, no footsteps. */
	#still(): void {
		this.#audio?.cancelAll();
		this.#env.cancelFrame(this.#frame);
		this.#frame = 0;
	}

	#tick = () => {
		this.#frame = 0;
		const atMs = this.#env.now();
		this.#dispatch({ type: 'tick', atMs });
		this.#distanceM = distanceAt(this.#state, atMs);
		const moving = this.#state.status === 'approaching' || this.#state.status === 'retreating';
		if (!moving) {
			this.#still();
			return;
		}
		this.#planSteps();
		this.#frame = this.#env.requestFrame(this.#tick);
	};

	/** Hands the footsteps of the next moments to the audio clock, never past the arrival. */
	#planSteps(): void {
		const audio = this.#audio;
		const perSecond = stepsPerSecond(this.#state);
		if (!audio || !this.#footsteps || perSecond <= 0) return;
		const intervalMs = 1000 / perSecond;
		const { sinceMs } = this.#state;
		const until = Math.min(this.#env.now() + STEP_LOOKAHEAD_MS, arrivalAt(this.#state) ?? Infinity);
		// Steps fall on a grid from the start of this movement, half a step in.
		let k = Math.max(0, Math.ceil((this.#stepsPlannedUntil - sinceMs) / intervalMs - 0.5));
		for (
			let at = sinceMs + (k + 0.5) * intervalMs;
			at < until;
			at = sinceMs + (++k + 0.5) * intervalMs
		) {
			if (at >= this.#stepsPlannedUntil) audio.schedule('step', at);
		}
		this.#stepsPlannedUntil = Math.max(this.#stepsPlannedUntil, until);
	}

	#writeStart(): void {
		if (!this.#sessions || this.#written || this.#startedAtMs === 0) return;
		this.#written = this.#sessions
			.start({
				id: this.sessionId,
				exerciseId: BOUNDARY_SOLO_ID,
				startedAt: this.#startedAt,
				plannedMs: 0
			})
			.catch((error: unknown) => {
				if (reportSaveFailure(error)) this.#unsaved = true;
			});
	}

	/** Writes the rounds so far, after anything written before. */
	#save(status: StoredSessionStatus = this.#ended ? this.#endStatus : 'running'): Promise<void> {
		const sessions = this.#sessions;
		const written = this.#written;
		if (!sessions || !written) return this.#lastSave;
		const progress = {
			activeMs: this.activeMs,
			plannedMs: 0,
			status,
			endedAt: this.#env.epochNow(),
			details: { rounds: this.rounds.map((round) => ({ ...round })) }
		};
		this.#lastSave = written
			.then(() => sessions.update(this.sessionId, progress))
			.catch((error: unknown) => {
				if (reportSaveFailure(error)) this.#unsaved = true;
			});
		return this.#lastSave;
	}
}
