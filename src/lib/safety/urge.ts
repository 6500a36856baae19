/** The person's own words for the three questions of the urge flow (each may stay empty). */
export interface UrgeAnswers {
	hope: string;
	bodyPlace: string;
	giveInstead: string;
}

/** The steps of the urge flow, in order; the person may end it at any of them. */
export type UrgeStage =
	| 'breathe'
	| 'unsent'
	| 'strength'
	| 'questions'
	| 'reality'
	| 'instead'
	| 'breathe-again'
	| 'wait'
	| 'unsent-reread'
	| 'contact'
	| 'done';
