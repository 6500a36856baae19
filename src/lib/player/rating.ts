import type { RunResult } from './run-result';
import { loadSessions } from './services';

/** Adds the rating given after an exercise, once the session itself is stored. */
export function saveRatingAfter(result: RunResult, rating: number): void {
	void result.saved
		.then(loadSessions)
		.then((sessions) => sessions.rateAfter(result.sessionId, rating))
		.catch((error: unknown) => console.error('Could not save the rating', error));
}
