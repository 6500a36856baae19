import { readProgrammeDay, type ProgrammeDayContext } from '../programmes/day';

/** A flow's state, changed only through its reducer (a step that does not fit changes nothing). */
export class Flow<S, E> {
	#state: S = $state.raw() as S;
	readonly #reduce: (state: S, event: E) => S;

	constructor(reduce: (state: S, event: E) => S, initial: S) {
		this.#reduce = reduce;
		this.#state = initial;
	}

	/** Where the flow stands now. */
	get state(): S {
		return this.#state;
	}

	/** Takes a step; true when it changed the flow. */
	dispatch(event: E): boolean {
		const next = this.#reduce(this.#state, event);
		if (next === this.#state) return false;
		this.#state = next;
		return true;
	}
}

/**
 * The programme day this page's practice was started from, if any: the one place a flow reads
 * it from the address (read once the page runs; a prerendered page has no query).
 */
export function programmeDayOfPage(): ProgrammeDayContext | undefined {
	return readProgrammeDay(location.search);
}
