import { BOUNDARY_TOGETHER_ID, type BoundaryRoundRecord } from '../records/sessions';
import { reportSaveFailure, type RunResult } from './practice-run.svelte';
import { loadSessions } from './gateway';

/**
 * Keeps a practice done with a trusted person as it goes: the session is written with the first
 * round noted, updated with each one, completed at the end, and kept as stopped when the person
 * leaves (a link, closing, quick exit) before that.
 */
export class TogetherRecorder {
	readonly sessionId = crypto.randomUUID();
	#startedAt: number;
	#written: Promise<void> | null = null;
	#last: Promise<void> = Promise.resolve();
	#unsaved = false;
	#ended = false;

	/** `startedAt`: when the instructions were opened (epoch ms). */
	constructor(startedAt = Date.now()) {
		this.#startedAt = startedAt;
	}

	/** Stores the rounds so far (called after each round is noted). */
	record(rounds: BoundaryRoundRecord[]): Promise<void> {
		return this.#write(rounds, 'running');
	}

	/** The two of them are done: the session is completed. */
	finish(rounds: BoundaryRoundRecord[]): RunResult {
		const saved = this.#write(rounds, 'completed', true);
		this.#ended = true;
		return {
			sessionId: this.sessionId,
			status: 'completed',
			activeMs: Date.now() - this.#startedAt,
			isUnsaved: () => this.#unsaved,
			saved
		};
	}

	/** Leaving before "finish": rounds already noted are kept, as stopped. */
	leave(rounds: BoundaryRoundRecord[]): Promise<void> {
		if (this.#ended || rounds.length === 0) return this.#last;
		this.#ended = true;
		return this.#write(rounds, 'stopped');
	}

	#write(
		rounds: BoundaryRoundRecord[],
		status: 'running' | 'completed' | 'stopped',
		evenWhenEmpty = false
	): Promise<void> {
		if (this.#ended || (rounds.length === 0 && !evenWhenEmpty)) return this.#last;
		const sessions = loadSessions();
		this.#written ??= sessions.then((store) =>
			store.start({
				id: this.sessionId,
				exerciseId: BOUNDARY_TOGETHER_ID,
				startedAt: this.#startedAt,
				plannedMs: 0
			})
		);
		const endedAt = Date.now();
		const copy = rounds.map((round) => ({ ...round }));
		this.#last = Promise.all([sessions, this.#written, this.#last])
			.then(([store]) =>
				store.update(this.sessionId, {
					activeMs: endedAt - this.#startedAt,
					plannedMs: 0,
					status,
					endedAt,
					details: { rounds: copy }
				})
			)
			.catch((error: unknown) => {
				if (reportSaveFailure(error)) this.#unsaved = true;
			});
		return this.#last;
	}
}
