// @ts-check
/**
 * Pictures of every main screen, for the README and for seeing a change of look at a glance:
 * the production build (build/) served by its own `vite preview`, on a 390x844 phone, in
 * Dutch and English, light and dark, written to docs/screenshots/<screen>-<nl|en>-<light|dark>.png
 * (home also as one long picture, home-full-…).
 *
 * Deterministic-ish: every page starts on the same fake clock (Playwright's clock, a fixed
 * Wednesday morning in Amsterdam), the journal holds the same thirty practices, and whatever
 * moves (the breathing disc, a progress bar) is stopped at the same moment of its animation
 * before the picture is taken. The service worker is kept out: it has nothing to show.
 *
 * Usage: npm run screenshots [-- --no-build] [--only home,breathe-now]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, ensureBuild, launchChromium, startPreview } from '../bench/lib/common.js';
import { makeSessions, seedSessions } from '../bench/lib/seed-journal.js';

const OUT_DIR = join(ROOT, 'docs', 'screenshots');
/** Wednesday 12 March 2025, 09:30 in Amsterdam: every page starts its clock here. */
const NOW_MS = Date.parse('2025-03-12T09:30:00+01:00');
/** Running screens are pictured this long after they start: the disc halfway in. */
const RUNNING_MS = 2000;
/** Practices in the journal, one every few hours back from NOW_MS. */
const JOURNAL_SESSIONS = 30;

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {'nl' | 'en'} Language
 * @typedef {object} Screen
 * @property {string} name the file name's first part
 * @property {string} path the Dutch address; English adds /en in front
 * @property {boolean} [fullPage] the whole page rather than what the phone shows
 * @property {boolean} [running] something moves: let it run RUNNING_MS, then stop it
 * @property {(page: Page, words: Words) => Promise<void>} [act] taps that reach the state
 */

/** @typedef {typeof WORDS.nl} Words */
/** The names of what is tapped, by language. */
const WORDS = {
	nl: {
		adjust: 'Aanpassen',
		begin: 'Begin',
		stop: 'Stop',
		rated: '3 van 10',
		planNow: 'Gebruik mijn plan nu',
		unsent: 'Schrijf het hier, niet naar hen',
		backup: 'Versleutelde back-up'
	},
	en: {
		adjust: 'Adjust',
		begin: 'Begin',
		stop: 'Stop',
		rated: '3 out of 10',
		planNow: 'Use my plan now',
		unsent: 'Write it here, not to them',
		backup: 'Encrypted backup'
	}
};

/** @param {Page} page @param {string} name */
const tap = (page, name) => page.getByRole('button', { name, exact: true }).click();

/** @type {Screen[]} */
const SCREENS = [
	{ name: 'home', path: '/' },
	{ name: 'home-full', path: '/', fullPage: true },
	{ name: 'breathe-now', path: '/nu', running: true },
	{ name: 'exercise', path: '/oefening/box' },
	{
		name: 'exercise-adjust',
		path: '/oefening/body-scan-10',
		act: async (page, words) => {
			await page.getByText(words.adjust, { exact: true }).click();
			await page.getByText(words.adjust, { exact: true }).evaluate((summary) => {
				summary.scrollIntoView({ block: 'start' });
			});
		}
	},
	{
		name: 'breathing-running',
		path: '/oefening/box',
		running: true,
		act: (page, words) => tap(page, words.begin)
	},
	{
		name: 'guided-running',
		path: '/oefening/body-scan-10',
		running: true,
		act: (page, words) => tap(page, words.begin)
	},
	{
		name: 'after-practice',
		path: '/oefening/box',
		act: async (page, words) => {
			await tap(page, words.begin);
			await tap(page, words.stop);
			await page.getByRole('button', { name: words.rated }).waitFor();
		}
	},
	{ name: 'journal', path: '/dagboek' },
	{ name: 'programmes', path: '/programmas' },
	{ name: 'boundary', path: '/grens' },
	{ name: 'urge', path: '/drang', running: true },
	{
		name: 'urge-unsent',
		path: '/drang',
		act: async (page, words) => {
			// After the first minute of breathing, the message may be written here instead.
			await page.clock.runFor(61_000);
			await page.getByRole('heading', { name: words.unsent }).waitFor();
		}
	},
	{ name: 'safety-plan', path: '/plan' },
	{
		name: 'safety-plan-now',
		path: '/plan',
		act: (page, words) => page.getByText(words.planNow, { exact: true }).click()
	},
	{ name: 'patterns', path: '/patronen' },
	{ name: 'settings', path: '/instellingen' },
	{ name: 'data', path: '/gegevens' },
	{
		name: 'backup',
		path: '/gegevens',
		act: (page, words) =>
			page.getByRole('heading', { name: words.backup }).evaluate((heading) => {
				heading.scrollIntoView({ block: 'center' });
			})
	},
	{ name: 'help', path: '/hulp' }
];

