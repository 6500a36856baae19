import { stepsFor, type GuidedChoices, type GuidedStep } from '../content/guided';
import type { GuidedPractice } from '../content/types';
import {
	buildStepTimeline,
	msUntilNextSecond,
	nextStepStartMs,
	previousStepStartMs,
	stepCuesBetween,
	stepPositionAt,
	stepsDone,
	stepTimeBetween,
	type StepTimeline
} from '../engine';
import type { NoticedEntry, SessionDetails } from '../records/sessions';
import {
	TimedPlayer,
	type PlannedCue,
	type PlayerEnvironment,
	type SessionStartFields
} from './timed-player.svelte';

/** What a guided player needs to speak; the real one is GuideVoice (speechSynthesis). */
export interface PlayerVoice {
	/** Speaks a step's text, after the sentence being spoken now (never cut mid-word). */
	say(text: string): void;
	/** Silences at once (pause, stop); true when something was cut off. */
	silence(): boolean;
}

export interface GuidedPlayerOptions {
	practice: GuidedPractice;
	choices: GuidedChoices;
	/** The text of a step as it is spoken and shown (language and placeholders applied). */
	textOf(step: GuidedStep): string;
	distressBefore?: number;
	env?: Partial<PlayerEnvironment>;
}

/**
 * Runs one guided practice: steps of their own length on the engine's clock, with a bell at
 * each new step, the step's text spoken (when a voice is attached), skipping forward and back,
 * "too much?" (which pauses), and what the person noticed, all recorded with the session.
 */
export class GuidedPlayer extends TimedPlayer {
	readonly practice: GuidedPractice;
	readonly choices: GuidedChoices;
	/** The steps for the choices made, in order. */
	readonly steps: readonly GuidedStep[];
	readonly timeline: StepTimeline;

	#textOf: (step: GuidedStep) => string;
	#voice: PlayerVoice | null = null;
	#spokenIndex = -1;
	#cutOff = false;
	#msInStep: number[];
	#lastActiveMs = 0;
	#tooMuch = $state(0);
	#noticed = $state<Record<string, { count: number; text: string }>>({});

	/** Where the practice is (as of the last wake): step, its progress, the whole's progress. */
	readonly position = $derived.by(() => stepPositionAt(this.timeline, this.session.positionMs));
	/** The current step. */
	readonly step = $derived.by(() => this.steps[this.position.step.index]!);

	constructor(options: GuidedPlayerOptions) {
		const steps = stepsFor(options.practice.steps, options.choices);
		const timeline = buildStepTimeline(steps);
		super(timeline.durationMs, options.env, options.distressBefore);
		this.practice = options.practice;
		this.choices = options.choices;
		this.steps = steps;
		this.timeline = timeline;
		this.#textOf = options.textOf;
		this.#msInStep = steps.map(() => 0);
	}

	/** True when there is a step after this one. */
	get hasNext(): boolean {
		return nextStepStartMs(this.timeline, this.session.positionMs) !== null;
	}

	/** How often "too much?" was used. */
	get tooMuchCount(): number {
		return this.#tooMuch;
	}

	/** What was noticed in a step so far. */
	noticedIn(stepId: string): { count: number; text: string } {
		return this.#noticed[stepId] ?? { count: 0, text: '' };
	}

	/** Connects a voice; the current step is spoken from its start if it has only just begun. */
	attachVoice(voice: PlayerVoice): void {
		this.catchUp();
		this.#voice = voice;
		if (this.status === 'running' && this.position.progress < 0.25) this.#speak();
	}

	/** Goes to the next step. */
	next(): void {
		this.catchUp();
		const to = nextStepStartMs(this.timeline, this.session.positionMs);
		if (to !== null) this.#seek(to);
	}

	/** Goes back to the start of this step, or to the step before when it has just begun. */
	previous(): void {
		this.catchUp();
		this.#seek(previousStepStartMs(this.timeline, this.session.positionMs));
	}

