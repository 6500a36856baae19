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

const STATUSES: ReadonlySet<unknown> = new Set(['active', 'paused', 'left']);
const isCount = (value: unknown) =>
	typeof value === 'number' && Number.isInteger(value) && value >= 1;
const isTime = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** True for a stored programme with the shape the app relies on (checked when read). */
export function isProgrammeRecord(value: unknown): value is ProgrammeRecord {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		typeof r.programmeId === 'string' &&
		isCount(r.run) &&
		isTime(r.startedAt) &&
		STATUSES.has(r.status) &&
		(r.variant === undefined || typeof r.variant === 'string')
	);
}

/** True for a stored programme day with the shape the app relies on. */
export function isProgrammeDayRecord(value: unknown): value is ProgrammeDayRecord {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		typeof r.id === 'string' &&
		typeof r.programmeId === 'string' &&
		isCount(r.run) &&
		isCount(r.day) &&
		typeof r.sessionId === 'string' &&
		isTime(r.completedAt)
	);
}
