import { expect, openAdjust, test, waitForApp } from './fixtures';

test.describe('Finding the way around', () => {
	test('the bottom bar reaches exercises, journal and help, and marks where you are', async ({
		page
	}) => {
		await page.goto('/');
		const bar = page.getByRole('navigation', { name: 'Hoofdmenu' });
		await expect(bar.getByRole('link', { name: 'Start' })).toHaveAttribute('aria-current', 'page');

		await bar.getByRole('link', { name: 'Oefeningen' }).click();
		await expect(page.getByRole('heading', { name: 'Oefeningen', level: 1 })).toBeVisible();
		await expect(bar.getByRole('link', { name: 'Oefeningen' })).toHaveAttribute(
			'aria-current',
			'page'
		);

		// The journal is there from the first visit, before any session.
		await bar.getByRole('link', { name: 'Dagboek' }).click();
		await expect(page.getByRole('heading', { name: 'Je dagboek', level: 1 })).toBeVisible();

		await bar.getByRole('link', { name: 'Hulp' }).click();
		await expect(page.getByRole('heading', { name: 'Hulp nodig?', level: 1 })).toBeVisible();
	});

	test('the home screen opened as a page runs without the router, and its links replace the page', async ({
		page
	}) => {
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});
		await page.goto('/');
		await waitForApp(page);
		// Its own island hydrated it: SvelteKit's start was never asked for.
		await expect(page.locator('html')).toHaveAttribute('data-app', 'island');
		expect(scripts.filter((path) => path.includes('/entry/start.'))).toEqual([]);
		// Nor the sound: a tap here loads /nu as a page, which readies its own. Looked at once
		// the browser has been idle (the service worker is registered then).
		await page.evaluate(() => navigator.serviceWorker.ready);
		for (const path of scripts) {
			const code = await (await page.request.get(path)).text();
			expect(code.includes('HowlerGlobal'), `${path} is the sound library`).toBe(false);
		}
		const entries = await page.evaluate(() => history.length);

		await page
			.getByRole('navigation', { name: 'Hoofdmenu' })
			.getByRole('link', { name: 'Oefeningen' })
			.click();
		await expect(page.getByRole('heading', { name: 'Oefeningen', level: 1 })).toBeVisible();
		// The next page runs the router, and Back leads to where the app was opened from.
		await expect(page.locator('html')).toHaveAttribute('data-app', '');
		expect(await page.evaluate(() => history.length)).toBe(entries);
	});

	test('a group on the home page opens the exercises page at that group', async ({ page }) => {
		await page.goto('/');
		await waitForApp(page);
		await page.getByRole('link', { name: /^Gronden/ }).click();
		await expect(page).toHaveURL(/\/oefeningen#grounding$/);
		await expect(page.getByRole('heading', { name: 'Gronden', level: 2 })).toBeInViewport();
		await expect(page.getByRole('link', { name: /Voeten op de grond/ })).toBeVisible();
	});

	test('the bar is hidden while an exercise runs and comes back when it stops', async ({
		page
	}) => {
		await page.goto('/oefeningen');
		await waitForApp(page);
		await page.getByRole('link', { name: /Vierkant ademen/ }).click();
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
	});

	test('"breathe now" carries no bottom bar', async ({ page }) => {
		await page.goto('/nu');
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await waitForApp(page);
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
	});

	test('in English the bar and the groups speak English', async ({ page }) => {
		await page.goto('/en');
		const bar = page.getByRole('navigation', { name: 'Main menu' });
		await expect(bar.getByRole('link')).toHaveText(['Home', 'Exercises', 'Journal', 'Help']);
		await bar.getByRole('link', { name: 'Exercises' }).click();
		await expect(page).toHaveURL(/\/en\/oefeningen$/);
		await expect(page.getByRole('heading', { name: 'Breathing', level: 2 })).toBeVisible();
	});

	test('an exercise page remembers the length chosen for it, and only for it', async ({ page }) => {
		await page.goto('/oefening/box');
		await waitForApp(page);
		await openAdjust(page);
		await page.getByText('1 min', { exact: true }).click();
		await expect(page.getByRole('radio', { name: '1 min' })).toBeChecked();

		await expect(async () => {
			await page.reload();
			await waitForApp(page);
			await openAdjust(page);
			await expect(page.getByRole('radio', { name: '1 min' })).toBeChecked({ timeout: 1000 });
		}).toPass();

		await page.goto('/oefening/coherent');
		await waitForApp(page);
		await openAdjust(page);
		await expect(page.getByRole('radio', { name: '1 min' })).not.toBeChecked();
	});
});
