import { Howl, Howler } from 'howler';

/** The sounds Rustpunt plays, synthesised by src/build/synth-audio.js. */
export type CueSound = 'inhale' | 'inhale-top' | 'hold' | 'exhale' | 'bell';

const SOUNDS: readonly CueSound[] = ['inhale', 'inhale-top', 'hold', 'exhale', 'bell'];

/** The URL of a cue sound (precached by the service worker). */
export function soundUrl(sound: CueSound): string {
	return `/audio/${sound}.wav`;
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
	#ready: Promise<void>;

	constructor() {
		Howler.autoSuspend = false;
		// Howler creates its AudioContext lazily; setting the volume creates it now.
		Howler.volume(Howler.volume());
		this.#ready = this.#load();
		document.addEventListener('visibilitychange', this.#resumeWhenVisible);
		// A page opened without a tap (a home-screen shortcut) gets its sound at the first touch.
		document.addEventListener('pointerdown', this.#resumeOnGesture, { capture: true });
		document.addEventListener('keydown', this.#resumeOnGesture, { capture: true });
	}

	/** Resolves when every cue sound is decoded (or fell back to plain Howler playback). */
	get ready(): Promise<void> {
		return this.#ready;
	}

	/** True when the audio can be heard now (the context is running). */
	get running(): boolean {
		return !Howler.usingWebAudio || Howler.ctx?.state === 'running';
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

	/**
	 * Schedules a sound to be heard at `perfTimeMs` (performance.now() clock).
	 * A cue whose moment has already passed by more than a frame is dropped, not played late.
	 */
	schedule(sound: CueSound, perfTimeMs: number): void {
		const ctx = Howler.ctx;
		const buffer = this.#buffers.get(sound);
		if (!ctx || !buffer) {
			if (Math.abs(perfTimeMs - performance.now()) < 50) this.#fallback.get(sound)?.play();
			return;
		}
		if (ctx.state !== 'running') return;
		const when = contextTimeFor(ctx, perfTimeMs);
		if (when < ctx.currentTime - 0.017) return;
		const source = ctx.createBufferSource();
		source.buffer = buffer;
		source.connect(Howler.masterGain);
		source.start(Math.max(when, ctx.currentTime));
		this.#pending.add(source);
		source.onended = () => {
			this.#pending.delete(source);
			source.disconnect();
		};
	}

	/** Silences every cue scheduled but not yet finished (pause, stop, the page coming back). */
	cancelAll(): void {
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

	/** Stops listening to the page; the context itself stays with Howler for the next exercise. */
	dispose(): void {
		this.cancelAll();
		document.removeEventListener('visibilitychange', this.#resumeWhenVisible);
		document.removeEventListener('pointerdown', this.#resumeOnGesture, { capture: true });
		document.removeEventListener('keydown', this.#resumeOnGesture, { capture: true });
	}

	#resumeWhenVisible = () => {
		if (document.visibilityState === 'visible' && Howler.ctx?.state === 'suspended') {
			void Howler.ctx.resume().catch(() => undefined);
		}
	};

	#resumeOnGesture = () => this.unlock();
}

/** Converts a performance.now() time to the AudioContext clock, allowing for output latency. */
function contextTimeFor(ctx: AudioContext, perfTimeMs: number): number {
	const stamp = typeof ctx.getOutputTimestamp === 'function' ? ctx.getOutputTimestamp() : undefined;
	if (stamp?.contextTime !== undefined && stamp.performanceTime) {
		return stamp.contextTime + (perfTimeMs - stamp.performanceTime) / 1000;
	}
	return ctx.currentTime + (perfTimeMs - performance.now()) / 1000;
}