	/** "Too much?": pauses at once and remembers that it was used. */
	tooMuch(): void {
		this.#tooMuch += 1;
		if (this.status === 'running') this.pause();
		else void this.save();
	}

	/** Records how many things the person counted in a step (never required). */
	setCount(stepId: string, count: number): void {
		const current = this.noticedIn(stepId);
		this.#noticed = { ...this.#noticed, [stepId]: { ...current, count: Math.max(0, count) } };
		void this.save();
	}

	/**
	 * Records what the person typed in a step (never required). Not written per keystroke:
	 * the next checkpoint, pause, step change or stop stores it.
	 */
	setText(stepId: string, text: string): void {
		const current = this.noticedIn(stepId);
		this.#noticed = { ...this.#noticed, [stepId]: { ...current, text } };
	}

	override pause(): void {
		super.pause();
		if (this.status === 'paused') this.#cutOff = this.#voice?.silence() ?? false;
	}

	override resume(): void {
		super.resume();
		// Speech cut off by the pause is spoken again from the start of its step text.
		if (this.status === 'running' && this.#cutOff) this.#speak();
		this.#cutOff = false;
	}

	override stop(): void {
		super.stop();
		if (this.ended) this.#voice?.silence();
	}

	/** Leaving the screen also ends any speech still going (a slow voice after completion). */
	override destroy(): void {
		super.destroy();
		this.#voice?.silence();
	}

	#seek(positionMs: number): void {
		// Time up to now belongs to the step being left.
		if (this.status === 'running') {
			this.dispatch({ type: 'tick', atMs: this.env.now() });
			this.onTick();
		}
		if (!this.dispatch({ type: 'seek', atMs: this.env.now(), positionMs })) return;
		this.rescheduleAudio();
		this.#cutOff = false;
		// The step landed on is spoken from its start (also the same step, when going back to
		// its beginning); while paused, that happens on resume.
		this.#voice?.silence();
		this.#spokenIndex = -1;
		this.onTick();
		// Plans sound and the next wake from the new place.
		this.catchUp();
		void this.save();
	}

	#speak(): void {
		this.#spokenIndex = this.position.step.index;
		this.#voice?.say(this.#textOf(this.step));
	}

	protected *plannedCues(fromMs: number, toMs: number): Iterable<PlannedCue> {
		for (const cue of stepCuesBetween(this.timeline, fromMs, toMs)) {
			yield { atMs: cue.atMs, sound: 'bell' };
		}
	}

	protected startFields(): SessionStartFields {
		return { exerciseId: this.practice.id, plannedMs: this.timeline.durationMs };
	}

	protected msUntilChange(): number {
		// The step's end and the time remaining, in whole seconds.
		const { stepRemainingMs, remainingMs } = this.position;
		return Math.min(stepRemainingMs, msUntilNextSecond(remainingMs));
	}

	protected onTick(): void {
		const { activeElapsedMs, positionMs } = this.session;
		// Since the last tick the position moved on by the time practised (a skip ticks first),
		// which may have crossed into the next step.
		const spentMs = activeElapsedMs - this.#lastActiveMs;
		for (const [index, ms] of stepTimeBetween(this.timeline, positionMs - spentMs, positionMs)) {
			this.#msInStep[index] = (this.#msInStep[index] ?? 0) + ms;
		}
		this.#lastActiveMs = activeElapsedMs;
		const index = this.position.step.index;
		if (index !== this.#spokenIndex && this.status === 'running') this.#speak();
	}

	protected override details(): SessionDetails {
		const noticed: NoticedEntry[] = Object.entries(this.#noticed)
			.filter(([, n]) => n.count > 0 || n.text.trim() !== '')
			.map(([step, n]) => ({ step, count: n.count, text: n.text.trim() }));
		return {
			stepsDone: stepsDone(this.timeline, this.#msInStep),
			tooMuch: this.#tooMuch,
			choices: { ...this.choices },
			// Always written: text the person cleared must not stay behind in storage.
			noticed
		};
	}
}
