import { expect, test, visitUntilOffline } from './fixtures';

// The server that pretends a new version was deployed (see playwright.config.ts).
const UPDATE_PORT = Number(process.env.E2E_UPDATE_PORT || 4176);

test.describe('A new version', () => {
	test.use({ baseURL: `http://localhost:${UPDATE_PORT}` });

	test('waits while an exercise runs, and is offered once none is running', async ({
		page,
		request
	}) => {
		await visitUntilOffline(page, '/nu');
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();

		// A new build is deployed: the service worker script changes.
		await request.post('/__test/next-version');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		await expect
			.poll(() =>
				page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
			)
			.toBe(true);

		// The exercise goes on undisturbed: no offer, no reload.
		await expect(page.getByText('Er is een nieuwe versie van Rustpunt.')).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();

		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByText('Er is een nieuwe versie van Rustpunt.')).toBeVisible();
		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Nu bijwerken' }).click();
		await reloaded;
		// "Breathe now" would start again on a reload, so the new version opens at home.
		await expect(page).toHaveURL(`http://localhost:${UPDATE_PORT}/`);
		await expect
			.poll(() =>
				page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
			)
			.toBe(false);
	});
});
