import { Howl, Howler } from 'howler';
import type { CueSet } from '../settings/schema';

/** The sounds Rustpunt plays, synthesised by src/build/synth-audio.js. */
export type CueSound = 'inhale' | 'inhale-top' | 'hold' | 'exhale' | 'bell' | 'step';

const SOUNDS: readonly CueSound[] = ['inhale', 'inhale-top', 'hold', 'exhale', 'bell', 'step'];

/** The quiet loops a guided practice may play underneath (synthesised like the cues). */
export const BACKGROUND_SOUNDS = ['brown', 'drone'] as const;
export type BackgroundSound = (typeof BACKGROUND_SOUNDS)[number];

/** The URL of a background loop (precached by the service worker). */
export function backgroundUrl(sound: BackgroundSound): string {
	return `/audio/bg-${sound}.wav`;
}

/** Seconds over which a background loop fades in and out, so it never starts with a click. */
const LOOP_FADE_S = 1.5;

/** The events in which a browser lets a page start its sound: a touch's end, a click, a key. */
const GESTURES = ['pointerdown', 'pointerup', 'touchend', 'click', 'keydown'] as const;

/** A cue may sound this late (a slow start, a context just resumed); later, it is skipped. */
export const LATE_TOLERANCE_MS = 300;

/** The cues a cue set replaces; the bell and the footstep are the same in every set. */
const SET_SOUNDS: readonly CueSound[] = ['inhale', 'inhale-top', 'hold', 'exhale'];

/** The URL of a cue sound in a cue set (precached by the service worker). */
export function soundUrl(sound: CueSound, set: CueSet = 'soft'): string {
	return set === 'soft' || !SET_SOUNDS.includes(sound)
		? `/audio/${sound}.wav`
		: `/audio/${set}-${sound}.wav`;
}

/**
 * Plays cues at exact moments. Howler owns the AudioContext (unlocking, global mute and
 * volume through its master gain); cues are scheduled ahead on that context's clock, so
 * they land on time even when the main thread is busy or the screen is off for a moment.
 * Times are given on the performance.now() clock the player runs on, and converted here.
 */
export class CueAudio {
	#buffers = new Map<CueSound, AudioBuffer>();
	#fallback = new Map<CueSound, Howl>();
	#pending = new Set<AudioBufferSourceNode>();
	#timers = new Set<number>();
	#ready: Promise<void>;
	#loops = new Map<BackgroundSound, Promise<AudioBuffer>>();
	#loop: { source: AudioBufferSourceNode; gain: GainNode; sound: BackgroundSound } | null = null;
	#loopVolume = 0.5;
	#loopWanted: BackgroundSound | null = null;
	#set: CueSet = 'soft';
	#setWanted: CueSet = 'soft';
	#onReady = () => {};
	#onContextChange = () => {};

