import { BOUNDARY_TOGETHER_ID, type BoundaryRoundRecord } from '../storage/sessions';
import { isQuotaError } from '../storage/quota';
import type { RunResult } from './run-result';
import { loadSessions } from './services';

/**
 * Keeps a practice done with a trusted person: the rounds as noted, in one completed session.
 * `startedAt` is when the instructions were opened.
 */
export function recordTogether(rounds: BoundaryRoundRecord[], startedAt: number): RunResult {
	const sessionId = crypto.randomUUID();
	const endedAt = Date.now();
	let unsaved = false;
	const saved = loadSessions()
		.then(async (sessions) => {
			await sessions.start({
				id: sessionId,
				exerciseId: BOUNDARY_TOGETHER_ID,
				startedAt,
				plannedMs: 0
			});
			await sessions.update(sessionId, {
				activeMs: endedAt - startedAt,
				plannedMs: 0,
				status: 'completed',
				endedAt,
				details: { rounds }
			});
		})
		.catch((error: unknown) => {
			unsaved = isQuotaError(error);
			if (!unsaved) console.error('Could not save the session', error);
		});
	return {
		sessionId,
		status: 'completed',
		activeMs: endedAt - startedAt,
		isUnsaved: () => unsaved,
		saved
	};
}
