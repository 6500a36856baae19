/**
 * Every key Rustpunt keeps in localStorage, by name: the one place a new key is added and the
 * one place that says what each holds. The stored strings never change, for people have data
 * under them. src/app.html's first-paint script repeats some of them by hand (it runs before
 * any module loads); storage-keys.test.ts checks that it uses these, for the same things.
 *
 * The database is the source of truth for everything the person chose; localStorage holds only
 * what must be known synchronously (before the first frame, or without the database), what the
 * app's tabs tell each other, and what older versions kept here.
 *
 * Pure data, no DOM: pure modules (the settings schema) import it. Reading and writing go
 * through ./local-storage.ts.
 */

/** Every key Rustpunt keeps in localStorage starts with this. */
export const STORAGE_PREFIX = 'rustpunt:';

/** A key of Rustpunt's own: one of the registry's, or one an older version or an import wrote. */
export type OwnKey = `${typeof STORAGE_PREFIX}${string}`;

export const STORAGE_KEYS = {
	/**
	 * A quick copy of the settings (JSON), read synchronously before the first frame: theme
	 * and motion (also by src/app.html), lead-in, what "breathe now" starts. Written by
	 * src/lib/player/preferences.svelte.ts.
	 */
	settings: 'rustpunt:settings',
	/** The share code of the own pattern "breathe now" starts, so it starts without the database. */
	breatheNowCode: 'rustpunt:breathe-now-code',
	/** '1' while discreet mode is on: a copy of the setting, so a page is neutral at once. */
	discreet: 'rustpunt:discreet',
	/**
	 * '1' while an app lock is set: a copy, so the home screen's boot knows at once whether it
	 * needs the router (src/lib/platform/crisis-page.ts). Written by
	 * src/lib/player/app-lock.svelte.ts whenever it learns whether a lock is set.
	 */
	lockSet: 'rustpunt:lock-set',
	/** The language picked in the app ('nl' or 'en'); written and read by src/app.html only. */
	locale: 'rustpunt:locale',
	/** A new mark on every lock, so the app's other tabs lock too (src/lib/safety/quick-exit.ts). */
	lockMark: 'rustpunt:lock-mark',
	/** Written and removed at once on quick exit: the app's other tabs leave too. */
	quickExit: 'rustpunt:quick-exit',
	/**
	 * When a tap on "breathe now" on the home page showed its pacer (epoch ms), so that /nu
	 * continues that breath. Written by src/app.html's click handler; taken (read and removed)
	 * by src/app.html's head script on a page load of /nu, or by BreathingRun after the router.
	 */
	breathBegan: 'rustpunt:breath-began',
	/**
	 * Sessions of a page that left before its database was opened (quick exit in the first
	 * breaths of "breathe now"), as JSON, until the database next opens and takes them
	 * (src/lib/storage/handed-over.ts).
	 */
	handedOverSessions: 'rustpunt:handed-over-sessions'
} as const satisfies Record<string, OwnKey>;

/** One of the registry's keys. */
export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/**
 * Copies and this device's own state, not choices: they never travel in an export and are
 * never restored from one.
 */
export const DEVICE_ONLY_KEYS: ReadonlySet<string> = new Set<StorageKey>([
	STORAGE_KEYS.settings,
	STORAGE_KEYS.breatheNowCode,
	STORAGE_KEYS.lockSet,
	STORAGE_KEYS.lockMark,
	STORAGE_KEYS.quickExit,
	STORAGE_KEYS.breathBegan,
	STORAGE_KEYS.handedOverSessions
]);

/**
 * Settings older versions kept one key each. They are read once, moved into the database and
 * then removed (src/lib/settings/schema.ts `fromLegacy`); nothing writes them any more.
 */
export const LEGACY_SETTING_KEYS = {
	muted: 'rustpunt:muted',
	country: 'rustpunt:country',
	voiceOn: 'rustpunt:voice',
	voiceRate: 'rustpunt:voice-rate',
	background: 'rustpunt:background',
	backgroundVolume: 'rustpunt:background-volume'
} as const satisfies Record<string, OwnKey>;

/**
 * Settings older versions kept one key per item, as the prefix and then the item's name:
 * a voice per language, holds and choices per exercise. Moved like LEGACY_SETTING_KEYS.
 */
export const LEGACY_SETTING_GROUPS = {
	voices: 'rustpunt:voice-id:',
	holds: 'rustpunt:holds:',
	choices: 'rustpunt:choices:'
} as const satisfies Record<string, OwnKey>;

export type LegacyGroup = keyof typeof LEGACY_SETTING_GROUPS;

/** Which older per-item group a key belongs to, and the item's name (never empty). */
export function legacyGroupOf(key: string): { group: LegacyGroup; name: string } | undefined {
	for (const [group, prefix] of Object.entries(LEGACY_SETTING_GROUPS) as [LegacyGroup, string][]) {
		if (!key.startsWith(prefix)) continue;
		const name = key.slice(prefix.length);
		// One line, at least one character: what the older versions' keys could hold.
		return /^.+$/.test(name) ? { group, name } : undefined;
	}
	return undefined;
}

/** Whether a key is Rustpunt's own. */
export function isOwnKey(key: string): key is OwnKey {
	return key.startsWith(STORAGE_PREFIX);
}
