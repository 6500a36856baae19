const MUTED_KEY = 'rustpunt:muted';
const HOLDS_KEY = 'rustpunt:holds:';

function write(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// Private mode or full storage: the choice lasts for this visit.
	}
}

/** Small preferences read before the first frame, kept in localStorage. */
class Preferences {
	#muted = $state(false);

	constructor() {
		if (typeof localStorage !== 'undefined') {
			this.#muted = localStorage.getItem(MUTED_KEY) === 'true';
		}
	}

	get muted(): boolean {
		return this.#muted;
	}

	set muted(value: boolean) {
		this.#muted = value;
		write(MUTED_KEY, String(value));
	}

	/** Whether this exercise runs with its holds; on unless the person switched them off. */
	holdsFor(exerciseId: string): boolean {
		if (typeof localStorage === 'undefined') return true;
		return localStorage.getItem(HOLDS_KEY + exerciseId) !== 'false';
	}

	/** Remembers the holds choice for one exercise. */
	setHolds(exerciseId: string, on: boolean): void {
		write(HOLDS_KEY + exerciseId, String(on));
	}
}

export const preferences = new Preferences();
