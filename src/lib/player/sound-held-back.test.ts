import { describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { setSoundHeldBack, soundWaitsForTouch } from './sound-held-back.svelte';

const preferences = vi.hoisted(() => ({ muted: false }));
vi.mock('./preferences.svelte', () => ({ preferences }));

describe('sound that waits for a touch', () => {
	it('is said only while the browser holds back sound that is on', () => {
		expect(soundWaitsForTouch()).toBeUndefined();

		setSoundHeldBack(true);
		expect(soundWaitsForTouch()).toBe(m.sound_waits_for_touch());

		preferences.muted = true;
		expect(soundWaitsForTouch()).toBeUndefined();

		preferences.muted = false;
		setSoundHeldBack(false);
		expect(soundWaitsForTouch()).toBeUndefined();
	});
});
