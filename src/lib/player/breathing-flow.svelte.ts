import type { BreathingExercise } from '../content/types';
import {
	createPracticeFlow,
	reducePracticeFlow,
	type PracticeFlowEvent,
	type PracticeFlowState
} from '../engine/practice-flow';
import { startMinutes } from './breathe-now';
import { isOwnId } from '../settings/schema';
import { Flow, programmeDayOfPage } from './flow.svelte';
import { audioIfLoaded, loadAudio } from './gateway';
import type { RunResult } from './practice-run.svelte';
import { preferences } from './preferences.svelte';
import type { ProgrammeDayContext } from '../programmes/day';

/** A breathing exercise's page: choose length and holds, an optional lead-in, run, after. */
export class BreathingFlow {
	readonly exercise: BreathingExercise;
	readonly #flow = new Flow<PracticeFlowState<RunResult>, PracticeFlowEvent<RunResult>>(
		reducePracticeFlow,
		createPracticeFlow()
	);
	/** The minutes the next run lasts. */
	minutes = $state(0);
	#holds = $state(true);
	/** Started from a programme day: the day's minutes, and the day to complete. */
	#programmeDay = $state<ProgrammeDayContext | undefined>();

	constructor(exercise: BreathingExercise) {
		this.exercise = exercise;
		this.minutes = startMinutes(exercise);
	}

	get state(): PracticeFlowState<RunResult> {
		return this.#flow.state;
	}

	/** Whether the holds of the pattern are kept. */
	get holds(): boolean {
		return this.#holds;
	}

	get programmeDay(): ProgrammeDayContext | undefined {
		return this.#programmeDay;
	}

	/**
	 * Once on screen: the remembered holds and length, the programme day's minutes (a day's
	 * own length wins), sound on its way.
	 */
	open(): void {
		this.#holds = preferences.holdsFor(this.exercise.id);
		const remembered = preferences.lengthFor(this.exercise.id);
		if (remembered && !isOwnId(this.exercise.id)) this.minutes = remembered;
		this.#programmeDay = programmeDayOfPage();
		if (this.#programmeDay?.minutes && !this.exercise.maxCycles) {
			this.minutes = this.#programmeDay.minutes;
		}
		void loadAudio().catch(() => undefined);
	}

	/** The length chosen on the page, remembered for this exercise. */
	setMinutes(minutes: number): void {
		this.minutes = minutes;
		if (!isOwnId(this.exercise.id)) preferences.setLength(this.exercise.id, minutes);
	}

	/** Holds on or off, remembered for this exercise. */
	setHolds(on: boolean): void {
		this.#holds = on;
		preferences.setHolds(this.exercise.id, on);
	}

	/** Starts in the same tap as the rating (or the skip, or "again"), which also unlocks sound. */
	begin(distressBefore: number | undefined): void {
		audioIfLoaded()?.unlock();
		this.#flow.dispatch({
			type: 'begin',
			distressBefore,
			leadInSeconds: preferences.get('leadIn'),
			atMs: Date.now()
		});
	}

	/** The lead-in has counted down. */
	leadInDone(): void {
		this.#flow.dispatch({ type: 'leadInDone', atMs: Date.now() });
	}

	/** The run ended (completed or stopped). */
	ended(result: RunResult): void {
		this.#flow.dispatch({ type: 'ended', result });
	}
}
