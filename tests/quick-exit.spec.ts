import type { Page } from '@playwright/test';
import { expect, expectLaunchWish, test, visitUntilOffline, waitForApp } from './fixtures';

const NEUTRAL = 'https://www.buienradar.nl';
const NEUTRAL_EN = 'https://www.bbc.com';
const QUICK_EXIT = /^(Snel weg|Quick exit)/;

/** The neutral sites, answered locally (tests never reach the internet), or never at all. */
async function serveNeutralSites(page: Page, answer: 'answers' | 'unreachable' = 'answers') {
	for (const site of [NEUTRAL, NEUTRAL_EN]) {
		await page.context().route(`${site}/**`, (route) =>
			answer === 'answers'
				? route.fulfill({
						contentType: 'text/html',
						body: '<title>Weer</title><h1>Het weer</h1>'
					})
				: route.abort('internetdisconnected')
		);
	}
}

/** The browser reports the weather site's silence itself: that line alone is expected. */
function forgiveUnansweredWeatherSite(pageErrors: string[], { offline = false } = {}) {
	const unanswered = (error: string) => error.includes('net::ERR_INTERNET_DISCONNECTED');
	// In airplane mode the network stack may refuse the probe before the page can log it.
	if (offline) expect(pageErrors.filter(unanswered).length).toBeLessThanOrEqual(1);
	else expect(pageErrors.filter(unanswered)).toHaveLength(1);
	pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => !unanswered(error)));
}

/** Whether the page shows the app (its own origin), and not the plain notes page. */
function inTheApp(page: Page, baseURL: string): boolean {
	const url = page.url();
	return url.startsWith(baseURL) && !/\/(notities|notes)\.html$/.test(url);
}

/** Presses quick exit, checks where it lands, then goes Back: never into the app. */
async function quickExitThenBack(
	page: Page,
	baseURL: string,
	lands: string | RegExp = `${NEUTRAL}/`
) {
	await page.getByRole('button', { name: QUICK_EXIT }).click();
	await expect(page).toHaveURL(lands);
	await page.goBack().catch(() => null);
	expect(inTheApp(page, baseURL), `Back after quick exit showed ${page.url()}`).toBe(false);
}

/** Makes an own breathing pattern in the editor and returns its share link. */
async function makePatternAndShare(page: Page): Promise<string> {
	await page.goto('/patronen/bewerk');
	await waitForApp(page);
	await page.getByLabel('Naam', { exact: true }).fill('Golf');
	await page.getByLabel('Inademen', { exact: true }).fill('4');
	await page.getByLabel('Uitademen', { exact: true }).fill('6');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByText('„Golf” is bewaard.')).toBeVisible();
	await page.getByRole('button', { name: 'Golf delen' }).click();
	return page.getByLabel('Link', { exact: true }).inputValue();
}

