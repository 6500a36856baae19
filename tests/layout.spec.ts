import type { Page } from '@playwright/test';
import { expect, openAdjust, test, waitForApp } from './fixtures';
import { findLayoutProblems } from './layout-check';
import { isEnglish, linksOn, pagesIn } from './pages';

/** The narrowest phones in use, a common one and a large one. */
const WIDTHS_PX = [320, 390, 430];
const HEIGHT_PX = 844;

type Language = 'nl' | 'en';
/** The names of what the tests tap, by language. */
const WORDS = {
	nl: {
		name: 'Dutch',
		adjust: 'Aanpassen',
		solo: 'Alleen, op het scherm',
		together: 'Met iemand die je vertrouwt',
		tooMuch: 'Te veel?',
		rated: '3 van 10',
		skip: 'Overslaan',
		notNow: 'Nu niet',
		next: 'Verder',
		addToList: 'Iets toevoegen aan je lijst',
		add: 'Toevoegen',
		noWait: 'Niet wachten',
		unsaid: 'Zeg ik liever niet'
	},
	en: {
		name: 'English',
		adjust: 'Adjust',
		solo: 'On your own, on the screen',
		together: 'With someone you trust',
		tooMuch: 'Too much?',
		rated: '3 out of 10',
		skip: 'Skip',
		notNow: 'Not now',
		next: 'Next',
		addToList: 'Add something to your list',
		add: 'Add',
		noWait: "Don't wait",
		unsaid: "I'd rather not say"
	}
} as const;

/** Loads an address in full and waits until its heading shows (pages that read storage wait). */
async function load(page: Page, address: string) {
	await page.goto(address);
	await waitForApp(page);
	await expect(page.getByRole('heading', { level: 1 }).first(), address).toBeVisible({
		timeout: 15_000
	});
}

/** Waits until layout has caught up with a change: two frames. */
async function settle(page: Page) {
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
}

/**
 * Lays the page as it is now out at every width, one after the other (the same page, so the
 * app loads once), and collects what breaks, each line naming where, how wide, and the language.
 */
async function checkEveryWidth(page: Page, where: string, language: Language, found: string[]) {
	for (const width of WIDTHS_PX) {
		await page.setViewportSize({ width, height: HEIGHT_PX });
		await settle(page);
		for (const problem of await page.evaluate(findLayoutProblems)) {
			found.push(`${where} at ${width} px (${language}): ${problem}`);
		}
	}
}

for (const language of ['nl', 'en'] as const) {
	const words = WORDS[language];

	test.describe(`The layout in ${words.name}`, () => {
		test.describe.configure({ timeout: 240_000 });

		test('no page overflows or wraps a chip at 320, 390 or 430 px wide', async ({ page }) => {
			const found: string[] = [];
			const seen = new Set<string>();
			const queue = pagesIn(language);
			while (queue.length > 0) {
				const address = queue.shift()!;
				if (seen.has(address)) continue;
				seen.add(address);
				await load(page, address);
				await checkEveryWidth(page, address, language, found);
				// An exercise page folds its choices under "Adjust": open, they must fit too.
				if (/\/oefening\//.test(address)) {
					await openAdjust(page, words.adjust);
					await checkEveryWidth(page, `${address} with ${words.adjust} open`, language, found);
				}
				for (const link of await linksOn(page)) {
					if (!seen.has(link) && isEnglish(link) === (language === 'en')) queue.push(link);
				}
			}
			expect(seen.size).toBeGreaterThan(30);
			expect(found, 'layout problems').toEqual([]);
		});

		test('no practice overflows while it runs or after it, at 320, 390 or 430 px wide', async ({
			page
		}) => {
			const found: string[] = [];
			const home = language === 'en' ? '/en' : '';
			const check = (where: string) => checkEveryWidth(page, where, language, found);
			const tap = (name: string) => page.getByRole('button', { name, exact: true }).click();

			await load(page, `${home}/nu`);
			await check(`${home}/nu breathing`);

			await load(page, `${home}/oefening/box`);
			await tap('Begin');
			await check(`${home}/oefening/box running`);
			await tap('Stop');
			await expect(page.getByRole('button', { name: words.rated })).toBeVisible();
			await check(`${home}/oefening/box after stopping`);
			await tap(words.rated);
			await check(`${home}/oefening/box after rating`);
			// The journal with a practice in it.
			await load(page, `${home}/dagboek`);
			await check(`${home}/dagboek with a practice`);

			await load(page, `${home}/oefening/body-scan-10`);
			await tap('Begin');
			await check(`${home}/oefening/body-scan-10 running`);
			await tap(words.tooMuch);
			await check(`${home}/oefening/body-scan-10 with ${words.tooMuch} open`);

			await load(page, `${home}/grens`);
			await tap(words.solo);
			await check(`${home}/grens on your own`);
			await load(page, `${home}/grens`);
			await tap(words.together);
			await check(`${home}/grens together`);

			// The urge flow, step by step.
			await load(page, `${home}/drang`);
			await tap('Stop');
			await check(`${home}/drang write it here`);
			await tap(words.notNow);
			await check(`${home}/drang how strong`);
			await tap(words.skip);
			await check(`${home}/drang questions`);
			await tap(words.next);
			await page.getByLabel(words.addToList).fill('Een zin die lang genoeg is om te wrappen');
			await tap(words.add);
			await check(`${home}/drang reality list`);
			await tap(words.next);
			await check(`${home}/drang something else`);
			await tap(words.noWait);
			await check(`${home}/drang contact`);
			await tap(words.unsaid);
			await check(`${home}/drang end`);

			expect(found, 'layout problems').toEqual([]);
		});
	});
}

test.describe('The layout check itself', () => {
	test('finds each kind of break, and leaves alone what is hidden, clipped or bled on purpose', async ({
		page
	}) => {
		await page.setViewportSize({ width: 320, height: HEIGHT_PX });
		await page.setContent(`
			<style>
				body { margin: 0; font: 16px sans-serif; }
				.pill { display: inline-flex; border-radius: 999px; width: 40px; justify-content: center; }
				.card { width: 200px; }
				.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
			</style>
			<a class="skip" href="#main" style="position: absolute; top: -4rem">Skip</a>
			<label class="pill">10 min<input type="radio" style="position: absolute; opacity: 0"></label>
			<label class="pill" style="white-space: nowrap">Een voorwerp<input type="radio" style="position: absolute; opacity: 0"></label>
			<div class="card"><select style="width: 230px"><option>stappen</option></select></div>
			<a class="button" style="display: inline-flex; border-radius: 999px; width: 120px">Drang om contact te zoeken?</a>
			<div class="card" style="overflow-x: auto"><div style="width: 400px">scrolls on purpose</div></div>
			<div class="card" style="margin-left: 20px"><div style="margin: 0 -10px">bleeds on purpose</div><p aria-live="polite"></p></div>
			<span class="sr-only">a long text for screen readers only, far wider than the screen</span>
		`);
		const found = await page.evaluate(findLayoutProblems);
		expect(found).toEqual([
			'label.pill "10 min" wraps onto 2 lines inside its chip',
			expect.stringMatching(
				/^text "Een voorwerp" spills out of label\.pill "Een voorwerp" by \d+ px on the left and \d+ px on the right$/
			),
			'select "stappen" sticks out of div.card "stappen" by 30 px on the right',
			expect.stringMatching(
				/^a\.button "Drang om contact te zoeken\?" wraps onto \d lines that are not centred$/
			)
		]);
	});
});
