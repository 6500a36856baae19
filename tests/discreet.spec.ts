import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, waitForApp } from './fixtures';

/** Turns discreet mode on or off on the data screen. */
async function setDiscreet(page: Page, on: boolean) {
	await page.goto('/gegevens');
	await waitForApp(page);
	const toggle = page.getByRole('switch', { name: 'Onopvallende naam en icoon' });
	if (on) await toggle.check();
	else await toggle.uncheck();
	await expect(
		page.getByText(on ? 'Onopvallend staat aan.' : 'Onopvallend staat uit.')
	).toBeVisible();
}

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

	test('makes the calendar file neutral whatever was chosen, and says why the choice is gone', async ({
		page
	}) => {
		await page.goto('/programma?id=uit-de-band');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Begin dit programma' }).click();
		const calendar = page.getByRole('region', { name: 'Een herinnering in je agenda' });
		await calendar.getByRole('radio', { name: /naam van het programma/ }).check({ force: true });
		await calendar.getByRole('checkbox', { name: 'Een link naar de app toevoegen' }).check();

		await setDiscreet(page, true);
		await page.goto('/programma?id=uit-de-band');
		await waitForApp(page);
		await expect(calendar.getByText('Onopvallend staat aan', { exact: false })).toBeVisible();
		await expect(calendar.getByRole('radio')).toHaveCount(0);
		await expect(
			calendar.getByRole('checkbox', { name: 'Een link naar de app toevoegen' })
		).toHaveCount(0);
		await expectNoAxeViolations(page);
		const download = page.waitForEvent('download');
		await calendar.getByRole('button', { name: 'Agendabestand downloaden (.ics)' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^agenda-\d{4}-\d{2}-\d{2}\.ics$/);
		const text = readFileSync((await file.path())!, 'utf8').replace(/\r\n[ \t]/g, '');
		expect(text).toContain('X-WR-CALNAME:Moment voor mezelf\r\n');
		expect(text).toContain('SUMMARY:Moment voor mezelf\r\n');
		expect(text).not.toMatch(/rustpunt|band|programm|traum|URL:|http/i);

		// Turned off again, the person's own choice is back.
		await setDiscreet(page, false);
		await page.goto('/programma?id=uit-de-band');
		await waitForApp(page);
		await expect(calendar.getByRole('radio', { name: /naam van het programma/ })).toBeChecked();
	});

	test('holds a page neutral from its first moment by the quick copy, till the stored choice is read', async ({
		page
	}) => {
		// The quick copy says on; the stored setting (never turned on here) says off.
		await page.addInitScript(() => localStorage.setItem('rustpunt:discreet', '1'));
		// The app's code is held back while the page is looked at.
		const code = /\/_app\/immutable\/.*\.js$/;
		const held: (() => Promise<void>)[] = [];
		await page.route(code, (route) => void held.push(() => route.continue()));
		const pages = [
			{ path: '/nu', title: 'Notities', manifest: '/manifest-notes-nl.webmanifest' },
			{ path: '/dagboek', title: 'Notities', manifest: '/manifest-notes-nl.webmanifest' },
			{ path: '/en/hulp', title: 'Notes', manifest: '/manifest-notes-en.webmanifest' }
		];
		for (const { path, title, manifest } of pages) {
			await page.goto(path, { waitUntil: 'domcontentloaded' });
			expect(await page.title(), path).toBe(title);
			const links = page.locator('link[rel="icon"], link[rel="apple-touch-icon"]');
			for (const href of await links.evaluateAll((all) => all.map((l) => l.getAttribute('href')))) {
				expect(href, path).toBe('/icons/neutral-192.png');
			}
			await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', manifest);
		}

		// The app comes, reads the stored setting, and gives the page its own title back.
		await page.unroute(code);
		for (const release of held.splice(0)) await release().catch(() => {});
		await waitForApp(page);
		await expect(page).toHaveTitle('Need help? · Rustpunt');
		await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
			'href',
			'/manifest-en.webmanifest'
		);
		await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.png');
	});
});