	constructor() {
		Howler.autoSuspend = false;
		// Howler creates its AudioContext lazily; setting the volume creates it now.
		Howler.volume(Howler.volume());
		this.#ready = this.#load();
		const ctx = Howler.usingWebAudio ? Howler.ctx : undefined;
		ctx?.addEventListener('statechange', () => {
			if (ctx.state === 'running') this.#onReady();
			this.#onContextChange();
		});
		document.addEventListener('visibilitychange', this.#resumeWhenVisible);
		// A page opened without a tap (a home-screen shortcut) gets its sound at the first touch.
		// A finger counts as one when it lifts (a mouse when pressed): browsers let sound start
		// only inside those events.
		for (const gesture of GESTURES) {
			document.addEventListener(gesture, this.#resumeOnGesture, { capture: true });
		}
	}

	/**
	 * The browser holds the sound back: a page may make sound only once it has had a touch or a
	 * key (one opened from the home screen has had none), and iOS stops it for a call. The
	 * first touch or key starts it (resumeOnGesture).
	 */
	get heldBack(): boolean {
		const ctx = Howler.usingWebAudio ? Howler.ctx : undefined;
		return ctx !== undefined && ctx.state !== 'running';
	}

	/** Calls `listener` whenever the sound is held back or let go (one listener: the gateway). */
	onContextChange(listener: () => void): void {
		this.#onContextChange = listener;
	}

	/** Resolves when every cue sound is decoded (or fell back to plain Howler playback). */
	get ready(): Promise<void> {
		return this.#ready;
	}

	async #load(): Promise<void> {
		const ctx = Howler.usingWebAudio ? Howler.ctx : undefined;
		if (!ctx) {
			for (const sound of SOUNDS) this.#fallback.set(sound, new Howl({ src: [soundUrl(sound)] }));
			return;
		}
		await Promise.all(
			SOUNDS.map(async (sound) => {
				const response = await fetch(soundUrl(sound));
				if (!response.ok) throw new Error(`Could not load ${soundUrl(sound)}: ${response.status}`);
				this.#buffers.set(sound, await ctx.decodeAudioData(await response.arrayBuffer()));
			})
		);
	}

	/** Call inside the tap that starts an exercise: browsers only allow sound after a gesture. */
	unlock(): void {
		const ctx = Howler.ctx;
		if (!ctx || ctx.state === 'running') return;
		void ctx.resume().catch(() => undefined);
		// iOS needs something to be played inside the gesture itself.
		const silent = ctx.createBufferSource();
		silent.buffer = ctx.createBuffer(1, 1, ctx.sampleRate);
		silent.connect(ctx.destination);
		silent.start(0);
	}

	/** Mutes or unmutes everything. */
	setMuted(muted: boolean): void {
		Howler.mute(muted);
	}

	/** The loudness of everything, cues and background alike (0 to 1). */
	setVolume(volume: number): void {
		Howler.volume(clampVolume(volume));
	}

	/**
	 * Switches to another set of cue sounds; the current set plays until the new one is
	 * decoded, so a cue is never missing. Resolves when the chosen set is in use.
	 */
	async setCueSet(set: CueSet): Promise<void> {
		this.#setWanted = set;
		await this.#ready;
		const ctx = Howler.usingWebAudio ? Howler.ctx : undefined;
		if (set === this.#set || !ctx) return;
		const decoded = await Promise.all(
			SET_SOUNDS.map(async (sound) => {
				const response = await fetch(soundUrl(sound, set));
				if (!response.ok) throw new Error(`Could not load ${soundUrl(sound, set)}`);
				return [sound, await ctx.decodeAudioData(await response.arrayBuffer())] as const;
			})
		);
		// Another set was chosen meanwhile: that call puts its own in.
		if (this.#setWanted !== set) return;
		for (const [sound, buffer] of decoded) this.#buffers.set(sound, buffer);
		this.#set = set;
	}

	/**
	 * Schedules a sound to be heard at `perfTimeMs` (performance.now() clock). Returns false
	 * when it cannot be taken now (sound not ready or the context suspended), so the caller
	 * offers it again; a cue already more than LATE_TOLERANCE_MS late is dropped (true).
	 */
	schedule(sound: CueSound, perfTimeMs: number): boolean {
		const ctx = Howler.ctx;
		const buffer = this.#buffers.get(sound);
		if (!ctx || !buffer) return this.#scheduleFallback(sound, perfTimeMs);
		if (ctx.state !== 'running') return false;
		const { when, heardNow } = contextTimes(ctx, perfTimeMs);
		if (heardNow - when > LATE_TOLERANCE_MS / 1000) return true;
		const source = ctx.createBufferSource();
		source.buffer = buffer;
		source.connect(Howler.masterGain);
		source.start(Math.max(when, ctx.currentTime));
		this.#pending.add(source);
		source.onended = () => {
			this.#pending.delete(source);
			source.disconnect();
		};
		return true;
	}

	/**
	 * Calls `listener` whenever cues refused before may be taken now: the sounds are decoded,
	 * or the context runs again (a first tap, the page coming back). One listener, the player
	 * of the moment: a new call replaces it.
	 */
	onReady(listener: () => void): void {
		this.#onReady = listener;
		void this.#ready.then(
			() => this.#onReady === listener && listener(),
			() => undefined
		);
	}

	/** Without Web Audio (rare): plain Howler playback on a timer, less exact but audible. */
	#scheduleFallback(sound: CueSound, perfTimeMs: number): boolean {
		const howl = this.#fallback.get(sound);
		if (!howl) return false;
		const delayMs = perfTimeMs - performance.now();
		if (delayMs < -LATE_TOLERANCE_MS) return true;
		const timer = window.setTimeout(
			() => {
				this.#timers.delete(timer);
				howl.play();
			},
			Math.max(0, delayMs)
		);
		this.#timers.add(timer);
		return true;
	}

	/** Silences every cue scheduled but not yet finished (pause, stop, the page coming back). */
	cancelAll(): void {
		for (const timer of this.#timers) window.clearTimeout(timer);
		this.#timers.clear();
		for (const source of this.#pending) {
			try {
				source.stop();
			} catch {
				// Already stopped.
			}
			source.disconnect();
		}
		this.#pending.clear();
	}

	/**
	 * Plays a quiet loop under a practice at `volume` (0 to 1), fading in; a loop already
	 * playing is faded out. Needs Web Audio (a loop without it would click at every turn).
	 */
	async playBackground(sound: BackgroundSound, volume: number): Promise<void> {
		this.#loopVolume = clampVolume(volume);
		this.#loopWanted = sound;
		const ctx = Howler.usingWebAudio ? Howler.ctx : undefined;
		if (!ctx) return;
		if (this.#loop?.sound === sound) {
			this.setBackgroundVolume(volume);
			return;
		}
		let buffer = this.#loops.get(sound);
		if (!buffer) {
			buffer = fetch(backgroundUrl(sound))
				.then((r) => {
					if (!r.ok) throw new Error(`Could not load ${backgroundUrl(sound)}: ${r.status}`);
					return r.arrayBuffer();
				})
				.then((data) => ctx.decodeAudioData(data));
			this.#loops.set(sound, buffer);
			buffer.catch(() => this.#loops.delete(sound));
		}
		const decoded = await buffer;
		// Stopped or changed while it was loading, or started by an earlier call meanwhile.
		if (this.#loopWanted !== sound) return;
		if (this.#loop?.sound === sound) {
			this.setBackgroundVolume(this.#loopVolume);
			return;
		}
		this.stopBackground();
		this.#loopWanted = sound;
		const gain = ctx.createGain();
		gain.gain.setValueAtTime(0, ctx.currentTime);
		gain.gain.linearRampToValueAtTime(this.#loopVolume, ctx.currentTime + LOOP_FADE_S);
		gain.connect(Howler.masterGain);
		const source = ctx.createBufferSource();
		source.buffer = decoded;
		source.loop = true;
		source.connect(gain);
		source.start();
		this.#loop = { source, gain, sound };
	}

	/** Changes the loop's volume (0 to 1) smoothly. */
	setBackgroundVolume(volume: number): void {
		this.#loopVolume = clampVolume(volume);
		const ctx = Howler.ctx;
		if (!ctx || !this.#loop) return;
		const { gain } = this.#loop;
		gain.gain.cancelScheduledValues(ctx.currentTime);
		gain.gain.setValueAtTime(gain.gain.value, ctx.currentTime);
		gain.gain.linearRampToValueAtTime(this.#loopVolume, ctx.currentTime + 0.2);
	}

	/** Fades the loop out and stops it. */
	stopBackground(): void {
		this.#loopWanted = null;
		const ctx = Howler.ctx;
		const loop = this.#loop;
		this.#loop = null;
		if (!ctx || !loop) return;
		const end = ctx.currentTime + LOOP_FADE_S / 2;
		loop.gain.gain.cancelScheduledValues(ctx.currentTime);
		loop.gain.gain.setValueAtTime(loop.gain.gain.value, ctx.currentTime);
		loop.gain.gain.linearRampToValueAtTime(0, end);
		loop.source.stop(end + 0.05);
		loop.source.onended = () => {
			loop.source.disconnect();
			loop.gain.disconnect();
		};
	}

	#resumeWhenVisible = () => {
		// 'suspended', or iOS's 'interrupted' after a call or another app's sound.
		const ctx = Howler.ctx;
		if (document.visibilityState === 'visible' && ctx && ctx.state !== 'running') {
			void ctx.resume().catch(() => undefined);
		}
	};

	#resumeOnGesture = () => this.unlock();
}

function clampVolume(volume: number): number {
	return Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 0.5;
}

/**
 * Converts a performance.now() time to the AudioContext clock. With an output timestamp the
 * output latency is allowed for: `when` is the context time that will be heard at that
 * moment, and `heardNow` the context time being heard right now.
 */
function contextTimes(ctx: AudioContext, perfTimeMs: number): { when: number; heardNow: number } {
	const nowMs = performance.now();
	const stamp = typeof ctx.getOutputTimestamp === 'function' ? ctx.getOutputTimestamp() : undefined;
	if (stamp?.contextTime !== undefined && stamp.performanceTime) {
		return {
			when: stamp.contextTime + (perfTimeMs - stamp.performanceTime) / 1000,
			heardNow: stamp.contextTime + (nowMs - stamp.performanceTime) / 1000
		};
	}
	return { when: ctx.currentTime + (perfTimeMs - nowMs) / 1000, heardNow: ctx.currentTime };
}
