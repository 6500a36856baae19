import type { Country } from './country';

// The country functions live apart, so that the settings (loaded with "breathe now") do not
// carry the lines themselves.
export { defaultCountry, isCountry, type Country } from './country';

/** The lines the app knows; each has a name and description in the messages. */
export type CrisisLineId =
	'nl-113' | 'nl-veilig-thuis' | 'nl-luisterlijn' | 'be-1813' | 'be-1712' | 'emergency';

/** A number as written locally and as dialled (digits only, for a tel: link). */
export interface PhoneNumber {
	readonly display: string;
	readonly dial: string;
}

/** When a line can be reached. */
export type LineHours = 'always' | 'weekdays-9-17';

/** One line a person can call or chat with. */
export interface CrisisLine {
	readonly id: CrisisLineId;
	readonly numbers: readonly PhoneNumber[];
	readonly hours: LineHours;
	/** A chat on the line's own site, opened in the browser (the app itself calls nothing). */
	readonly chatUrl?: string;
	readonly emergency?: boolean;
}

const EMERGENCY: CrisisLine = {
	id: 'emergency',
	numbers: [{ display: '112', dial: '112' }],
	hours: 'always',
	emergency: true
};

/**
 * Crisis lines per country (source: shared/exercise-facts.md; numbers and hours checked by a
 * test). The facts file gives 24/7 for 113, Veilig Thuis and 1813, and no hours for De
 * Luisterlijn or 1712; those two were checked (2026-11) against public reports: De Luisterlijn
 * answers the phone day and night (NRC 2021-07-27, Omroep P&M 2023), 1712 answers on working
 * days (Focus-WTV; 1712.be gives 9:00-17:00), and its chat has shorter evening hours, which the
 * app does not show. Check both again when the facts file is updated.
 */
export const CRISIS_LINES: Readonly<Record<Country, readonly CrisisLine[]>> = {
	nl: [
		{
			id: 'nl-113',
			numbers: [
				{ display: '0800-0113', dial: '08000113' },
				{ display: '113', dial: '113' }
			],
			hours: 'always',
			chatUrl: 'https://www.113.nl'
		},
		{
			id: 'nl-veilig-thuis',
			numbers: [{ display: '0800-2000', dial: '08002000' }],
			hours: 'always'
		},
		{
			id: 'nl-luisterlijn',
			numbers: [{ display: '088-0767000', dial: '0880767000' }],
			hours: 'always'
		},
		EMERGENCY
	],
	be: [
		{
			id: 'be-1813',
			numbers: [{ display: '1813', dial: '1813' }],
			hours: 'always',
			chatUrl: 'https://www.zelfmoord1813.be'
		},
		{ id: 'be-1712', numbers: [{ display: '1712', dial: '1712' }], hours: 'weekdays-9-17' },
		EMERGENCY
	],
	other: [EMERGENCY]
};

/** Where to find a line in any other country. */
export const FIND_A_HELPLINE_URL = 'https://findahelpline.com';
