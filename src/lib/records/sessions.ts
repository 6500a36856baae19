import { isDayKey } from './days';

/** How a stored session ended; `running` only while it is under way. */
export type StoredSessionStatus = 'running' | 'completed' | 'stopped' | 'interrupted';

/** One practice session as kept on the device. */
export interface SessionRecord {
	id: string;
	exerciseId: string;
	/** Epoch ms. */
	startedAt: number;
	/** The local day it was practised on, 'YYYY-MM-DD' (set when written; see records/days). */
	day: string;
	/** Epoch ms of the last update; the end once the session is over. */
	endedAt: number;
	/** Time actually spent practising, without pauses. */
	activeMs: number;
	/** The length the person chose. */
	plannedMs: number;
	status: StoredSessionStatus;
	/** How tense the person felt, 0-10, when they chose to say. */
	distressBefore?: number;
	distressAfter?: number;
	/** Whether holds were part of the timeline. */
	holds?: boolean;
	/** Steps of a guided practice the person stayed with (ids, in order). */
	stepsDone?: string[];
	/** How often "too much?" was used during the practice. */
	tooMuch?: number;
	/** The choices made before a guided practice (posture, eyes, anchor). */
	choices?: Record<string, string>;
	/** What the person noted in a step that invites it: a count tapped, words typed. */
	noticed?: NoticedEntry[];
	/** The person's own note, written after the practice or later in the journal. */
	note?: string;
	/** The rounds of the boundary exercise (STOP / GA TERUG), in order. */
	rounds?: BoundaryRoundRecord[];
}

/** The exercise ids of the boundary exercise: on the screen, and with a trusted person. */
export const BOUNDARY_SOLO_ID = 'boundary';
export const BOUNDARY_TOGETHER_ID = 'boundary-together';

/**
 * One round of the boundary exercise. On the screen every field but the stop is known; with
 * a trusted person only what was noted (a distance in metres or steps, and "go back").
 */
export interface BoundaryRoundRecord {
	/** Where Stop was said: metres in the drawn scene, or metres as measured together. */
	stopDistanceM?: number;
	/** Where Stop was said, in steps (with a trusted person). */
	stopSteps?: number;
	/** It stopped by itself at the closest distance (on the screen). */
	reachedMinimum?: boolean;
	wentBack?: boolean;
	speed?: 'slow' | 'medium' | 'fast';
	startDistanceM?: number;
	side?: 'front' | 'left' | 'right';
}

/** What was noticed in one interactive step (5-4-3-2-1); both parts optional. */
export interface NoticedEntry {
	step: string;
	count: number;
	text: string;
}

/** What a guided practice records beyond time and status. */
export type SessionDetails = Pick<
	SessionRecord,
	'stepsDone' | 'tooMuch' | 'choices' | 'noticed' | 'rounds'
>;

/** A distress rating is a whole number from 0 to 10. */
export function isDistressRating(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

const STATUSES: ReadonlySet<unknown> = new Set(['running', 'completed', 'stopped', 'interrupted']);
const isTime = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** True for a stored record with the shape the app relies on (checked when read). */
export function isSessionRecord(value: unknown): value is SessionRecord {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		typeof r.id === 'string' &&
		typeof r.exerciseId === 'string' &&
		isTime(r.startedAt) &&
		isTime(r.endedAt) &&
		isTime(r.activeMs) &&
		isTime(r.plannedMs) &&
		isDayKey(r.day) &&
		STATUSES.has(r.status) &&
		(r.distressBefore === undefined || isDistressRating(r.distressBefore)) &&
		(r.distressAfter === undefined || isDistressRating(r.distressAfter)) &&
		(r.stepsDone === undefined || isStringList(r.stepsDone)) &&
		(r.tooMuch === undefined || isCount(r.tooMuch)) &&
		(r.noticed === undefined || (Array.isArray(r.noticed) && r.noticed.every(isNoticedEntry))) &&
		(r.note === undefined || typeof r.note === 'string') &&
		(r.rounds === undefined || (Array.isArray(r.rounds) && r.rounds.every(isRound)))
	);
}

const isStringList = (value: unknown) =>
	Array.isArray(value) && value.every((item) => typeof item === 'string');
const isCount = (value: unknown) =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isNoticedEntry(value: unknown): value is NoticedEntry {
	if (typeof value !== 'object' || value === null) return false;
	const e = value as Record<string, unknown>;
	return typeof e.step === 'string' && isCount(e.count) && typeof e.text === 'string';
}

const isDistance = (value: unknown) =>
	value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0);

function isRound(value: unknown): value is BoundaryRoundRecord {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return isDistance(r.stopDistanceM) && isDistance(r.stopSteps);
}
