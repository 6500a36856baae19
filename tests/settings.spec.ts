import type { Page } from '@playwright/test';
import {
	controlTime,
	expect,
	expectNoAxeViolations,
	openAdjust,
	putRecords,
	storedRecords,
	test,
	waitForApp
} from './fixtures';

/** The value of one setting in the database, once it is there. */
async function expectSetting(page: Page, key: string, value: unknown) {
	await expect
		.poll(async () => {
			const rows = await storedRecords<{ key: string; value: unknown }>(page, 'settings');
			return rows.find((row) => row.key === key)?.value;
		})
		.toEqual(value);
}

/** Writes settings straight into the database, as a damaged or older phone might hold them. */
async function putSettings(page: Page, rows: { key: string; value: unknown }[]) {
	await putRecords(page, 'settings', rows);
}

test.describe('Settings', () => {
	test('theme, still motion, volume and lead-in are applied at once and kept after a reload', async ({
		page
	}) => {
		await page.goto('/instellingen');
		await waitForApp(page);
		await expectNoAxeViolations(page);

		await page.getByRole('radio', { name: 'Donker' }).check({ force: true });
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		const background = () =>
			page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		expect(await background()).toBe('rgb(13, 21, 21)');
		await expectNoAxeViolations(page);

		await page.getByRole('radio', { name: 'Altijd stil' }).check({ force: true });
		await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduce');

		await page.getByLabel('Volume').fill('30');
		await expectSetting(page, 'volume', 0.3);
		await expect
			.poll(() =>
				page.evaluate(() =>
					(window as unknown as { Howler?: { volume(): number } }).Howler?.volume()
				)
			)
			.toBeCloseTo(0.3);

		await page.getByRole('radio', { name: 'Glasklokjes' }).check({ force: true });
		await expectSetting(page, 'cueSet', 'chime');
		await page.getByRole('radio', { name: '5 s' }).check({ force: true });
		await expectSetting(page, 'leadIn', 5);
		await expectSetting(page, 'theme', 'dark');

		// The theme is there before the first frame of the next page, with no flash of light.
		await page.reload();
		expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
		await waitForApp(page);
		await expect(page.getByRole('radio', { name: 'Donker' })).toBeChecked();
		await expect(page.getByRole('radio', { name: '5 s' })).toBeChecked();
	});

	test('the lead-in counts down before “breathe now”, is announced, and can be skipped', async ({
		page
	}) => {
		await page.goto('/instellingen');
		await waitForApp(page);
		await page.getByRole('radio', { name: '3 s' }).check({ force: true });
		await expectSetting(page, 'leadIn', 3);

		await controlTime(page, '/nu');
		await expect(page.getByText('Begint over 3')).toBeAttached();
		await expect(page.getByRole('button', { name: 'Pauze' })).toHaveCount(0);
		await page.clock.runFor(1200);
		await expect(page.getByText('Begint over 1')).toBeAttached();
		await page.clock.runFor(2000);
		await expect(page.getByRole('status')).toHaveText('Adem in');

		await page.goto('/oefening/box');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByText('Begint over 3')).toBeAttached();
		await page.getByRole('button', { name: 'Nu beginnen' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();

		// Guided practices too.
		await page.goto('/oefening/body-scan-3');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByText('Begint over 3')).toBeAttached();
		await expect(page.getByRole('button', { name: 'Nu beginnen' })).toBeFocused();
		await page.getByRole('button', { name: 'Nu beginnen' }).click();
		await expect(page.getByRole('button', { name: 'Volgende stap' })).toBeVisible();
	});

	test('a default length is where exercises start, and the language can be switched', async ({
		page
	}) => {
		await page.goto('/instellingen');
		await waitForApp(page);
		await page
			.getByRole('group', { name: 'Lengte van een oefening' })
			.getByRole('radio', { name: '10 min' })
			.check({ force: true });
		await expectSetting(page, 'defaultMinutes', 10);
		await page.goto('/oefening/coherent');
		await waitForApp(page);
		await openAdjust(page);
		await expect(page.getByRole('radio', { name: '10 min' })).toBeChecked();

		await page.goto('/instellingen');
		await waitForApp(page);
		await page.getByRole('link', { name: 'English' }).first().click();
		await expect(page).toHaveURL(/\/en\/instellingen$/);
		await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
		await page.goto('/');
		await expect(page).toHaveURL(/\/en$/);
		await expectNoAxeViolations(page);
	});

	test('a damaged setting in the database falls back to its default and the app works on', async ({
		page
	}) => {
		await page.goto('/instellingen');
		await waitForApp(page);
		await putSettings(page, [
			{ key: 'theme', value: 'purple' },
			{ key: 'leadIn', value: 'soon' },
			{ key: 'volume', value: 40 },
			{ key: 'breatheNow', value: { id: 'box' } }
		]);
		await page.evaluate(() => localStorage.removeItem('rustpunt:settings'));
		await page.reload();
		await waitForApp(page);
		await expect(page.getByRole('radio', { name: 'Zoals de telefoon' }).first()).toBeChecked();
		await expect(page.getByRole('radio', { name: 'Geen', exact: true })).toBeChecked();
		await expect(page.getByLabel('Volume')).toHaveValue('80');
		await controlTime(page, '/nu');
		await expect(page.getByRole('heading', { name: 'Lange uitademing' })).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('Adem in');
	});

	test('preferences kept in localStorage by the previous version move into the database', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await page.evaluate(() => {
			localStorage.clear();
			localStorage.setItem('rustpunt:muted', 'true');
			localStorage.setItem('rustpunt:voice-rate', '0.8');
			localStorage.setItem('rustpunt:holds:box', 'false');
		});
		await page.goto('/instellingen');
		await waitForApp(page);
		await expect(page.getByRole('switch', { name: /^Geluid/ })).not.toBeChecked();
		await expectSetting(page, 'muted', true);
		await expectSetting(page, 'voiceRate', 0.8);
		await expectSetting(page, 'holds', { box: false });
		expect(await page.evaluate(() => localStorage.getItem('rustpunt:muted'))).toBeNull();
	});

	test.describe('on a phone without vibration', () => {
		test('the vibration switch says it is unavailable', async ({ page }) => {
			await page.addInitScript(() => {
				Object.defineProperty(Navigator.prototype, 'vibrate', { value: undefined });
			});
			await page.goto('/instellingen');
			await waitForApp(page);
			const vibration = page.getByRole('switch', { name: /^Trillen/ });
			await expect(vibration).toBeDisabled();
			await expect(vibration).toHaveAccessibleDescription(/kan niet trillen/);
		});
	});
});
