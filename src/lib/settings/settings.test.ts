// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../storage/db';
import { defaultSettings, fromLegacy, readSetting, SETTING_KEYS, SETTINGS } from './schema';

describe('reading a stored setting', () => {
	it.each([
		['theme', 'dark', 'dark'],
		['theme', 'purple', 'system'],
		['volume', 0, 0],
		['volume', 1, 1],
		['volume', 1.01, 0.8],
		['volume', Number.NaN, 0.8],
		['volume', '0.5', 0.8],
		['leadIn', 5, 5],
		['leadIn', 4, 0],
		['cueSet', 'wood', 'wood'],
		['cueSet', null, 'soft'],
		['vibration', false, false],
		['vibration', 'false', true],
		['defaultMinutes', 10, 10],
		['defaultMinutes', 7, 0],
		['breatheNow', '', 'extended-exhale'],
		['breatheNow', 'x'.repeat(101), 'extended-exhale'],
		['reducedMotion', 'reduce', 'reduce'],
		['holds', { box: false }, { box: false }],
		['holds', { box: 'no' }, {}],
		['holds', [], {}],
		['calendarStyle', 'descriptive', 'descriptive'],
		['calendarStyle', 'loud', 'neutral'],
		['calendarStyle', undefined, 'neutral'],
		['calendarLink', 'yes', false],
		['calendarKey', 'ab'.repeat(16), 'ab'.repeat(16)],
		['calendarKey', 'uit-de-band', '']
	] as const)('reads %s stored as %j as %j', (key, stored, expected) => {
		expect(readSetting(key, stored)).toEqual(expected);
	});

	it('gives every key a default that passes its own schema', () => {
		const defaults = defaultSettings();
		for (const key of SETTING_KEYS) {
			expect(readSetting(key, defaults[key])).toEqual(SETTINGS[key].fallback);
		}
	});

	it('reads the settings older versions kept in localStorage, leaving damaged ones behind', () => {
		expect(
			fromLegacy({
				'rustpunt:muted': 'true',
				'rustpunt:country': 'be',
				'rustpunt:voice': 'false',
				'rustpunt:voice-rate': '0.8',
				'rustpunt:background': 'drone',
				'rustpunt:background-volume': 'loud',
				'rustpunt:voice-id:nl': 'Xander',
				'rustpunt:holds:box': 'false',
				'rustpunt:holds:4-7-8': 'maybe',
				'rustpunt:choices:body-scan-3': '{"posture":"lying"}',
				'rustpunt:choices:safe-place': '{broken',
				'rustpunt:locale': 'en'
			})
		).toEqual({
			muted: true,
			country: 'be',
			voiceOn: false,
			voiceRate: 0.8,
			background: 'drone',
			voices: { nl: 'Xander' },
			holds: { box: false },
			choices: { 'body-scan-3': { posture: 'lying' } }
		});
	});
});

describe('the settings of the app', { timeout: 30_000 }, () => {
	beforeEach(async () => {
		localStorage.clear();
		await getDb().settings.clear();
		vi.resetModules();
	});

	afterEach(() => {
		document.documentElement.removeAttribute('data-theme');
	});

	async function fresh() {
		const { preferences } = await import('../player/preferences.svelte');
		await preferences.load();
		return preferences;
	}

	it('move every older localStorage preference into the database and lose nothing', async () => {
		localStorage.setItem('rustpunt:muted', 'true');
		localStorage.setItem('rustpunt:holds:box', 'false');
		localStorage.setItem('rustpunt:voice-rate', '0.8');
		localStorage.setItem('rustpunt:locale', 'en');
		const preferences = await fresh();

		expect(preferences.muted).toBe(true);
		expect(preferences.holdsFor('box')).toBe(false);
		expect(await getDb().settings.get('muted')).toEqual({ key: 'muted', value: true });
		expect(await getDb().settings.get('holds')).toEqual({ key: 'holds', value: { box: false } });
		expect(await getDb().settings.get('voiceRate')).toEqual({ key: 'voiceRate', value: 0.8 });
		expect(localStorage.getItem('rustpunt:muted')).toBeNull();
		// The language is not a setting in the database: src/app.html reads it before anything.
		expect(localStorage.getItem('rustpunt:locale')).toBe('en');
	});

	it('take the database over the quick copy, and a damaged value as the default', async () => {
		localStorage.setItem('rustpunt:settings', JSON.stringify({ theme: 'light', volume: 0.2 }));
		await getDb().settings.bulkPut([
			{ key: 'theme', value: 'dark' },
			{ key: 'volume', value: 'very loud' },
			{ key: 'leadIn', value: { seconds: 3 } }
		]);
		const preferences = await fresh();

		expect(preferences.get('theme')).toBe('dark');
		expect(preferences.get('volume')).toBe(0.8);
		expect(preferences.get('leadIn')).toBe(0);
		expect(document.documentElement.dataset.theme).toBe('dark');
		expect(JSON.parse(localStorage.getItem('rustpunt:settings')!)).toMatchObject({ theme: 'dark' });
	});

	it('survive a quick copy that is not JSON', async () => {
		localStorage.setItem('rustpunt:settings', '{"theme": ');
		const preferences = await fresh();
		expect(preferences.get('theme')).toBe('system');
	});

	it('save a change in the database and in the quick copy, and refuse a value out of range', async () => {
		const preferences = await fresh();
		preferences.set('leadIn', 3);
		preferences.set('volume', 7);
		await vi.waitFor(async () =>
			expect(await getDb().settings.get('leadIn')).toEqual({ key: 'leadIn', value: 3 })
		);
		expect(preferences.get('volume')).toBe(0.8);
		expect(JSON.parse(localStorage.getItem('rustpunt:settings')!)).toMatchObject({ leadIn: 3 });
	});

	it('keep a change made while the database is still being read', async () => {
		await getDb().settings.put({ key: 'theme', value: 'dark' });
		const { preferences } = await import('../player/preferences.svelte');
		const loading = preferences.load();
		preferences.set('theme', 'light');
		await loading;
		expect(preferences.get('theme')).toBe('light');
		await vi.waitFor(async () =>
			expect(await getDb().settings.get('theme')).toEqual({ key: 'theme', value: 'light' })
		);
	});
});
