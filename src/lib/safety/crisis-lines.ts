/** Where the person is, for which lines to show first. */
export type Country = 'nl' | 'be' | 'other';

/** One line a person can call or chat with. Texts are message keys, numbers are exact. */
export interface CrisisLine {
	/** Stable id, also used to look up the name and description in the messages. */
	readonly id: string;
	/** The number as it is written locally. */
	readonly display: string;
	/** The number to dial (digits only), for a tel: link. */
	readonly dial: string;
	/** Open day and night. */
	readonly always: boolean;
	/** A chat on the line's own site, opened in the browser (not called by the app). */
	readonly chatUrl?: string;
	readonly emergency?: boolean;
}

/**
 * Crisis lines per country (source: shared/exercise-facts.md; numbers checked by a test).
 * The emergency number comes first only where it is the right first call.
 */
export const CRISIS_LINES: Readonly<Record<Country, readonly CrisisLine[]>> = {
	nl: [
		{ id: 'nl-113', display: '113', dial: '113', always: true, chatUrl: 'https://www.113.nl' },
		{ id: 'nl-113-free', display: '0800-0113', dial: '08000113', always: true },
		{ id: 'nl-veilig-thuis', display: '0800-2000', dial: '08002000', always: true },
		{ id: 'nl-luisterlijn', display: '088-0767000', dial: '0880767000', always: true },
		{ id: 'emergency', display: '112', dial: '112', always: true, emergency: true }
	],
	be: [
		{
			id: 'be-1813',
			display: '1813',
			dial: '1813',
			always: true,
			chatUrl: 'https://www.zelfmoord1813.be'
		},
		{ id: 'be-1712', display: '1712', dial: '1712', always: false },
		{ id: 'emergency', display: '112', dial: '112', always: true, emergency: true }
	],
	other: [{ id: 'emergency', display: '112', dial: '112', always: true, emergency: true }]
};

/** Where to find a line in any other country. */
export const FIND_A_HELPLINE_URL = 'https://findahelpline.com';

/** The country to show first: a Belgian locale means Belgium, otherwise the Netherlands. */
export function defaultCountry(languages: readonly string[]): Country {
	return languages.some((l) => /-BE$/i.test(l)) ? 'be' : 'nl';
}

/** True for a value that names a country the app knows. */
export function isCountry(value: unknown): value is Country {
	return value === 'nl' || value === 'be' || value === 'other';
}
