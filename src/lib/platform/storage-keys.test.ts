import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../i18n/messages/en.json';
import nl from '../i18n/messages/nl.json';
import { EARLY_HANDOVER_EVENT, NEUTRAL_ICON } from '../player/discreet.svelte';
import { SETTING_KEYS } from '../settings/schema';
import { manifestHref } from './manifest';
import {
	DEVICE_ONLY_KEYS,
	isOwnKey,
	LEGACY_SETTING_GROUPS,
	LEGACY_SETTING_KEYS,
	legacyGroupOf,
	STORAGE_KEYS
} from './storage-keys';

/** src/app.html, its runs of white space read as one space. */
const appHtml = readFileSync('src/app.html', 'utf8').replace(/\s+/g, ' ');

describe('the registry of localStorage keys', () => {
	it('keeps the strings people have data under', () => {
		expect(STORAGE_KEYS).toEqual({
			settings: 'rustpunt:settings',
			breatheNowCode: 'rustpunt:breathe-now-code',
			discreet: 'rustpunt:discreet',
			lockSet: 'rustpunt:lock-set',
			locale: 'rustpunt:locale',
			lockMark: 'rustpunt:lock-mark',
			quickExit: 'rustpunt:quick-exit',
			breathBegan: 'rustpunt:breath-began',
			handedOverSessions: 'rustpunt:handed-over-sessions'
		});
		expect(LEGACY_SETTING_KEYS).toEqual({
			muted: 'rustpunt:muted',
			country: 'rustpunt:country',
			voiceOn: 'rustpunt:voice',
			voiceRate: 'rustpunt:voice-rate',
			background: 'rustpunt:background',
			backgroundVolume: 'rustpunt:background-volume'
		});
		expect(LEGACY_SETTING_GROUPS).toEqual({
			voices: 'rustpunt:voice-id:',
			holds: 'rustpunt:holds:',
			choices: 'rustpunt:choices:'
		});
	});

	it('gives every key one name, and no two names one key', () => {
		const all = [
			...Object.values(STORAGE_KEYS),
			...Object.values(LEGACY_SETTING_KEYS),
			...Object.values(LEGACY_SETTING_GROUPS)
		];
		expect(new Set(all).size).toBe(all.length);
		for (const key of all) expect(isOwnKey(key)).toBe(true);
	});

	it('keeps the language and discreet mode in an export, and the copies and marks out', () => {
		expect([...DEVICE_ONLY_KEYS].sort()).toEqual(
			[
				STORAGE_KEYS.settings,
				STORAGE_KEYS.breatheNowCode,
				STORAGE_KEYS.lockSet,
				STORAGE_KEYS.lockMark,
				STORAGE_KEYS.quickExit,
				STORAGE_KEYS.breathBegan,
				STORAGE_KEYS.handedOverSessions
			].sort()
		);
	});

	it("finds an older per-item key's group and item, and nothing in any other key", () => {
		expect(legacyGroupOf('rustpunt:voice-id:en')).toEqual({ group: 'voices', name: 'en' });
		expect(legacyGroupOf('rustpunt:holds:box')).toEqual({ group: 'holds', name: 'box' });
		expect(legacyGroupOf('rustpunt:choices:body-scan')).toEqual({
			group: 'choices',
			name: 'body-scan'
		});
		expect(legacyGroupOf('rustpunt:holds:')).toBeUndefined();
		expect(legacyGroupOf('rustpunt:holds:a\nb')).toBeUndefined();
		expect(legacyGroupOf(STORAGE_KEYS.settings)).toBeUndefined();
		expect(legacyGroupOf(LEGACY_SETTING_KEYS.voiceOn)).toBeUndefined();
	});
});

describe("src/app.html's first-paint script", () => {
	it('uses only keys in the registry', () => {
		const used = [...appHtml.matchAll(/['"](rustpunt:[^'"]*)['"]/g)].map((match) => match[1]);
		expect(used.length).toBeGreaterThan(0);
		const known: string[] = Object.values(STORAGE_KEYS);
		for (const key of used) expect(known).toContain(key);
	});

	it("reads theme and motion from the settings' quick copy", () => {
		expect(appHtml).toContain(
			`JSON.parse(localStorage.getItem('${STORAGE_KEYS.settings}') || '{}')`
		);
		for (const setting of ['theme', 'reducedMotion']) {
			expect(appHtml).toContain(`settings.${setting}`);
			expect(SETTING_KEYS).toContain(setting);
		}
	});

	it('remembers the language picked under the locale key', () => {
		expect(appHtml).toContain(`var key = '${STORAGE_KEYS.locale}';`);
		expect(appHtml).toContain('localStorage.setItem(key, picked[1]);');
		expect(appHtml).toContain('var chosen = localStorage.getItem(key);');
	});

	it('tells the other tabs to leave, then to lock, as quick exit does', () => {
		const { quickExit, lockMark } = STORAGE_KEYS;
		expect(appHtml).toContain(
			`localStorage.setItem('${quickExit}', mark); ` +
				`localStorage.removeItem('${quickExit}'); ` +
				`localStorage.setItem('${lockMark}', mark);`
		);
	});

	it('shows the "breathe now" preview only without a lead-in or another choice, and keeps its time', () => {
		expect(appHtml).toContain(`var breathKey = '${STORAGE_KEYS.breathBegan}';`);
		expect(appHtml).toContain('localStorage.setItem(breathKey, String(Date.now()));');
		expect(appHtml).toContain('localStorage.removeItem(breathKey);');
		for (const setting of ['leadIn', 'breatheNow']) {
			expect(appHtml).toContain(`chosen.${setting}`);
			expect(SETTING_KEYS).toContain(setting);
		}
	});

	it("holds discreet mode's title, manifest and icon as the app gives them, and hands over", () => {
		expect(appHtml).toContain(`localStorage.getItem('${STORAGE_KEYS.discreet}') === '1'`);
		expect(appHtml).toContain(
			`var neutralTitle = lang === 'en' ? '${en.discreet_title}' : '${nl.discreet_title}';`
		);
		// The manifest, built there as here:
		for (const lang of ['en', 'nl']) {
			expect(manifestHref(lang, true)).toBe('/manifest-notes-' + lang + '.webmanifest');
		}
		expect(appHtml).toContain(`'/manifest-notes-' + lang + '.webmanifest' : '${NEUTRAL_ICON}';`);
		expect(appHtml).toContain(`addEventListener('${EARLY_HANDOVER_EVENT}', function (e) {`);
	});
});
