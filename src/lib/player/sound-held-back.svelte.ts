import { m } from '$lib/paraglide/messages';
import { preferences } from './preferences.svelte';

// Sound on, and the browser holding it back until a touch: a page opened from the home
// screen's icon or shortcut has had none, and iOS also holds it after a call. The run says
// so, where the person would otherwise wait for cues that do not come; the first touch lets
// the sound go (CueAudio).
let heldBack = $state(false);

/** Set by the gateway from the audio, whenever the browser holds its sound back or lets go. */
export function setSoundHeldBack(held: boolean): void {
	heldBack = held;
}

/** The line a run shows under its sound switch while the sound wanted waits for a touch. */
export function soundWaitsForTouch(): string | undefined {
	return heldBack && !preferences.muted ? m.sound_waits_for_touch() : undefined;
}
