import { defaultCountry, isCountry, type Country } from '../safety/crisis-lines';

/** Every key Rustpunt keeps in localStorage starts with this. */
const PREFIX = 'rustpunt:';
const MUTED_KEY = 'rustpunt:muted';
const HOLDS_KEY = 'rustpunt:holds:';
const COUNTRY_KEY = 'rustpunt:country';
const VOICE_KEY = 'rustpunt:voice';
const VOICE_RATE_KEY = 'rustpunt:voice-rate';
const VOICE_ID_KEY = 'rustpunt:voice-id:';
const BACKGROUND_KEY = 'rustpunt:background';
const BACKGROUND_VOLUME_KEY = 'rustpunt:background-volume';
const CHOICES_KEY = 'rustpunt:choices:';

/** Speaking rates offered for spoken guidance. */
export const VOICE_RATES = [0.8, 0.9, 1] as const;
/** Background sounds a guided practice may play; 'none' is silence. */
export const BACKGROUND_CHOICES = ['none', 'brown', 'drone'] as const;
export type BackgroundChoice = (typeof BACKGROUND_CHOICES)[number];

/** A stored number within bounds, or the fallback when it is missing or damaged. */
function readNumber(key: string, fallback: number, min: number, max: number): number {
	const raw = read(key);
	const value = raw === null ? Number.NaN : Number(raw);
	return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

/** Reads a stored choice; blocked storage (private mode, policies) reads as nothing. */
function read(key: string): string | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
	} catch {
		return null;
	}
}

/** The keys of Rustpunt's own entries in localStorage. */
function storedKeys(): string[] {
	try {
		if (typeof localStorage === 'undefined') return [];
		return Object.keys(localStorage).filter((key) => key.startsWith(PREFIX));
	} catch {
		return [];
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
	#voiceOn = $state(true);
	#voiceRate = $state(0.9);
	#background = $state<BackgroundChoice>('none');
	#backgroundVolume = $state(0.4);

	constructor() {
		this.#load();
	}

	/** Reads every preference from storage (at start, and after an import or a wipe). */
	#load(): void {
		this.#muted = read(MUTED_KEY) === 'true';
		const country = read(COUNTRY_KEY);
		if (isCountry(country)) this.#country = country;
		else if (typeof navigator !== 'undefined') this.#country = defaultCountry(navigator.languages);
		this.#voiceOn = read(VOICE_KEY) !== 'false';
		this.#voiceRate = readNumber(VOICE_RATE_KEY, 0.9, 0.5, 1.5);
		const background = read(BACKGROUND_KEY);
		this.#background = (BACKGROUND_CHOICES as readonly unknown[]).includes(background)
			? (background as BackgroundChoice)
			: 'none';
		this.#backgroundVolume = readNumber(BACKGROUND_VOLUME_KEY, 0.4, 0, 1);
	}

	/** Every stored preference as key and text, for an export. */
	snapshot(): Record<string, string> {
		const values: Record<string, string> = {};
		for (const key of storedKeys()) {
			const value = read(key);
			if (value !== null) values[key] = value;
		}
		return values;
	}

	/**
	 * Writes preferences from an import (validated before) and reads them all again; each is
	 * still checked when read, so a strange value falls back to the default.
	 */
	restore(values: Record<string, string>): void {
		for (const [key, value] of Object.entries(values)) {
			if (key.startsWith(PREFIX)) write(key, value);
		}
		this.#load();
	}

	/** Forgets every preference (delete all my data). */
	clear(): void {
		for (const key of storedKeys()) {
			try {
				localStorage.removeItem(key);
			} catch {
				// Blocked storage holds nothing to clear.
			}
		}
		this.#load();
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

	/** Whether guided practices are spoken aloud (when the device has a voice). */
	get voiceOn(): boolean {
		return this.#voiceOn;
	}

	set voiceOn(value: boolean) {
		this.#voiceOn = value;
		write(VOICE_KEY, String(value));
	}

	/** How fast the voice speaks (1 is the device's normal rate). */
	get voiceRate(): number {
		return this.#voiceRate;
	}

	set voiceRate(value: number) {
		if (!Number.isFinite(value) || value < 0.5 || value > 1.5) return;
		this.#voiceRate = value;
		write(VOICE_RATE_KEY, String(value));
	}

	/** The voice chosen for a language, if any (an id from the device's voice list). */
	voiceFor(locale: string): string | undefined {
		return read(VOICE_ID_KEY + locale) ?? undefined;
	}

	/** Remembers the voice for a language. */
	setVoiceFor(locale: string, voiceId: string): void {
		write(VOICE_ID_KEY + locale, voiceId);
	}

	/** The quiet sound under guided practices. */
	get background(): BackgroundChoice {
		return this.#background;
	}

	set background(value: BackgroundChoice) {
		this.#background = value;
		write(BACKGROUND_KEY, value);
	}

	/** Its volume, 0 to 1. */
	get backgroundVolume(): number {
		return this.#backgroundVolume;
	}

	set backgroundVolume(value: number) {
		if (!Number.isFinite(value)) return;
		this.#backgroundVolume = Math.min(1, Math.max(0, value));
		write(BACKGROUND_VOLUME_KEY, String(this.#backgroundVolume));
	}

	/** The choices last made for a guided practice (validated by the caller). */
	choicesFor(exerciseId: string): unknown {
		try {
			return JSON.parse(read(CHOICES_KEY + exerciseId) ?? 'null');
		} catch {
			return null;
		}
	}

	/** Remembers the choices made for a guided practice. */
	setChoices(exerciseId: string, choices: Record<string, string>): void {
		write(CHOICES_KEY + exerciseId, JSON.stringify(choices));
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
