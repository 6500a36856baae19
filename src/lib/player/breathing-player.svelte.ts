import type { BreathingPace } from '../content/types';
import {
	buildBreathingTimeline,
	cuesBetween,
	msUntilNextSecond,
	positionAt,
	resizeBreathingTimeline,
	type BreathPhaseKind,
	type CueKind,
	type Timeline
} from '../engine';
import type { CueSound } from './gateway';
import {
	TimedPlayer,
	type PlannedCue,
	type PlayerEnvironment,
	type SessionStartFields
} from './timed-player.svelte';

export { mark } from './timed-player.svelte';

const SOUND_FOR: Record<CueKind, CueSound> = {
	inhale: 'inhale',
	'inhale-top': 'inhale-top',
	'hold-in': 'hold',
	'hold-out': 'hold',
	exhale: 'exhale',
	start: 'bell',
	end: 'bell'
};

export interface BreathingPlayerOptions {
	exercise: BreathingPace;
	minutes: number;
	holds: boolean;
	distressBefore?: number;
	env?: Partial<PlayerEnvironment> & {
		/** Called when a new phase begins (vibration). */
		onPhase?(kind: BreathPhaseKind): void;
	};
}

/**
 * Runs one breathing session: the engine's timeline against one clock, driving the picture
 * (through reactive state), the sound (scheduled ahead), vibration and storage.
 */
export class BreathingPlayer extends TimedPlayer {
	readonly exercise: BreathingPace;
	readonly holds: boolean;

	#timeline = $state.raw<Timeline>({ phases: [], cycleMs: 0, cycleCount: 0, durationMs: 0 });
	#minutes = $state(0);
	#lastPhaseIndex = -1;
	#onPhase: ((kind: BreathPhaseKind) => void) | undefined;

	/** Where the session is (as of the last wake): phase, progress, remaining time. */
	readonly position = $derived(positionAt(this.#timeline, this.session.positionMs));

	constructor(options: BreathingPlayerOptions) {
		const holds = options.holds && options.exercise.hasHolds;
		const timeline = buildBreathingTimeline(
			options.exercise.pattern,
			timelineOptions(options.exercise, options.minutes, holds)
		);
		super(timeline.durationMs, options.env, options.distressBefore);
		this.exercise = options.exercise;
		this.holds = holds;
		this.#minutes = options.minutes;
		this.#timeline = timeline;
		this.#onPhase = options.env?.onPhase;
	}

	/** The session laid out in time; replaced when the person picks another length. */
	get timeline(): Timeline {
		return this.#timeline;
	}

	/** The length the person chose, in minutes. */
	get minutes(): number {
		return this.#minutes;
	}

	/**
	 * Changes the length, also during the session: the pattern stays the same, so only the
	 * number of cycles changes, and the current breath is always finished.
	 */
	setMinutes(minutes: number): void {
		if (this.ended || minutes === this.#minutes) return;
		this.catchUp();
		this.#minutes = minutes;
		const timeline = resizeBreathingTimeline(
			this.exercise.pattern,
			timelineOptions(this.exercise, minutes, this.holds),
			this.session.positionMs
		);
		this.#timeline = timeline;
		this.dispatch({ type: 'setDuration', durationMs: timeline.durationMs });
		// An end bell may already be on the audio clock: schedule from here again.
		this.rescheduleAudio();
		this.catchUp();
	}

	protected *plannedCues(fromMs: number, toMs: number): Iterable<PlannedCue> {
		for (const cue of cuesBetween(this.#timeline, fromMs, toMs)) {
			yield { atMs: cue.atMs, sound: SOUND_FOR[cue.kind] };
		}
	}

	protected startFields(): SessionStartFields {
		return {
			exerciseId: this.exercise.id,
			plannedMs: this.#timeline.durationMs,
			holds: this.holds
		};
	}

	protected msUntilChange(): number {
		// The phase's countdown (which ends with the phase) and the time remaining.
		const { phaseRemainingMs, remainingMs } = this.position;
		return Math.min(msUntilNextSecond(phaseRemainingMs), msUntilNextSecond(remainingMs));
	}

	protected onTick(): void {
		const { phase } = this.position;
		if (phase.index !== this.#lastPhaseIndex && this.status === 'running') {
			this.#lastPhaseIndex = phase.index;
			this.#onPhase?.(phase.kind);
		}
	}
}

/** The timeline options for a chosen length. */
function timelineOptions(exercise: BreathingPace, minutes: number, holds: boolean) {
	// An exercise advised in small doses (4-7-8) always runs its full number of breaths.
	const { maxCycles } = exercise;
	return {
		targetDurationMs: minutes * 60_000,
		holds,
		...(maxCycles !== undefined && { cycles: maxCycles })
	};
}
