import type { LocalizedText } from '../content/types';
import { completesDay, type ProgrammeDayContext } from '../programmes/day';
import type { ProgrammeDayRecord } from '../records/programmes';
import { loadProgrammeStore } from './gateway';
import type { RunResult } from './practice-run.svelte';

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

/** The programme day a practice was opened from, as the practice shows it. */
export interface ProgrammeDayIntro {
	title: LocalizedText;
	day: number;
	intention: LocalizedText;
}

/**
 * The programme and the day's intention (for the person's variant) of a practice opened from a
 * programme day; undefined for a programme or day the app does not have. Loads the programmes
 * only now: a practice without a programme day never needs them.
 */
export async function programmeDayIntro(
	context: ProgrammeDayContext
): Promise<ProgrammeDayIntro | undefined> {
	const [content, progress, store] = await Promise.all([
		import('../content/programmes'),
		import('../programmes/progress'),
		loadProgrammeStore()
	]);
	const programme = await content.loadProgramme(context.programmeId);
	if (!programme) return undefined;
	const record = await store.get(context.programmeId);
	const planned = progress.plannedDays(programme, record?.variant)[context.day - 1];
	return planned && { title: programme.title, day: planned.day, intention: planned.intention };
}
