import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, visitUntilOffline, waitForApp } from './fixtures';
import { isEnglish, linksOn, pagesIn } from './pages';

/** Loads `address` in full and checks that the app runs there with its way out in view. */
async function expectLoadsInFull(page: Page, address: string, online: boolean) {
	const response = await page.goto(address);
	if (online) expect(response?.status(), address).toBeLessThan(400);
	await waitForApp(page);
	// Pages that read the database show their heading once it is read: give a busy machine time.
	await expect(page.getByRole('heading', { level: 1 }).first(), address).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByRole('button', { name: /^(Snel weg|Quick exit)/ }), address).toBeVisible();
}

/** Loads every page of a language in full, then every address they link to, checking each. */
async function loadEveryAddress(page: Page, language: 'nl' | 'en', online: boolean) {
	const seen = new Set<string>();
	const queue = [...pagesIn(language)];
	// The addresses of older versions, and ones typed by hand, end in a slash.
	queue.push(language === 'en' ? '/en/' : '/nu/', language === 'en' ? '/en/dagboek/' : '/hulp/');
	while (queue.length > 0) {
		const address = queue.shift()!;
		if (seen.has(address)) continue;
		seen.add(address);
		if (process.env.DEBUG_ADDRESSES) console.log(address);
		await expectLoadsInFull(page, address, online);
		for (const link of await linksOn(page)) {
			if (!seen.has(link) && isEnglish(link) === (language === 'en')) queue.push(link);
		}
	}
	return seen;
}

/** Goes offline after one visit, so that every page comes from the service worker. */
async function goOffline(page: Page, context: BrowserContext) {
	await visitUntilOffline(page);
	await context.setOffline(true);
}

for (const language of ['nl', 'en'] as const) {
	test.describe(`Every address in ${language === 'nl' ? 'Dutch' : 'English'}`, () => {
		test.describe.configure({ timeout: 240_000 });

		test('every page and every address it links to loads in full online', async ({ page }) => {
			const seen = await loadEveryAddress(page, language, true);
			expect(seen.size).toBeGreaterThan(30);
		});

		test('every page and every address it links to loads in full offline', async ({
			page,
			context
		}) => {
			await goOffline(page, context);
			const seen = await loadEveryAddress(page, language, false);
			expect(seen.size).toBeGreaterThan(30);
		});
	});
}

test.describe('An address the app does not know', () => {
	const unknown = [
		{ address: '/bestaat-niet', heading: 'Deze pagina bestaat niet', exit: 'Snel weg' },
		{ address: '/oefening/bestaat-niet', heading: 'Deze pagina bestaat niet', exit: 'Snel weg' },
		{
			address: '/en/oefening/does-not-exist',
			heading: "This page doesn't exist",
			exit: 'Quick exit'
		}
	];

	for (const online of [true, false]) {
		test(`shows the app's own "not found" page with help and quick exit, ${online ? 'online' : 'offline'}`, async ({
			page,
			context,
			pageErrors
		}) => {
			if (!online) await goOffline(page, context);
			for (const { address, heading, exit } of unknown) {
				await page.goto(address);
				await waitForApp(page);
				await expect(page.getByRole('heading', { name: heading })).toBeVisible();
				await expect(
					page.getByRole('link', { name: /^(Hulp nodig\?|Need help\?)$/ })
				).toBeVisible();
				await expect(page.getByRole('button', { name: new RegExp(`^${exit}`) })).toBeVisible();
				// Its code runs there too: a link in it goes on inside the app.
				await page.getByRole('link', { name: /^(Adem nu|Breathe now)$/ }).click();
				await expect(page.getByRole('button', { name: /^(Pauze|Pause)$/ })).toBeVisible();
			}
			// The browser reports each "not found" answer itself; nothing else may go wrong.
			const answered404 = (error: string) => /^Failed to load resource: .* 404 /.test(error);
			expect(pageErrors.filter(answered404)).toHaveLength(unknown.length);
			pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !answered404(e)));
		});
	}
});
