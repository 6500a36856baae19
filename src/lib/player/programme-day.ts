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
