import { prefersReducedMotion } from 'svelte/motion';
import { defaultCountry, type Country } from '../safety/country';
import { readStored, removeStored, storedEntries, writeStored } from '../platform/local-storage';
import { DEVICE_ONLY_KEYS, isOwnKey, type OwnKey, STORAGE_KEYS } from '../platform/storage-keys';
import {
	defaultSettings,
	fromLegacy,
	isLegacyKey,
	OWN_PREFIX,
	readSetting,
	SETTING_KEYS,
	validSetting,
	type BackgroundChoice,
	type SettingKey,
	type Settings
} from '../settings/schema';
import { loadPatternStore, loadSettingsStore } from './gateway';

export { BACKGROUND_CHOICES, VOICE_RATES, type BackgroundChoice } from '../settings/schema';

function parseMirror(): Record<string, unknown> {
	try {
		const parsed: unknown = JSON.parse(readStored(STORAGE_KEYS.settings) ?? '{}');
		return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

/**
 * The person's settings. Kept in the database; a copy in localStorage makes them available
 * before the first frame. Reading either checks every value (a damaged one is the default).
 * Settings kept in localStorage by older versions are moved into the database, losing nothing.
 */
class Preferences {
	#values = $state<Settings>(defaultSettings());
	#loading: Promise<void> | undefined;
	/** Keys changed while the database was being read: the person's change wins. */
	#changed = new Set<SettingKey>();

	constructor() {
		this.#fromMirror();
		this.#applyToPage();
	}

	/** Synchronous start: the quick copy, then any older localStorage values, then defaults. */
	#fromMirror(): void {
		const mirror = parseMirror();
		const legacy = fromLegacy(storedEntries());
		const values = defaultSettings();
		for (const key of SETTING_KEYS) {
			if (Object.hasOwn(mirror, key)) assign(values, key, readSetting(key, mirror[key]));
			else if (Object.hasOwn(legacy, key)) assign(values, key, legacy[key]);
		}
		const chosen = Object.hasOwn(mirror, 'country') || Object.hasOwn(legacy, 'country');
		if (!chosen && typeof navigator !== 'undefined') {
			values.country = defaultCountry(navigator.languages);
		}
		this.#values = values;
	}

	/**
	 * Reads the settings from the database, the source of truth, once; moves older values in
	 * from localStorage and refreshes the quick copy. Resolves when the screen shows them.
	 */
	load(): Promise<void> {
		this.#loading ??= this.#fromDatabase().catch((error: unknown) => {
			console.error('Settings could not be read; the quick copy is used', error);
		});
		return this.#loading;
	}

	async #fromDatabase(): Promise<void> {
		const settings = await loadSettingsStore();
		const stored = await settings.read(SETTING_KEYS);
		const legacyEntries = storedEntries();
		const legacy = fromLegacy(legacyEntries);
		const mirror = parseMirror();
		const values = $state.snapshot(this.#values) as Settings;
		// What the database lacks comes from the older keys or the quick copy, and is saved.
		const moving: Partial<Record<SettingKey, unknown>> = {};
		for (const key of SETTING_KEYS) {
			if (this.#changed.has(key)) continue;
			if (stored.has(key)) assign(values, key, readSetting(key, stored.get(key)));
			else if (Object.hasOwn(legacy, key)) moving[key] = legacy[key];
			else if (Object.hasOwn(mirror, key)) moving[key] = values[key];
		}
		Object.assign(values, moving);
		await settings.write(moving);
		// Only once they are safely in the database are the old keys removed.
		for (const key of Object.keys(legacyEntries)) if (isLegacyKey(key)) removeStored(key);
		for (const key of this.#changed) assign(values, key, $state.snapshot(this.#values[key]));
		this.#values = values;
		this.#saveMirror();
		this.#applyToPage();
		await this.#refreshBreatheNow();
	}

	/** Keeps the quick copy of an own "breathe now" pattern in step with the database. */
	async #refreshBreatheNow(): Promise<void> {
		const chosen = this.#values.breatheNow;
		if (!chosen.startsWith(OWN_PREFIX)) {
			removeStored(STORAGE_KEYS.breatheNowCode);
			return;
		}
		const { validatePattern, encodeShareCode } = await import('../engine/own-pattern');
		const check = validatePattern(
			await (await loadPatternStore()).get(chosen.slice(OWN_PREFIX.length))
		);
		if (check.ok) writeStored(STORAGE_KEYS.breatheNowCode, encodeShareCode(check.pattern));
		else removeStored(STORAGE_KEYS.breatheNowCode);
	}

	/** The share code of the own pattern "breathe now" starts, when that is one. */
	get breatheNowCode(): string | null {
		return this.#values.breatheNow.startsWith(OWN_PREFIX)
			? readStored(STORAGE_KEYS.breatheNowCode)
			: null;
	}

	/** Makes "breathe now" start this exercise (an own pattern brings its share code along). */
	setBreatheNow(exerciseId: string, code?: string): void {
		if (code) writeStored(STORAGE_KEYS.breatheNowCode, code);
		else removeStored(STORAGE_KEYS.breatheNowCode);
		this.set('breatheNow', exerciseId);
	}

	/** One setting's value. */
	get<K extends SettingKey>(key: K): Settings[K] {
		return this.#values[key];
	}

	/** Changes one setting: at once on screen and in the quick copy, then in the database. */
	set<K extends SettingKey>(key: K, value: Settings[K]): void {
		if (!validSetting(key, value)) return;
		this.#values[key] = value;
		this.#changed.add(key);
		this.#saveMirror();
		this.#applyToPage();
		const snapshot = $state.snapshot(this.#values[key]);
		void this.load()
			.then(loadSettingsStore)
			.then((settings) => settings.write({ [key]: snapshot }))
			.catch((error: unknown) => console.error('A setting could not be saved', error));
	}

	#saveMirror(): void {
		writeStored(STORAGE_KEYS.settings, JSON.stringify($state.snapshot(this.#values)));
	}

	/** Theme and motion as attributes on <html>, the way src/app.html sets them at first paint. */
	#applyToPage(): void {
		if (typeof document === 'undefined') return;
		const root = document.documentElement;
		const { theme, reducedMotion } = this.#values;
		if (theme === 'system') root.removeAttribute('data-theme');
		else root.setAttribute('data-theme', theme);
		if (reducedMotion === 'reduce') root.setAttribute('data-motion', 'reduce');
		else root.removeAttribute('data-motion');
	}

	/** Whether motion is kept still: forced in the settings, or asked for by the phone. */
	get reduceMotion(): boolean {
		return this.#values.reducedMotion === 'reduce' || prefersReducedMotion.current;
	}

	/** localStorage choices that are not settings (the language), for an export. */
	snapshot(): Record<string, string> {
		return Object.fromEntries(
			Object.entries(storedEntries()).filter(([key]) => !DEVICE_ONLY_KEYS.has(key))
		);
	}

	/**
	 * After an import: writes the file's localStorage choices (validated before) and reads the
	 * settings again, the database first; older-style values fill only what it lacks.
	 */
	restore(values: Record<string, string>): Promise<void> {
		for (const [key, value] of Object.entries(values)) {
			if (isOwnKey(key) && !DEVICE_ONLY_KEYS.has(key)) writeStored(key, value);
		}
		this.#changed.clear();
		this.#loading = undefined;
		return this.load();
	}

	/** Forgets every setting (delete all my data; the database is emptied by the caller). */
	clear(): void {
		for (const key of Object.keys(storedEntries()) as OwnKey[]) removeStored(key);
		this.#changed.clear();
		this.#loading = undefined;
		this.#fromMirror();
		this.#applyToPage();
	}

	/** Which country's crisis lines to show first. */
	get country(): Country {
		return this.#values.country;
	}

	set country(value: Country) {
		this.set('country', value);
	}

	get muted(): boolean {
		return this.#values.muted;
	}

	set muted(value: boolean) {
		this.set('muted', value);
	}

	/** Whether guided practices are spoken aloud (when the device has a voice). */
	get voiceOn(): boolean {
		return this.#values.voiceOn;
	}

	set voiceOn(value: boolean) {
		this.set('voiceOn', value);
	}

	/** How fast the voice speaks (1 is the device's normal rate). */
	get voiceRate(): number {
		return this.#values.voiceRate;
	}

	set voiceRate(value: number) {
		this.set('voiceRate', value);
	}

	/** The voice chosen for a language, if any (an id from the device's voice list). */
	voiceFor(locale: string): string | undefined {
		return (this.#values.voices as Record<string, string>)[locale];
	}

	/** Remembers the voice for a language. */
	setVoiceFor(locale: string, voiceId: string): void {
		this.set('voices', { ...$state.snapshot(this.#values.voices), [locale]: voiceId });
	}

	/** The quiet sound under guided practices. */
	get background(): BackgroundChoice {
		return this.#values.background;
	}

	set background(value: BackgroundChoice) {
		this.set('background', value);
	}

	/** Its volume, 0 to 1. */
	get backgroundVolume(): number {
		return this.#values.backgroundVolume;
	}

	set backgroundVolume(value: number) {
		if (Number.isFinite(value)) this.set('backgroundVolume', Math.min(1, Math.max(0, value)));
	}

	/** The choices last made for a guided practice (validated by the caller). */
	choicesFor(exerciseId: string): unknown {
		return this.#values.choices[exerciseId] ?? null;
	}

	/** Remembers the choices made for a guided practice. */
	setChoices(exerciseId: string, choices: Record<string, string>): void {
		this.set('choices', { ...$state.snapshot(this.#values.choices), [exerciseId]: choices });
	}

	/** Whether this exercise runs with its holds; on unless the person switched them off. */
	holdsFor(exerciseId: string): boolean {
		return this.#values.holds[exerciseId] !== false;
	}

	/** The length last chosen for one exercise, if any. */
	lengthFor(exerciseId: string): number | undefined {
		return this.#values.lengths[exerciseId];
	}

	/** Remembers the length chosen for one exercise. */
	setLength(exerciseId: string, minutes: number): void {
		this.set('lengths', { ...$state.snapshot(this.#values.lengths), [exerciseId]: minutes });
	}

	/** Remembers the holds choice for one exercise. */
	setHolds(exerciseId: string, on: boolean): void {
		this.set('holds', { ...$state.snapshot(this.#values.holds), [exerciseId]: on });
	}
}

function assign<K extends SettingKey>(values: Settings, key: K, value: unknown): void {
	values[key] = value as Settings[K];
}

export const preferences = new Preferences();