/** @param {string} path @param {Language} language */
const addressIn = (path, language) =>
	language === 'nl' ? path : path === '/' ? '/en' : `/en${path}`;

/**
 * Stops the page's clock where it is (it flowed while the page came): from here only runFor
 * moves it.
 * @param {Page} page
 */
async function pauseClock(page) {
	for (let aheadMs = 50; ; aheadMs *= 2) {
		const now = await page.evaluate(() => Date.now());
		try {
			return await page.clock.pauseAt(now + aheadMs);
		} catch (error) {
			// Time went on past that moment meanwhile: a little further ahead, then.
			if (aheadMs > 1000) throw error;
		}
	}
}

/**
 * Stops every animation at the same moment of it (or its end, if shorter), so that two runs
 * draw the breathing disc and the bars alike.
 * @param {Page} page
 */
async function stopAnimations(page) {
	await page.evaluate((atMs) => {
		for (const animation of document.getAnimations()) {
			const end = animation.effect?.getComputedTiming().endTime;
			const endMs = typeof end === 'number' ? end : atMs;
			animation.pause();
			animation.currentTime = Math.min(atMs, endMs);
		}
	}, RUNNING_MS);
}

/**
 * Opens one screen in a fresh tab on the fixed clock, reaches its state and pictures it.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin
 * @param {Screen} screen
 * @param {Language} language
 * @param {'light' | 'dark'} scheme
 */
async function picture(context, origin, screen, language, scheme) {
	// The clock is the context's, stopped by the screen before: back to the start, flowing.
	await context.clock.setSystemTime(NOW_MS);
	await context.clock.resume();
	const page = await context.newPage();
	/** @type {string[]} */
	const errors = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(origin + addressIn(screen.path, language));
	await page.locator('html[data-app]').waitFor({ state: 'attached' });
	await page.getByRole('heading', { level: 1 }).first().waitFor();
	await screen.act?.(page, WORDS[language]);
	await pauseClock(page);
	if (screen.running) await page.clock.runFor(RUNNING_MS);
	// The page's frames now wait for the paused clock; the picture draws a frame of its own.
	await stopAnimations(page);
	const file = `${screen.name}-${language}-${scheme}.png`;
	await page.screenshot({
		path: join(OUT_DIR, file),
		fullPage: screen.fullPage ?? false,
		animations: 'allow',
		caret: 'hide'
	});
	await page.close();
	if (errors.length > 0) throw new Error(`${file}: errors in the page: ${errors.join('; ')}`);
	return file;
}

/**
 * A context for one language and colour scheme whose journal holds the same practices.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {Language} language
 * @param {'light' | 'dark'} scheme
 */
async function phone(browser, origin, language, scheme) {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 1,
		isMobile: true,
		hasTouch: true,
		locale: language === 'nl' ? 'nl-NL' : 'en-GB',
		timezoneId: 'Europe/Amsterdam',
		colorScheme: scheme,
		reducedMotion: 'no-preference',
		serviceWorkers: 'block'
	});
	await context.clock.install({ time: NOW_MS });
	const page = await context.newPage();
	await page.goto(origin + addressIn('/dagboek', language));
	await seedSessions(page, makeSessions(JOURNAL_SESSIONS, NOW_MS));
	await page.close();
	return context;
}

async function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			only: { type: 'string' }
		}
	});
	const only = values.only?.split(',');
	const screens = SCREENS.filter((s) => !only || only.includes(s.name));
	if (screens.length === 0) throw new Error(`No screen is called ${values.only}`);
	ensureBuild({ noBuild: values['no-build'] });
	mkdirSync(OUT_DIR, { recursive: true });

	const preview = await startPreview();
	const browser = await launchChromium();
	try {
		for (const language of /** @type {const} */ (['nl', 'en'])) {
			for (const scheme of /** @type {const} */ (['light', 'dark'])) {
				const context = await phone(browser, preview.origin, language, scheme);
				for (const screen of screens) {
					console.log(await picture(context, preview.origin, screen, language, scheme));
				}
				await context.close();
			}
		}
	} finally {
		await browser.close();
		await preview.close();
	}
	console.log(`Written to ${OUT_DIR}`);
}

await main();
