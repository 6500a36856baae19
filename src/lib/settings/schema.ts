/**
 * The app's settings: every key, its schema and its default. Pure. A stored value is checked
 * against its schema whenever it is read (the database, the quick copy in localStorage, an
 * import); a damaged value reads as the default and never breaks the app.
 */
import { SESSION_MINUTES } from '../content/lengths';
import { LEGACY_SETTING_KEYS, legacyGroupOf, type OwnKey } from '../platform/storage-keys';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const MOTIONS = ['system', 'reduce'] as const;
export type Motion = (typeof MOTIONS)[number];
/** Cue-sound sets, each synthesised by src/build/synth-audio.js. */
export const CUE_SETS = ['soft', 'chime', 'wood'] as const;
export type CueSet = (typeof CUE_SETS)[number];
/** Seconds of lead-in before an exercise starts. */
export const LEAD_INS = [0, 3, 5] as const;
export type LeadIn = (typeof LEAD_INS)[number];
/** Speaking rates offered for spoken guidance. */
export const VOICE_RATES = [0.8, 0.9, 1] as const;
/** Background sounds a guided practice may play; 'none' is silence. */
export const BACKGROUND_CHOICES = ['none', 'brown', 'drone'] as const;
export type BackgroundChoice = (typeof BACKGROUND_CHOICES)[number];
/** Default length of an exercise: 0 keeps each exercise's own. */
export const DEFAULT_LENGTHS = [0, ...SESSION_MINUTES] as const;
/** What "breathe now" starts when nothing else was chosen. */
export const BUILT_IN_BREATHE_NOW = 'extended-exhale';
/**
 * What a programme's calendar file names: nothing ("Moment voor mezelf", no text) or the
 * programme and each day's practice. Discreet mode always makes it neutral.
 */
export const CALENDAR_STYLES = ['neutral', 'descriptive'] as const;
export type CalendarStyle = (typeof CALENDAR_STYLES)[number];
/** The prefix of an own pattern's id where an exercise id is expected. */
export const OWN_PREFIX = 'own:';

/** Whether an exercise id names an own pattern. */
export function isOwnId(exerciseId: string): boolean {
	return exerciseId.startsWith(OWN_PREFIX);
}

/*
 * Checks written by hand, not with the schema library: this module is read before the first
 * breath of "breathe now", where every kilobyte counts. The export's schema uses the same
 * checks (src/lib/storage/portable/schema.ts).
 */
type Check = (value: unknown) => boolean;

const oneOf =
	(values: readonly unknown[]): Check =>
	(value) =>
		values.includes(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const between =
	(min: number, max: number): Check =>
	(value) =>
		typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
const text =
	(max: number, min = 0): Check =>
	(value) =>
		typeof value === 'string' && value.length >= min && value.length <= max;
const id = text(100, 1);
/** 128 random bits as hex, or '' while none was made. */
const randomKey: Check = (value) => typeof value === 'string' && /^(?:[0-9a-f]{32})?$/.test(value);
/** A plain object (never an array) of at most `max` entries, each key and value checked. */
const recordOf =
	(key: Check, entry: Check, max: number): Check =>
	(value) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
		const entries = Object.entries(value);
		return entries.length <= max && entries.every(([k, item]) => key(k) && entry(item));
	};
const volume = between(0, 1);
const perExercise = (entry: Check) => recordOf(id, entry, 200);

