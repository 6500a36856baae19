import { controlTime, expect, test } from './fixtures';

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
	});
});
