import type { CueAudio, CueSound } from '../audio/cue-audio';
import type { GuideVoice, VoiceOption } from '../audio/speech';
// The one lazy gateway to storage (Dexie) and audio (Howler, speech): players, screens and
// app-wide state load them only through here, after the first frame, so the crisis path
// ("breathe now") never carries them among the bytes it needs to start.
import type {
	JournalStore,
	PatternStore,
	PlanStore,
	ProgrammeStore,
	SessionStore,
	SettingsStore,
	UrgeStore,
	Vault
} from '../storage';
import type { data } from '../storage/data';
import { preferences } from './preferences.svelte';
import { soundHold } from './sound-held-back.svelte';

/** What a player needs to make sound; the real one is CueAudio. */
export type PlayerAudio = Pick<CueAudio, 'schedule' | 'cancelAll' | 'onReady'>;
/** What a player needs to keep sessions; the real one is SessionStore. */
export type PlayerSessions = Pick<SessionStore, 'start' | 'update'>;
export type { CueSound };

let storage: Promise<typeof import('../storage')> | undefined;

/**
 * Loads the storage module (Dexie) once; every store below comes from it. Sessions an earlier
 * page handed over (it left before its database opened) are taken in first.
 */
function loadStorage(): Promise<typeof import('../storage')> {
	storage ??= import('../storage').then(async (m) => {
		await m.takeHandedOverSessions();
		return m;
	});
	return storage;
}

let audio: Promise<CueAudio> | undefined;
/** How long the browser must hold the sound back before a run says so. */
const SOUND_HOLD_SETTLE_MS = 1000;
let loadedAudio: CueAudio | undefined;
let sessions: Promise<SessionStore> | undefined;

/**
 * Loads the audio module once, after the pacer is on screen: Howler is not needed for the
 * first frame, so it stays out of the bytes that must arrive before it.
 */
export function loadAudio(): Promise<CueAudio> {
	audio ??= import('../audio/cue-audio').then((m) => {
		const loaded = new m.CueAudio();
		loadedAudio = loaded;
		applySoundSettings();
		// Said once the sounds are ready (sounds that failed to load are not promised), and only
		// when the browser still holds them back a moment later: a context the browser lets run
		// is starting, and iOS lets go again by itself when the page comes back.
		let settle: ReturnType<typeof setTimeout> | undefined;
		const update = () => {
			clearTimeout(settle);
			if (!loaded.heldBack) soundHold.set(false);
			else settle = setTimeout(() => soundHold.set(loaded.heldBack), SOUND_HOLD_SETTLE_MS);
		};
		void loaded.ready.then(
			() => {
				loaded.onContextChange(update);
				update();
			},
			() => undefined
		);
		return loaded;
	});
	return audio;
}

/** The audio module if it has loaded already (a tap can then unlock it synchronously). */
export function audioIfLoaded(): CueAudio | undefined {
	return loadedAudio;
}

/** Loads the session store once (Dexie), after the first frame. */
export function loadSessions(): Promise<SessionStore> {
	sessions ??= loadStorage().then((m) => m.sessionStore());
	return sessions;
}

let journal: Promise<JournalStore> | undefined;

/** Loads the journal's reader once (Dexie). */
export function loadJournal(): Promise<JournalStore> {
	journal ??= loadStorage().then((m) => m.journalStore());
	return journal;
}

let dataModule: Promise<typeof data> | undefined;

/** Loads export, import and delete-all once, with the import schema (valibot). */
export function loadData(): Promise<typeof data> {
	dataModule ??= import('../storage/data').then((m) => m.data);
	return dataModule;
}

let urges: Promise<UrgeStore> | undefined;

/** Loads the store of urge moments and the reality list once (Dexie). */
export function loadUrges(): Promise<UrgeStore> {
	urges ??= loadStorage().then((m) => m.urgeStore());
	return urges;
}

/** Loads the lock's vault (Dexie, WebCrypto) once. */
export function loadVault(): Promise<Vault> {
	return loadStorage().then((m) => m.vault());
}

/** Loads the store of programme days and choices (Dexie). */
export function loadProgrammeStore(): Promise<ProgrammeStore> {
	return loadStorage().then((m) => m.programmeStore());
}

/** Loads the store of the person's own breathing patterns (Dexie). */
export function loadPatternStore(): Promise<PatternStore> {
	return loadStorage().then((m) => m.patternStore());
}

/** Loads the store of the person's safety plan (Dexie). */
export function loadPlanStore(): Promise<PlanStore> {
	return loadStorage().then((m) => m.planStore());
}

/** Loads the store of settings, the source of truth for preferences (Dexie). */
export function loadSettingsStore(): Promise<SettingsStore> {
	return loadStorage().then((m) => m.settingsStore());
}

/**
 * A voice for spoken guidance in this language, or undefined when the device has none (the
 * practice then goes on with text and bells). The speech module loads only when wanted.
 */
export async function loadVoice(
	locale: string,
	voiceId: string | undefined,
	rate: number
): Promise<GuideVoice | undefined> {
	const [speech, { sentences }] = await Promise.all([
		import('../audio/speech'),
		import('../content/guided')
	]);
	const voices = await speech.voicesFor(locale);
	if (voices.length === 0) return undefined;
	const chosen = voices.find((v) => v.id === voiceId) ?? voices[0]!;
	return new speech.GuideVoice({ lang: chosen.lang, voiceId: chosen.id, rate, sentences });
}

/** The device's voices for a language (for the choice of voice). */
export async function listVoices(locale: string): Promise<VoiceOption[]> {
	const speech = await import('../audio/speech');
	return speech.voicesFor(locale);
}

/** Sound on or off from a run screen: remembered, applied at once, unlocked by the same tap. */
export function toggleMuted(): void {
	preferences.muted = !preferences.muted;
	loadedAudio?.setMuted(preferences.muted);
	loadedAudio?.unlock();
}

/** Applies sound on or off, the volume and the cue set to the audio, once it is loaded. */
export function applySoundSettings(): void {
	if (!loadedAudio) return;
	loadedAudio.setMuted(preferences.muted);
	loadedAudio.setVolume(preferences.get('volume'));
	void loadedAudio
		.setCueSet(preferences.get('cueSet'))
		.catch((error: unknown) => console.error('The chosen cue sounds could not be loaded', error));
}
