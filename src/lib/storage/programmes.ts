/**
 * A programme the person follows (or followed). One record per programme; restarting begins a
 * new `run`, so days done in an earlier run stay in the journal. Only `programmeId` is indexed
 * (database version 4); other fields may grow.
 */
export interface ProgrammeRecord {
	programmeId: string;
	/** Which time the person started it, from 1; restarting adds one. */
	run: number;
	/** Epoch ms the current run started. */
	startedAt: number;
	status: 'active' | 'paused' | 'left';
	/** The variant the person chose where a programme offers several (e.g. 'anxious'). */
	variant?: string;
}

/** A programme day completed: which session completed it. */
export interface ProgrammeDayRecord {
	/** `${programmeId}:${run}:${day}`, so a day is completed once per run. */
	id: string;
	programmeId: string;
	run: number;
	/** The programme's day number, from 1. */
	day: number;
	sessionId: string;
	/** Epoch ms. */
	completedAt: number;
}