test.describe('Back never leads into the app after quick exit', () => {
	test.use({ allowedOrigins: [NEUTRAL, NEUTRAL_EN] });

	test('after a link tapped before the app has started', async ({ page, baseURL }) => {
		await serveNeutralSites(page);
		// Hold the app's code back: only the prerendered pages (and their stylesheets) are there.
		await page.route('**/_app/**/*.js', () => undefined);
		await page.goto('/', { waitUntil: 'commit' });
		await page.getByRole('link', { name: 'Adem nu' }).click();
		await expect(page).toHaveURL(/\/nu$/);
		await quickExitThenBack(page, baseURL!);
	});

	test.describe('on an English phone', () => {
		test.use({ locale: 'en-GB' });

		test('after the service worker sent a launch of /nu to /en/nu', async ({
			page,
			context,
			baseURL
		}) => {
			await serveNeutralSites(page);
			await visitUntilOffline(page, '/en');
			await expectLaunchWish(page, 'en');
			// A launch from the home screen opens a window of its own.
			const launched = await context.newPage();
			await launched.goto('/nu');
			await expect(launched).toHaveURL(/\/en\/nu$/);
			await waitForApp(launched);
			await quickExitThenBack(launched, baseURL!, `${NEUTRAL_EN}/weather`);
		});
	});

	test('after "too much?" leads from a body scan into grounding', async ({ page, baseURL }) => {
		await serveNeutralSites(page);
		await page.goto('/en/oefening/body-scan-3');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await page.getByRole('button', { name: 'Too much?' }).click();
		await page.getByRole('button', { name: /5-4-3-2-1/ }).click();
		await expect(page).toHaveURL(/\/en\/oefening\/grounding-senses$/);
		await quickExitThenBack(page, baseURL!, `${NEUTRAL_EN}/weather`);
	});

	test('after saving in the pattern editor', async ({ page, baseURL }) => {
		await serveNeutralSites(page);
		await makePatternAndShare(page);
		await expect(page).toHaveURL(/\/patronen\?saved=/);
		await quickExitThenBack(page, baseURL!);
	});

	test('after opening a pasted share code, and after saving a shared link', async ({
		page,
		context,
		baseURL
	}) => {
		const link = await makePatternAndShare(page);

		const pasting = await context.newPage();
		await serveNeutralSites(pasting);
		await pasting.goto('/patronen');
		await waitForApp(pasting);
		await pasting.getByLabel('Plak een link of code').fill(link);
		await pasting.getByRole('button', { name: 'Openen' }).click();
		await expect(pasting).toHaveURL(/\/patroon\?code=/);
		await quickExitThenBack(pasting, baseURL!);

		const shared = await context.newPage();
		await shared.goto(link);
		await waitForApp(shared);
		await shared.getByRole('button', { name: 'Bewaar bij mijn ritmes' }).click();
		await expect(shared).toHaveURL(/\/patronen\?saved=/);
		await quickExitThenBack(shared, baseURL!);
	});

	test("after starting a programme and today's practice from home", async ({ page, baseURL }) => {
		await serveNeutralSites(page);
		await page.goto('/programmas');
		await waitForApp(page);
		await page.getByRole('link', { name: /Fundament/ }).click();
		await page.getByRole('button', { name: 'Begin dit programma' }).click();
		await expect(page.getByText('Het programma is begonnen bij dag 1.')).toBeVisible();
		await page.getByRole('link', { name: 'Rustpunt', exact: true }).click();
		await page
			.getByRole('region', { name: 'Vandaag in je programma: Fundament' })
			.getByRole('link', { name: /^Begin:/ })
			.click();
		await expect(page.getByRole('button', { name: 'Begin', exact: true })).toBeVisible();
		await quickExitThenBack(page, baseURL!);
	});

	test('after the urge flow, the journal and the data screen', async ({ page, baseURL }) => {
		await serveNeutralSites(page);
		await page.goto('/');
		await waitForApp(page);
		await page.getByRole('link', { name: 'Drang om contact te zoeken?' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('link', { name: 'Rustpunt', exact: true }).click();
		await page.getByRole('link', { name: 'Alles in je dagboek' }).click();
		await page.getByRole('region', { name: 'Alle sessies' }).getByRole('link').first().click();
		await page.getByRole('link', { name: /^Terug naar/ }).click();
		await page.getByRole('link', { name: /^Je gegevens/ }).click();
		await expect(page.getByRole('heading', { name: 'Je gegevens', level: 1 })).toBeVisible();
		await quickExitThenBack(page, baseURL!);
	});
});

test.describe('Quick exit in airplane mode', () => {
	test.use({ allowedOrigins: [NEUTRAL, NEUTRAL_EN] });

	for (const { language, home, lands, title } of [
		{ language: 'Dutch', home: '/', lands: '/notities.html', title: 'Notities' },
		{ language: 'English', home: '/en', lands: '/notes.html', title: 'Notes' }
	]) {
		test(`lands on a plain ${language} notes page that names nothing of the app, with no way back`, async ({
			page,
			context,
			baseURL,
			pageErrors
		}) => {
			await visitUntilOffline(page, home);
			await context.setOffline(true);
			await page.reload();
			await waitForApp(page);
			await page.getByRole('button', { name: QUICK_EXIT }).click();
			await expect(page).toHaveURL(`${baseURL}${lands}`);
			await expect(page).toHaveTitle(title);
			await expect(page.locator('body')).not.toContainText(
				/rustpunt|adem|breath|snel weg|quick exit/i
			);
			await expect(page.getByRole('link')).toHaveCount(0);
			expect(await page.locator('link[rel~="icon"]').getAttribute('href')).toBe('data:,');
			await page.goBack().catch(() => null);
			expect(inTheApp(page, baseURL!)).toBe(false);
			// The probe of the weather site fails offline: that is what sends it to the notes.
			forgiveUnansweredWeatherSite(pageErrors, { offline: true });
		});
	}

	test('lands on the notes page when the weather site does not answer', async ({
		page,
		baseURL,
		pageErrors
	}) => {
		await serveNeutralSites(page, 'unreachable');
		await page.goto('/oefening/box');
		await waitForApp(page);
		await quickExitThenBack(page, baseURL!, `${baseURL}/notities.html`);
		forgiveUnansweredWeatherSite(pageErrors);
	});

	test('lands on the notes page before the app has started, when the weather site does not answer', async ({
		page,
		baseURL,
		pageErrors
	}) => {
		await serveNeutralSites(page, 'unreachable');
		// Hold the app's code back: only the prerendered page (and its stylesheets) is there.
		await page.route('**/_app/**/*.js', () => undefined);
		await page.goto('/', { waitUntil: 'commit' });
		await quickExitThenBack(page, baseURL!, `${baseURL}/notities.html`);
		forgiveUnansweredWeatherSite(pageErrors);
	});
});

test.describe('Quick exit within reach of a thumb', () => {
	/** Whether the quick exit button is wholly inside the viewport and not covered. */
	async function expectQuickExitInView(page: Page, where: string) {
		const button = page.getByRole('button', { name: QUICK_EXIT });
		await expect(button, where).toBeInViewport({ ratio: 1 });
		const onTop = await button.evaluate((element) => {
			const box = element.getBoundingClientRect();
			const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
			return hit !== null && element.contains(hit);
		});
		expect(onTop, `${where}: something covers quick exit`).toBe(true);
	}

	const screens = [
		'/',
		'/nu',
		'/drang',
		'/dagboek',
		'/gegevens',
		'/grens',
		'/hulp',
		'/instellingen',
		'/oefening/body-scan-10',
		'/oefening/box',
		'/oefeningen',
		'/patronen',
		'/patronen/bewerk',
		'/programma?id=uit-de-band',
		'/programmas',
		'/snel-weg',
		'/en',
		'/en/gegevens'
	];

	for (const width of [320, 390, 430]) {
		test(`stays in view at the bottom of every screen, ${width} px wide`, async ({ page }) => {
			test.setTimeout(120_000);
			await page.setViewportSize({ width, height: 844 });
			for (const screen of screens) {
				await page.goto(screen);
				await waitForApp(page);
				await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
				// The header never covers the page's beginning.
				const header = await page.locator('header').first().boundingBox();
				const heading = await page.getByRole('heading', { level: 1 }).first().boundingBox();
				expect(heading!.y, `${screen}: heading under the header`).toBeGreaterThanOrEqual(
					header!.y + header!.height - 1
				);
				await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
				await expectQuickExitInView(page, `${screen} at the bottom`);
				expect(
					await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
					`${screen}: wider than the screen`
				).toBe(true);
			}
		});
	}

	test('stays in view while the figure of the boundary exercise approaches, and when it is done', async ({
		page
	}) => {
		await page.clock.install();
		await page.goto('/grens');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Alleen, op het scherm' }).click();
		await expectQuickExitInView(page, 'ready to begin');
		await page.getByRole('button', { name: 'Begin' }).click();
		await expectQuickExitInView(page, 'figure approaching');
		await page.clock.runFor(4000);
		await expectQuickExitInView(page, 'figure closer');
		await page.getByRole('button', { name: 'Stop', exact: true }).click();
		await expectQuickExitInView(page, 'after Stop');
		await page.getByRole('button', { name: 'Klaar' }).click();
		await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
		await expectQuickExitInView(page, 'done');
	});
});
