import { m } from '$lib/paraglide/messages';
import { preferences } from './preferences.svelte';

/**
 * Sound on, and the browser holding it back until a touch: a page opened from the home
 * screen's icon or shortcut has had none, and iOS also holds it after a call. A run says so,
 * where the person would otherwise wait for cues that do not come; the first touch lets the
 * sound go (CueAudio). Set by the gateway from the audio.
 */
class SoundHold {
	#held = $state(false);

	/** The browser holds the sound back, or lets it go. */
	set(held: boolean): void {
		this.#held = held;
	}

	/** The line a run shows while the sound wanted waits for a touch, or undefined. */
	get note(): string | undefined {
		return this.#held && !preferences.muted ? m.sound_waits_for_touch() : undefined;
	}
}

export const soundHold = new SoundHold();
