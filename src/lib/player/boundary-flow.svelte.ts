import { createBoundary, type ApproachSpeed, type BoundarySettings, type Side } from '../engine';
import type { BoundaryRoundRecord } from '../records/sessions';
import { TogetherRecorder } from './boundary-together';
import { Flow, programmeDayOfPage } from './flow.svelte';
import { loadAudio } from './gateway';
import type { RunResult } from './practice-run.svelte';
import { preferences } from './preferences.svelte';
import type { ProgrammeDayContext } from '../programmes/day';

/** STOP / GA TERUG: choose how, practise (on the screen or with someone), then look back. */
export type BoundaryFlowState =
	| { readonly stage: 'choose' }
	| {
			readonly stage: 'solo';
			/** Tells one run from the next (epoch ms of its start). */
			readonly runId: number;
	  }
	| { readonly stage: 'together'; readonly recorder: TogetherRecorder }
	| {
			readonly stage: 'after';
			readonly result: RunResult;
			readonly rounds: BoundaryRoundRecord[];
			/** Practised with a trusted person, not on the screen. */
			readonly together: boolean;
	  };

export type BoundaryFlowEvent =
	| { readonly type: 'practiseSolo'; readonly atMs: number }
	| { readonly type: 'practiseTogether'; readonly recorder: TogetherRecorder }
	| { readonly type: 'ended'; readonly result: RunResult; readonly rounds: BoundaryRoundRecord[] }
	| { readonly type: 'again' };

/** The one place the boundary page's flow changes; a step that does not fit changes nothing. */
export function reduceBoundaryFlow(
	state: BoundaryFlowState,
	event: BoundaryFlowEvent
): BoundaryFlowState {
	switch (event.type) {
		case 'practiseSolo':
			if (state.stage !== 'choose') return state;
			return { stage: 'solo', runId: event.atMs };
		case 'practiseTogether':
			if (state.stage !== 'choose') return state;
			return { stage: 'together', recorder: event.recorder };
		case 'ended':
			if (state.stage !== 'solo' && state.stage !== 'together') return state;
			return {
				stage: 'after',
				result: event.result,
				rounds: event.rounds,
				together: state.stage === 'together'
			};
		case 'again':
			if (state.stage !== 'after') return state;
			return { stage: 'choose' };
	}
}

/** The figure drawn on the screen. */
export type BoundaryShape = 'soft' | 'person';

/** The boundary page: its choices (remembered), the practice and the look back. */
export class BoundaryFlow {
	readonly #flow = new Flow(reduceBoundaryFlow, { stage: 'choose' });
	settings = $state<BoundarySettings>(createBoundary().settings);
	shape = $state<BoundaryShape>('soft');
	footsteps = $state(true);
	/** Started from a programme day: the day to complete. */
	#programmeDay = $state<ProgrammeDayContext | undefined>();

	get state(): BoundaryFlowState {
		return this.#flow.state;
	}

	get programmeDay(): ProgrammeDayContext | undefined {
		return this.#programmeDay;
	}

	/** Once on screen: the programme day, the last choices, and sound on its way. */
	open(): void {
		this.#programmeDay = programmeDayOfPage();
		// The last choices, checked by the model (an old or odd value falls back to the default).
		const saved = preferences.choicesFor('boundary') as Record<string, string> | null;
		if (saved && typeof saved === 'object') {
			this.settings = createBoundary({
				speed: saved.speed as ApproachSpeed,
				startDistanceM: Number(saved.startDistanceM),
				side: saved.side as Side
			}).settings;
			this.shape = saved.shape === 'person' ? 'person' : 'soft';
			this.footsteps = saved.footsteps !== 'off';
		}
		void loadAudio().catch(() => undefined);
	}

	/** Practise on the screen, with these choices remembered for next time. */
	practiseSolo(): void {
		this.#remember();
		this.#flow.dispatch({ type: 'practiseSolo', atMs: Date.now() });
	}

	/** Practise with a trusted person; the rounds are noted and kept as they go. */
	practiseTogether(): void {
		this.#flow.dispatch({ type: 'practiseTogether', recorder: new TogetherRecorder() });
	}

	/** The practice is over, with these rounds. */
	ended(result: RunResult, rounds: BoundaryRoundRecord[]): void {
		this.#flow.dispatch({ type: 'ended', result, rounds });
	}

	/** Back to the choices, for another practice. */
	again(): void {
		this.#flow.dispatch({ type: 'again' });
	}

	#remember(): void {
		preferences.setChoices('boundary', {
			speed: this.settings.speed,
			startDistanceM: String(this.settings.startDistanceM),
			side: this.settings.side,
			shape: this.shape,
			footsteps: this.footsteps ? 'on' : 'off'
		});
	}
}
