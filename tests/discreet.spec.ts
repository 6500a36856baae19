import { expect, expectNoAxeViolations, test, waitForApp } from './fixtures';

test.describe('Discreet mode', () => {
	test('gives every page a neutral title and links a neutral manifest and icon, until turned off', async ({
		page,
		request
	}) => {
		await page.goto('/gegevens');
		await waitForApp(page);
		await expect(page).toHaveTitle('Je gegevens · Rustpunt');
		await page.getByRole('switch', { name: 'Onopvallende naam en icoon' }).check();
		await expect(page.getByText('Onopvallend staat aan.')).toBeVisible();
		await expect(page).toHaveTitle('Notities');
		await expectNoAxeViolations(page);

		for (const path of ['/nu', '/dagboek', '/hulp', '/drang', '/']) {
			await page.goto(path);
			await waitForApp(page);
			await expect(page, path).toHaveTitle('Notities');
		}
		await page.goto('/en/hulp');
		await waitForApp(page);
		await expect(page).toHaveTitle('Notes');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBe('/manifest-notes-en.webmanifest');
		const manifest = await (await request.get(href!)).json();
		expect(manifest).toMatchObject({ name: 'Notes', short_name: 'Notes', id: '/' });
		expect(JSON.stringify(manifest)).not.toMatch(/rustpunt|adem|breath/i);
		for (const icon of manifest.icons) {
			expect((await request.get(icon.src)).status(), icon.src).toBe(200);
		}
		await expect(page.locator('link[rel="icon"]')).toHaveAttribute(
			'href',
			'/icons/neutral-192.png'
		);

		await page.goto('/gegevens');
		await waitForApp(page);
		await page.getByRole('switch', { name: 'Onopvallende naam en icoon' }).uncheck();
		await expect(page).toHaveTitle('Je gegevens · Rustpunt');
		await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
			'href',
			'/manifest.webmanifest'
		);
	});
});