/** Every setting: the check a stored value must pass, and its default. */
export const SETTINGS = {
	theme: { valid: oneOf(THEMES), fallback: 'system' as Theme },
	reducedMotion: { valid: oneOf(MOTIONS), fallback: 'system' as Motion },
	muted: { valid: isBoolean, fallback: false as boolean },
	/** Loudness of every sound the app makes, cues and background, 0 to 1. */
	volume: { valid: volume, fallback: 0.8 as number },
	cueSet: { valid: oneOf(CUE_SETS), fallback: 'soft' as CueSet },
	vibration: { valid: isBoolean, fallback: true as boolean },
	voiceOn: { valid: isBoolean, fallback: true as boolean },
	voiceRate: { valid: between(0.5, 1.5), fallback: 0.9 as number },
	/** The voice chosen per language: an id from the device's voice list. */
	voices: {
		valid: recordOf(oneOf(['nl', 'en']), id, 2),
		fallback: {} as Partial<Record<'nl' | 'en', string>>
	},
	defaultMinutes: { valid: oneOf(DEFAULT_LENGTHS), fallback: 0 as number },
	/** A built-in breathing exercise's id, or `own:` and a pattern's id. */
	breatheNow: { valid: id, fallback: BUILT_IN_BREATHE_NOW as string },
	leadIn: { valid: oneOf(LEAD_INS), fallback: 0 as LeadIn },
	background: { valid: oneOf(BACKGROUND_CHOICES), fallback: 'none' as BackgroundChoice },
	backgroundVolume: { valid: volume, fallback: 0.4 as number },
	country: { valid: oneOf(['nl', 'be', 'other']), fallback: 'nl' as 'nl' | 'be' | 'other' },
	/** Per breathing exercise: run it with its holds (on unless switched off). */
	holds: { valid: perExercise(isBoolean), fallback: {} as Record<string, boolean> },
	/** Per breathing exercise: the length last chosen on its page, in minutes. */
	lengths: {
		valid: perExercise(oneOf(SESSION_MINUTES)),
		fallback: {} as Record<string, number>
	},
	/** What a programme's calendar file names; neutral unless the person chose otherwise. */
	calendarStyle: { valid: oneOf(CALENDAR_STYLES), fallback: 'neutral' as CalendarStyle },
	/** Whether calendar events link into the app (the link shows the app's address). */
	calendarLink: { valid: isBoolean, fallback: false as boolean },
	/**
	 * The key that makes calendar event UIDs stable without naming a programme; made at the
	 * first calendar file. It travels with an export, so a new phone updates the same events.
	 */
	calendarKey: { valid: randomKey, fallback: '' as string },
	/** Per guided practice: the choices last made. */
	choices: {
		valid: perExercise(recordOf(text(50), text(50), 10)),
		fallback: {} as Record<string, Record<string, string>>
	}
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { -readonly [K in SettingKey]: (typeof SETTINGS)[K]['fallback'] };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** Whether a key is one of the app's settings. */
export function isSettingKey(key: unknown): key is SettingKey {
	return typeof key === 'string' && Object.hasOwn(SETTINGS, key);
}

/** The stored value when it passes its schema; otherwise the default. */
export function readSetting<K extends SettingKey>(key: K, stored: unknown): Settings[K] {
	const { valid, fallback } = SETTINGS[key];
	return (valid(stored) ? stored : structuredClone(fallback)) as Settings[K];
}

/** Whether a value may be stored under a key. */
export function validSetting(key: SettingKey, value: unknown): boolean {
	return SETTINGS[key].valid(value);
}

/** Every setting at its default. */
export function defaultSettings(): Settings {
	return Object.fromEntries(
		SETTING_KEYS.map((key) => [key, structuredClone(SETTINGS[key].fallback)])
	) as Settings;
}

/**
 * Reads the settings kept in localStorage before this version (one key each), so moving them
 * into the database loses nothing. Each is checked like any stored value.
 */
export function fromLegacy(entries: Record<string, string>): Partial<Settings> {
	const out: Partial<Record<SettingKey, unknown>> = {};
	const bool = (text: string | undefined) =>
		text === 'true' ? true : text === 'false' ? false : undefined;
	const num = (text: string | undefined) =>
		text === undefined || text.trim() === '' ? undefined : Number(text);
	const put = (key: SettingKey, value: unknown) => {
		if (value !== undefined && validSetting(key, value)) out[key] = value;
	};
	const legacy = LEGACY_SETTING_KEYS;
	put('muted', bool(entries[legacy.muted]));
	put('country', entries[legacy.country]);
	put('voiceOn', bool(entries[legacy.voiceOn]));
	put('voiceRate', num(entries[legacy.voiceRate]));
	put('background', entries[legacy.background]);
	put('backgroundVolume', num(entries[legacy.backgroundVolume]));
	const voices: Record<string, string> = {};
	const holds: Record<string, boolean> = {};
	const choices: Record<string, Record<string, string>> = {};
	for (const [key, text] of Object.entries(entries)) {
		const item = legacyGroupOf(key);
		if (!item) continue;
		const { group, name } = item;
		if (group === 'voices' && (name === 'nl' || name === 'en')) voices[name] = text;
		if (group === 'holds' && bool(text) !== undefined) holds[name] = bool(text)!;
		if (group === 'choices') {
			try {
				choices[name] = JSON.parse(text) as Record<string, string>;
			} catch {
				// A damaged entry is left behind.
			}
		}
	}
	if (Object.keys(voices).length > 0) put('voices', voices);
	if (Object.keys(holds).length > 0) put('holds', holds);
	if (Object.keys(choices).length > 0) put('choices', choices);
	return out as Partial<Settings>;
}

const LEGACY_KEYS: ReadonlySet<string> = new Set(Object.values(LEGACY_SETTING_KEYS));

/** The localStorage keys `fromLegacy` reads (removed once they are in the database). */
export function isLegacyKey(key: string): key is OwnKey {
	return LEGACY_KEYS.has(key) || legacyGroupOf(key) !== undefined;
}
