import type { Page } from '@playwright/test';
import {
	controlTime,
	expect,
	expectLaunchWish,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

/** Counts the documents the tab loads (each runs this first), in sessionStorage. */
function countPageLoads() {
	const loads = Number(sessionStorage.getItem('test:page-loads') ?? 0);
	sessionStorage.setItem('test:page-loads', String(loads + 1));
}

/** Opens `path` as the home screen does (no page of the app leads there); returns how many pages loaded. */
async function launch(page: Page, path: string): Promise<number> {
	await page.evaluate(() => sessionStorage.removeItem('test:page-loads'));
	await page.goto(path);
	await waitForApp(page);
	return page.evaluate(() => Number(sessionStorage.getItem('test:page-loads')));
}

test.describe('Languages', () => {
	test('a Dutch phone gets Dutch', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('link', { name: 'Adem nu' })).toBeVisible();
	});

	test.describe('on an English phone', () => {
		test.use({ locale: 'en-GB' });

		test('the first visit follows the browser and the exercise speaks English', async ({
			page
		}) => {
			await controlTime(page, '/');
			await expect(page).toHaveURL(/\/en$/);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await page.getByRole('link', { name: 'Breathe now' }).click();
			await expect(page).toHaveURL(/\/en\/nu$/);
			await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
			const phase = page.getByRole('status');
			await expect(phase).toHaveText('Breathe in');
			await page.clock.runFor(5500);
			await expect(phase).toHaveText('Breathe out');
			await page.getByRole('button', { name: 'Stop' }).click();
			await expect(page.getByRole('heading', { name: 'Stopped' })).toBeVisible();
			await expect(page.getByText('And how tense do you feel now?')).toBeVisible();
		});

		test('a language chosen in the app wins over the browser, and is remembered', async ({
			page
		}) => {
			await page.goto('/');
			await page.getByRole('link', { name: 'Schakel naar Nederlands' }).click();
			await expect(page).toHaveURL(/localhost:\d+\/$/);
			await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
			await page.goto('/');
			await expect(page.getByRole('link', { name: 'Adem nu' })).toBeVisible();
			await page.getByRole('link', { name: 'Switch to English' }).click();
			await expect(page.getByRole('link', { name: 'Breathe now' })).toBeVisible();
			await page.goto('/nu');
			await expect(page).toHaveURL(/\/en\/nu$/);
		});

		test("the installed app's Dutch start address and shortcut open in English, in one page load", async ({
			page
		}) => {
			await page.addInitScript(countPageLoads);
			await visitUntilOffline(page, '/en');
			await expectLaunchWish(page, 'en');
			await page.context().setOffline(true);

			expect(await launch(page, '/nu')).toBe(1);
			await expect(page).toHaveURL(/\/en\/nu$/);
			await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
			expect(await launch(page, '/')).toBe(1);
			await expect(page).toHaveURL(/\/en$/);
			await expect(page.getByRole('link', { name: 'Breathe now' })).toBeVisible();
		});

		test('Dutch, once picked, opens at once too, and switching language still works', async ({
			page
		}) => {
			await page.addInitScript(countPageLoads);
			await visitUntilOffline(page, '/en');
			await page.getByRole('link', { name: 'Schakel naar Nederlands' }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
			await expectLaunchWish(page, 'nl');

			expect(await launch(page, '/en/nu')).toBe(1);
			await expect(page).toHaveURL(/localhost:\d+\/nu$/);
			await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
			expect(await launch(page, '/')).toBe(1);
			await page.getByRole('link', { name: 'Switch to English' }).click();
			await expect(page.getByRole('link', { name: 'Breathe now' })).toBeVisible();
			await expectLaunchWish(page, 'en');
		});
	});
});
