/** One app setting kept in the database: a key and a JSON-safe value. */
export interface SettingRecord {
	key: string;
	value: unknown;
}

/** Settings the journal and the data screen keep. */
export interface JournalSettings {
	/** Count days practised in a row; off unless the person turns it on. */
	streaks: boolean;
	/** Whether the browser was already asked to keep Rustpunt's data (asked once). */
	persistAsked: boolean;
	/** Discreet mode: neutral page titles, media controls and install name and icon. */
	discreet: boolean;
}

export const DEFAULT_JOURNAL_SETTINGS: JournalSettings = {
	streaks: false,
	persistAsked: false,
	discreet: false
};

/**
 * The no-contact day count: off unless the person turns it on; the stored value is the local
 * day it counts from ('YYYY-MM-DD'). A contact after an urge starts the count again.
 */
export const NO_CONTACT_KEY = 'noContactCount';
