import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	isLaunch,
	LAUNCH_CACHE,
	LAUNCH_LANGUAGE_URL,
	launchLanguage,
	launchTarget
} from './launch-language';

const ORIGIN = 'https://rustpunt.example';

describe('the language a launch goes to', () => {
	it('is English on an English phone, and whatever the person picked', () => {
		expect(launchLanguage(null, 'en-GB')).toBe('en');
		expect(launchLanguage('en', 'nl-NL')).toBe('en');
		expect(launchLanguage('nl', 'en-GB')).toBe('nl');
	});

	it('has no wish on a Dutch phone where nothing was picked: English links stay English', () => {
		expect(launchLanguage(null, 'nl-NL')).toBe('');
		expect(launchLanguage(null, '')).toBe('');
		expect(launchTarget('/en/nu', launchLanguage(null, 'nl-NL'))).toBeNull();
	});
});

describe('where the service worker sends a launch', () => {
	it('sends the Dutch start address and shortcut to English when English is wished', () => {
		expect(launchTarget('/', 'en')).toBe('/en');
		expect(launchTarget('/nu', 'en')).toBe('/en/nu');
		expect(launchTarget('/oefening/box', 'en')).toBe('/en/oefening/box');
	});

	it('sends an English address to Dutch only when Dutch was picked', () => {
		expect(launchTarget('/en', 'nl')).toBe('/');
		expect(launchTarget('/en/nu', 'nl')).toBe('/nu');
		expect(launchTarget('/en/nu', '')).toBeNull();
	});

	it('leaves a page already in the wished-for language, and an address that only looks English', () => {
		expect(launchTarget('/en/nu', 'en')).toBeNull();
		expect(launchTarget('/nu', 'nl')).toBeNull();
		expect(launchTarget('/entree', 'nl')).toBeNull();
		expect(launchTarget('/entree', 'en')).toBe('/en/entree');
	});

	it("counts a navigation as a launch unless one of the app's own pages led to it", () => {
		expect(isLaunch('', ORIGIN)).toBe(true);
		expect(isLaunch('https://elsewhere.example/', ORIGIN)).toBe(true);
		expect(isLaunch(`${ORIGIN}.evil.example/`, ORIGIN)).toBe(true);
		expect(isLaunch(`${ORIGIN}/en/instellingen`, ORIGIN)).toBe(false);
		expect(isLaunch(`${ORIGIN}/`, ORIGIN)).toBe(false);
	});
});

describe("src/app.html's first-paint script", () => {
	const appHtml = readFileSync('src/app.html', 'utf8');

	it('keeps the wish where the service worker reads it', () => {
		expect(appHtml.replace(/\s+/g, '')).toContain(`caches.open('${LAUNCH_CACHE}')`);
		expect(appHtml.split(`'${LAUNCH_LANGUAGE_URL}'`).length - 1).toBe(2);
	});

	it('decides the wish as launchLanguage does, for every choice and phone', () => {
		const line = /var launch = ([^;]+);/.exec(appHtml)?.[1];
		expect(line).toBeDefined();
		for (const chosen of [null, 'nl', 'en'])
			for (const browser of ['nl-NL', 'en-GB', 'en', 'de-DE', '']) {
				const want = chosen || (/^en\b/i.test(browser) ? 'en' : 'nl');
				const inScript = new Function('want', 'chosen', `return ${line};`)(want, chosen);
				expect(inScript, `${chosen} on ${browser}`).toBe(launchLanguage(chosen, browser));
			}
	});
});
