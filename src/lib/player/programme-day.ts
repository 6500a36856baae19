import type { ProgrammePractice } from '../content/programme-load';
import type { ProgrammeDayRecord } from '../storage/programmes';
import { loadProgrammeStore } from './gateway';
import type { RunResult } from './practice-run.svelte';

/**
 * A practice started from a programme day carries the day in its address:
 * `/oefening/coherent?programma=fundament&dag=3&min=5`. Without these parameters a practice
 * is just a practice (and "breathe now" never reads them).
 */
export interface ProgrammeDayContext {
	readonly programmeId: string;
	readonly day: number;
	/** The minutes the programme plans for a breathing exercise. */
	readonly minutes?: number;
}

const PROGRAMME_PARAM = 'programma';
const DAY_PARAM = 'dag';
const MINUTES_PARAM = 'min';
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The programme day in a page's query string, or undefined when there is none (or it is odd). */
export function readProgrammeDay(search: string): ProgrammeDayContext | undefined {
	const params = new URLSearchParams(search);
	const programmeId = params.get(PROGRAMME_PARAM) ?? '';
	const day = Number(params.get(DAY_PARAM));
	if (!ID.test(programmeId) || !Number.isInteger(day) || day < 1 || day > 1000) return undefined;
	const minutes = Number(params.get(MINUTES_PARAM));
	return {
		programmeId,
		day,
		...(Number.isInteger(minutes) && minutes >= 1 && minutes <= 20 && { minutes })
	};
}

/** Where a practice of the boundary exercise or the urge questions lives; others are exercises. */
function practicePath(exercise: string): string {
	if (exercise === 'boundary') return '/grens';
	if (exercise === 'urge-questions') return '/drang';
	return `/oefening/${exercise}`;
}

/** The (unlocalised) address that starts a practice of a programme day. */
export function practiceHref(
	practice: ProgrammePractice,
	programmeId: string,
	day: number
): string {
	const params = new URLSearchParams({ [PROGRAMME_PARAM]: programmeId, [DAY_PARAM]: String(day) });
	if (practice.minutes) params.set(MINUTES_PARAM, String(practice.minutes));
	return `${practicePath(practice.exercise)}?${params.toString()}`;
}

/**
 * Whether a run completes its programme day: it was completed, or it lasted the minutes the
 * programme planned (someone who chose a longer session and stopped after the planned part
 * has done the day).
 */
export function completesDay(
	result: Pick<RunResult, 'status' | 'activeMs'>,
	context: ProgrammeDayContext
): boolean {
	if (result.status === 'completed') return true;
	return context.minutes !== undefined && result.activeMs >= context.minutes * 60_000;
}

/**
 * Records the programme day as done by this session once the session is stored. Resolves to
 * the day's record, or undefined when nothing was recorded (not completed, programme left).
 */
export async function recordProgrammeDay(
	context: ProgrammeDayContext,
	result: Pick<RunResult, 'status' | 'activeMs' | 'sessionId' | 'saved'>
): Promise<ProgrammeDayRecord | undefined> {
	if (!completesDay(result, context)) return undefined;
	await result.saved;
	return (await loadProgrammeStore()).completeDay(
		{ programmeId: context.programmeId, day: context.day, sessionId: result.sessionId },
		Date.now()
	);
}
