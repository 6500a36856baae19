import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectSessions, test, waitForApp } from './fixtures';

const NEUTRAL = 'https://www.buienradar.nl';

/** The neutral site, answered locally: tests never reach the internet. */
async function serveNeutralSite(page: Page) {
	await page
		.context()
		.route(`${NEUTRAL}/**`, (route) =>
			route.fulfill({ contentType: 'text/html', body: '<title>Weer</title><h1>Het weer</h1>' })
		);
}

/** Starts "breathe now" from the home page in `home`'s language and lets it run 6 seconds. */
async function breatheSixSeconds(page: Page, home: '/' | '/en') {
	const [start, pause] = home === '/en' ? ['Breathe now', 'Pause'] : ['Adem nu', 'Pauze'];
	await page.clock.install();
	await page.goto(home);
	await waitForApp(page);
	await page.getByRole('link', { name: start }).click();
	await expect(page.getByRole('button', { name: pause })).toBeVisible();
	// The home screen's island loads /nu as a page: its pacer breathes at once, and the session
	// is the app's once /nu's own island runs.
	await waitForApp(page);
	await page.clock.runFor(6000);
}

test.describe('Help is one tap away', () => {
	test('every screen, an exercise included, has the way to help', async ({ page }) => {
		for (const path of ['/', '/nu', '/oefening/box', '/en/nu']) {
			await page.goto(path);
			const name = path.startsWith('/en') ? 'Need help?' : 'Hulp nodig?';
			await expect(page.getByRole('link', { name }), path).toBeVisible();
		}
	});

	test('the Dutch lines are there to call, with the exact numbers', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Hulp nodig?' }).click();
		await expect(page.getByRole('heading', { name: 'Hulp nodig?', level: 1 })).toBeVisible();
		const calls = page.getByRole('link', { name: /^Bel / });
		await expect(calls).toHaveText([
			'Bel 0800-0113',
			'Bel 113',
			'Bel 0800-2000',
			'Bel 088-0767000',
			'Bel 112'
		]);
		const hrefs = await calls.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(['tel:08000113', 'tel:113', 'tel:08002000', 'tel:0880767000', 'tel:112']);
		await expect(
			page.getByText('Rustpunt is geen therapie en geen hulpdienst.', { exact: false })
		).toBeVisible();
		await expect(page.getByText('belgeschiedenis', { exact: false })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('Belgian lines on choosing Belgium, and the choice is remembered', async ({ page }) => {
		await page.goto('/hulp');
		await waitForApp(page);
		await page.getByRole('radio', { name: 'België' }).check({ force: true });
		const calls = page.getByRole('link', { name: /^Bel / });
		await expect(calls).toHaveText(['Bel 1813', 'Bel 1712', 'Bel 112']);
		expect(await calls.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
			'tel:1813',
			'tel:1712',
			'tel:112'
		]);
		await expect(page.getByText('Werkdagen, 9 tot 17 uur')).toBeVisible();
		await page.reload();
		await expect(page.getByRole('radio', { name: 'België' })).toBeChecked();
	});

	test.describe('on a Belgian phone', () => {
		test.use({ locale: 'nl-BE' });
		test('Belgium comes first', async ({ page }) => {
			await page.goto('/hulp');
			await expect(page.getByRole('link', { name: 'Bel 1813' })).toBeVisible();
		});
	});

	test('elsewhere, a directory of helplines and 112', async ({ page }) => {
		await page.goto('/hulp');
		await waitForApp(page);
		await page.getByRole('radio', { name: 'Elders in Europa' }).check({ force: true });
		await expect(
			page.getByRole('link', { name: 'Zoek een hulplijn in jouw land' })
		).toHaveAttribute('href', 'https://findahelpline.com');
		await expect(page.getByRole('link', { name: /^Bel / })).toHaveText(['Bel 112']);
		// The directory comes before 112 there.
		const order = await page
			.locator('main')
			.evaluate(
				(main) =>
					(main.textContent ?? '').indexOf('findahelpline') <
					(main.textContent ?? '').indexOf('112')
			);
		expect(order).toBe(true);
	});
});

test.describe('Quick exit', () => {
	test.use({ allowedOrigins: [NEUTRAL] });

	test('the button stops and saves the exercise, leaves for a neutral site, and Back does not return', async ({
		page
	}) => {
		await serveNeutralSite(page);
		await breatheSixSeconds(page, '/');
		await page.getByRole('button', { name: /^Snel weg/ }).click();
		await expect(page).toHaveURL(`${NEUTRAL}/`);
		await page.goBack();
		expect(page.url()).not.toContain('localhost');

		// The session was stopped and saved before leaving.
		await page.goto('/');
		await expectSessions(page, (s) => s[0]?.status === 'stopped' && s[0].activeMs >= 5000);
	});

	test('in the first breaths of "breathe now" opened as a page, before the database is opened, it still saves the exercise', async ({
		page
	}) => {
		await serveNeutralSite(page);
		// Notes when the app first asks for its database, on the page's own clock.
		await page.addInitScript(() => {
			const open = indexedDB.open.bind(indexedDB);
			indexedDB.open = (...args: Parameters<typeof open>) => {
				if (sessionStorage.getItem('firstOpenAtMs') === null)
					sessionStorage.setItem('firstOpenAtMs', String(performance.now()));
				return open(...args);
			};
		});
		await page.clock.install();
		await page.goto('/nu');
		await waitForApp(page);
		await page.clock.runFor(2000);
		// The first 5 s carry none of the database, however long a busy machine took to load
		// (it may rightly open once they are over).
		const firstOpenAtMs = await page.evaluate(() => sessionStorage.getItem('firstOpenAtMs'));
		expect(
			firstOpenAtMs === null || Number(firstOpenAtMs) >= 5000,
			`opened at ${firstOpenAtMs} ms`
		).toBe(true);

		await page.getByRole('button', { name: /^Snel weg/ }).click();
		await expect(page).toHaveURL(`${NEUTRAL}/`);
		await page.goto('/');
		await expectSessions(page, (s) => s[0]?.status === 'stopped' && s[0].activeMs >= 1500);
	});

	test.describe('with the app open in two tabs', () => {
		test.use({ allowedOrigins: [NEUTRAL, 'https://www.bbc.com'] });
		test('quick exit in one tab makes the other leave too, its exercise saved, in its own language', async ({
			page,
			context
		}) => {
			await serveNeutralSite(page);
			await context.route('https://www.bbc.com/**', (route) =>
				route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' })
			);
			const other = await context.newPage();
			await breatheSixSeconds(other, '/en');

			await page.goto('/hulp');
			await waitForApp(page);
			await page.getByRole('button', { name: /^Snel weg/ }).click();
			await expect(page).toHaveURL(`${NEUTRAL}/`);
			await expect(other).toHaveURL('https://www.bbc.com/weather');

			// The other tab stopped and saved its exercise before leaving.
			const back = await context.newPage();
			await back.goto('/');
			await expectSessions(back, (s) => s[0]?.status === 'stopped' && s[0].activeMs >= 5000);
			// Nothing of the quick exit stays stored, only the time of the lock.
			expect(await back.evaluate(() => localStorage.getItem('rustpunt:quick-exit'))).toBeNull();
		});
	});

	test('three presses of Shift leave at once', async ({ page }) => {
		await serveNeutralSite(page);
		await page.goto('/oefening/box');
		await page.keyboard.press('Shift');
		await page.keyboard.press('Shift');
		await page.keyboard.press('Shift');
		await expect(page).toHaveURL(`${NEUTRAL}/`);
	});

	test('three presses of Escape leave too, also during an exercise', async ({ page }) => {
		await serveNeutralSite(page);
		await page.goto('/nu');
		await waitForApp(page);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(`${NEUTRAL}/`);
	});

	test('works before the app has started, straight from the first paint', async ({ page }) => {
		await serveNeutralSite(page);
		// Hold the app's code back: only the prerendered page (and its stylesheets) is there.
		await page.route('**/_app/**/*.js', () => undefined);
		await page.goto('/', { waitUntil: 'commit' });
		await page.getByRole('button', { name: /^Snel weg/ }).click();
		await expect(page).toHaveURL(`${NEUTRAL}/`);
	});

	test('typing capitals is never taken for quick exit', async ({ page }) => {
		await page.goto('/drang');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: 'Nu niet' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		const field = page.getByLabel('Wat hoop ik te voelen als ik contact zoek?');
		await field.focus();
		// Typed the way a person does: Shift held for each capital.
		for (const char of 'Hij Zei Dat Ik') {
			if (char !== char.toLowerCase()) {
				await page.keyboard.down('Shift');
				await page.keyboard.type(char);
				await page.keyboard.up('Shift');
			} else {
				await page.keyboard.type(char);
			}
		}
		await expect(field).toHaveValue('Hij Zei Dat Ik');
		expect(page.url()).toContain('/drang');
	});

	test.describe('in English', () => {
		test.use({ locale: 'en-GB', allowedOrigins: ['https://www.bbc.com'] });
		test('quick exit goes to an English weather page', async ({ page }) => {
			await page
				.context()
				.route('https://www.bbc.com/**', (route) =>
					route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' })
				);
			await page.goto('/en/hulp');
			await waitForApp(page);
			await page.getByRole('button', { name: /^Quick exit/ }).click();
			await expect(page).toHaveURL('https://www.bbc.com/weather');
		});
	});

	test('two presses are not enough: nothing happens by accident', async ({ page }) => {
		await page.goto('/hulp');
		await waitForApp(page);
		await page.keyboard.press('Shift');
		await page.keyboard.press('Shift');
		await page.keyboard.press('Escape');
		await expect(page.getByRole('heading', { name: 'Hulp nodig?', level: 1 })).toBeVisible();
		expect(page.url()).toContain('/hulp');
	});

	test('a page explains what quick exit does and does not do', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Meer over snel weg' }).click();
		await expect(page.getByRole('heading', { name: 'Snel weg' })).toBeVisible();
		await expect(page.getByText('je browsergeschiedenis wissen', { exact: false })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});
