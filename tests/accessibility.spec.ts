import { controlTime, expect, expectNoAxeViolations, test } from './fixtures';

test.describe('Accessibility', () => {
	for (const path of [
		'/',
		'/en',
		'/oefening/box',
		'/en/oefening/4-7-8',
		'/oefening/body-scan-10',
		'/en/oefening/grounding-senses',
		'/gegevens',
		'/en/gegevens',
		'/grens',
		'/instellingen',
		'/en/instellingen',
		'/patronen',
		'/en/patronen',
		'/patronen/bewerk',
		'/en/patronen/bewerk'
	]) {
		test(`axe finds no violations on ${path}`, async ({ page }) => {
			await page.goto(path);
			// The page shows once the app has read whether it is locked.
			await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
			await expectNoAxeViolations(page);
		});
	}

	test('axe finds no violations on the player, paused, and after it', async ({ page }) => {
		await controlTime(page, '/nu');
		await page.clock.runFor(1000);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Pauze' }).click();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expectNoAxeViolations(page);
	});

	test.describe('in dark mode', () => {
		test.use({ colorScheme: 'dark' });
		test('axe finds no violations on home, player, journal, data, settings and own patterns', async ({
			page
		}) => {
			// Seven full axe runs: about 45 s on a quiet 2-core machine, more with both cores busy.
			test.slow();
			await page.goto('/');
			await expectNoAxeViolations(page);
			for (const path of [
				'/dagboek',
				'/gegevens',
				'/instellingen',
				'/patronen',
				'/patronen/bewerk',
				'/patroon?code=1IAAMAc10.UnVzdA',
				'/programmas',
				'/programma?id=uit-de-band'
			]) {
				await page.goto(path);
				// The page shows once the app has read whether it is locked.
				await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
				await expectNoAxeViolations(page);
			}
			await controlTime(page, '/nu');
			await expectNoAxeViolations(page);
		});
	});

	test('screen readers hear each new phase through a polite live region', async ({ page }) => {
		await controlTime(page, '/nu');
		const live = page.getByRole('status');
		await expect(live).toHaveAttribute('aria-live', 'polite');
		await expect(live).toHaveText('Adem in');
		await page.clock.runFor(5500);
		await expect(live).toHaveText('Adem uit');
	});

	test('every control on the player is at least 44 px', async ({ page }) => {
		await page.goto('/nu');
		const controls = page.locator('main button, main label:has(input[type="radio"])');
		const count = await controls.count();
		expect(count).toBeGreaterThan(4);
		for (let i = 0; i < count; i++) {
			const box = (await controls.nth(i).boundingBox())!;
			expect(box.height, await controls.nth(i).innerText()).toBeGreaterThanOrEqual(44);
			expect(box.width, await controls.nth(i).innerText()).toBeGreaterThanOrEqual(44);
		}
	});

	test('the Stop button is on screen without scrolling', async ({ page }) => {
		await page.goto('/nu');
		await expect(page.getByRole('button', { name: 'Stop' })).toBeInViewport({ ratio: 1 });
	});
});
