import { describe, expect, it, vi } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { soundHold } from './sound-held-back.svelte';

const preferences = vi.hoisted(() => ({ muted: false }));
vi.mock('./preferences.svelte', () => ({ preferences }));

describe('sound that waits for a touch', () => {
	it('is said only while the browser holds back sound that is on', () => {
		expect(soundHold.note).toBeUndefined();

		soundHold.set(true);
		expect(soundHold.note).toBe(m.sound_waits_for_touch());

		preferences.muted = true;
		expect(soundHold.note).toBeUndefined();

		preferences.muted = false;
		soundHold.set(false);
		expect(soundHold.note).toBeUndefined();
	});
});
