/** Where the person lives, for which lines to show. */
export type Country = 'nl' | 'be' | 'other';

/** The country to show first: a Belgian locale means Belgium, otherwise the Netherlands. */
export function defaultCountry(languages: readonly string[]): Country {
	return languages.some((l) => /-BE$/i.test(l)) ? 'be' : 'nl';
}

/** True for a value that names a country the app knows. */
export function isCountry(value: unknown): value is Country {
	return value === 'nl' || value === 'be' || value === 'other';
}
