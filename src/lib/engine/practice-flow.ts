/**
 * The steps around one practice (breathing or guided): choose the options, an optional
 * lead-in, the run, and the screen after it. `R` is how a run ended (the player's report).
 */
export type PracticeFlowState<R> =
	| { readonly stage: 'choose' }
	| { readonly stage: 'lead-in'; readonly distressBefore: number | undefined }
	| {
			readonly stage: 'run';
			readonly distressBefore: number | undefined;
			/** Tells one run from the next (epoch ms of its start), so "again" starts afresh. */
			readonly runId: number;
	  }
	| { readonly stage: 'after'; readonly result: R };

export type PracticeFlowEvent<R> =
	| {
			/** The rating before (or its skip), or "again" after a run. */
			readonly type: 'begin';
			readonly distressBefore: number | undefined;
			/** The lead-in the settings ask for before a first start; 0 for none. */
			readonly leadInSeconds: number;
			/** Start at once, without a lead-in (switched here from "too much?"). */
			readonly immediate?: boolean;
			readonly atMs: number;
	  }
	| { readonly type: 'leadInDone'; readonly atMs: number }
	| { readonly type: 'ended'; readonly result: R };

/** A practice whose options are still being chosen. */
export function createPracticeFlow<R>(): PracticeFlowState<R> {
	return { stage: 'choose' };
}

/**
 * The one place a practice's flow changes; a step that does not fit the stage changes
 * nothing. The lead-in comes once per start from the options, never again after "again".
 */
export function reducePracticeFlow<R>(
	state: PracticeFlowState<R>,
	event: PracticeFlowEvent<R>
): PracticeFlowState<R> {
	switch (event.type) {
		case 'begin': {
			if (state.stage !== 'choose' && state.stage !== 'after') return state;
			const { distressBefore } = event;
			const leadIn = state.stage === 'choose' && !event.immediate && event.leadInSeconds > 0;
			return leadIn
				? { stage: 'lead-in', distressBefore }
				: { stage: 'run', distressBefore, runId: event.atMs };
		}
		case 'leadInDone':
			if (state.stage !== 'lead-in') return state;
			return { stage: 'run', distressBefore: state.distressBefore, runId: event.atMs };
		case 'ended':
			if (state.stage !== 'run') return state;
			return { stage: 'after', result: event.result };
	}
}
