import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showMediaControls, useNeutralMediaTitle } from './media-session';

/** What the lock screen's media controls were last given. */
let shown: { title: string; artist?: string } | null = null;

beforeEach(() => {
	shown = null;
	vi.stubGlobal(
		'MediaMetadata',
		class {
			constructor(init: { title: string; artist?: string }) {
				shown = init;
			}
		}
	);
	vi.stubGlobal('navigator', {
		mediaSession: { metadata: null, playbackState: 'none', setActionHandler: () => {} }
	});
});

afterEach(() => {
	useNeutralMediaTitle(undefined);
	vi.unstubAllGlobals();
});

const controls = {
	title: 'Langer uitademen',
	onplay: () => {},
	onpause: () => {},
	onstop: () => {}
};

describe('media controls on the lock screen', () => {
	it('name the practice and the app', () => {
		showMediaControls(controls);
		expect(shown).toEqual({ title: 'Langer uitademen', artist: 'Rustpunt' });
	});

	it('name neither in discreet mode', () => {
		useNeutralMediaTitle('Notities');
		showMediaControls(controls);
		expect(shown).toEqual({ title: 'Notities' });
	});
});
