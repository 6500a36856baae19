import { defaultCountry, isCountry, type Country } from '../safety/crisis-lines';

const MUTED_KEY = 'rustpunt:muted';
const HOLDS_KEY = 'rustpunt:holds:';
const COUNTRY_KEY = 'rustpunt:country';

/** Reads a stored choice; blocked storage (private mode, policies) reads as nothing. */
function read(key: string): string | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
	} catch {
		return null;
	}
}

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
	#country = $state<Country>('nl');

	constructor() {
		this.#muted = read(MUTED_KEY) === 'true';
		const country = read(COUNTRY_KEY);
		if (isCountry(country)) this.#country = country;
		else if (typeof navigator !== 'undefined') this.#country = defaultCountry(navigator.languages);
	}

	/** Which country's crisis lines to show first. */
	get country(): Country {
		return this.#country;
	}

	set country(value: Country) {
		this.#country = value;
		write(COUNTRY_KEY, value);
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
		return read(HOLDS_KEY + exerciseId) !== 'false';
	}

	/** Remembers the holds choice for one exercise. */
	setHolds(exerciseId: string, on: boolean): void {
		write(HOLDS_KEY + exerciseId, String(on));
	}
}

export const preferences = new Preferences();
