import type { RunResult } from './run-result';
import { loadJournal, loadSessions } from './gateway';

/** Adds the rating given after an exercise, once the session itself is stored. */
export function saveRatingAfter(result: RunResult, rating: number): void {
	void result.saved
		.then(loadSessions)
		.then((sessions) => sessions.rateAfter(result.sessionId, rating))
		.catch((error: unknown) => console.error('Could not save the rating', error));
}

/** Downloads everything the person has stored (offered when the phone is full). */
export function exportEverything(): void {
	void import('./data-exports')
		.then((exports) => exports.downloadEverythingUnattended())
		.catch((error: unknown) => console.error('Could not export', error));
}

/** What the screen after an exercise can do with its session: rate it, note it, export. */
export function afterRunActions(result: RunResult) {
	return {
		onrate: (value: number) => saveRatingAfter(result, value),
		onnote: async (text: string) => {
			await result.saved;
			await (await loadJournal()).setNote(result.sessionId, text);
		},
		onexport: exportEverything
	};
}
