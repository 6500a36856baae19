import type { UrgeRecord } from '../src/lib/records/urges';
import { controlTime, expect, expectNoAxeViolations, storedRecords, test } from './fixtures';

test.describe('When the urge to make contact comes', () => {
	test('breathe first, pause with it, see the reality list, choose, wait, and say how it went', async ({
		page
	}) => {
		await controlTime(page, '/');
		await page.getByRole('link', { name: 'Drang om contact te zoeken?' }).click();

		// A minute of breathing starts at once.
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('Adem in');
		await page.clock.runFor(61_000);
		await page.getByRole('button', { name: 'Nu niet' }).click();

		await page.getByRole('button', { name: '8 van 10' }).click();
		await page
			.getByLabel('Wat hoop ik te voelen als ik contact zoek?')
			.fill('Dat ik er weer mag zijn.');
		await page.getByLabel('Waar in mijn lichaam voel ik dit verlangen?').fill('In mijn borst');
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Verder' }).click();

		await expect(page.getByText('Je lijst is nog leeg.', { exact: false })).toBeVisible();
		await page.getByLabel('Iets toevoegen aan je lijst').fill('Hij las al mijn berichten.');
		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await expect(page.getByRole('listitem')).toHaveText(['Hij las al mijn berichten. ×']);
		// A removal can be undone.
		await page.getByRole('button', { name: 'Verwijder: Hij las al mijn berichten.' }).click();
		await expect(page.getByRole('listitem')).toHaveCount(0);
		await page.getByRole('button', { name: 'Ongedaan maken' }).click();
		await expect(page.getByRole('listitem')).toHaveText(['Hij las al mijn berichten. ×']);
		await page.getByRole('button', { name: 'Verder' }).click();

		await page
			.getByRole('radio', { name: 'Water drinken of een stukje lopen' })
			.check({ force: true });
		await expect(page.getByText('Goed idee. Neem er de tijd voor.')).toBeVisible();
		await page.getByRole('button', { name: 'Wacht 10 minuten' }).click();
		await expect(page.getByRole('timer')).toHaveText('10:00');
		await page.clock.runFor(601_000);

		await expect(page.getByRole('heading', { name: 'Heb je contact gezocht?' })).toBeVisible();
		await page.getByRole('button', { name: 'Ja' }).click();
		await expect(page.getByRole('heading', { name: /Je bent niet terug bij af/ })).toBeVisible();

		await expect
			.poll(async () => (await storedRecords<UrgeRecord>(page, 'urges'))[0])
			.toMatchObject({
				intensity: 8,
				hope: 'Dat ik er weer mag zijn.',
				bodyPlace: 'In mijn borst',
				helped: 'body',
				waitedMs: 600_000,
				contact: 'yes'
			});
		expect(await storedRecords(page, 'lists')).toEqual([
			{ id: 'reality', items: ['Hij las al mijn berichten.'] }
		]);
	});

	test('every step can be skipped, and the reality list is kept for next time', async ({
		page
	}) => {
		await controlTime(page, '/drang');
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: 'Nu niet' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByLabel('Iets toevoegen aan je lijst').fill('Ik liep op eieren.');
		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Niet wachten' }).click();
		await page.getByRole('button', { name: 'Zeg ik liever niet' }).click();
		await expect(page.getByRole('heading', { name: 'Dat is goed. Het is van jou.' })).toBeVisible();

		await controlTime(page, '/drang');
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: 'Nu niet' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page.getByRole('listitem')).toHaveText(['Ik liep op eieren. ×']);
		const urges = await storedRecords<UrgeRecord>(page, 'urges');
		expect(urges).toHaveLength(2);
		expect(urges.some((u) => u.contact === 'unsaid')).toBe(true);
	});

	test('the strength scale explains the urge, not tension, in both languages', async ({ page }) => {
		for (const [path, question, scale, wrong] of [
			[
				'/drang',
				'Hoe sterk is de drang nu?',
				'0 is helemaal geen drang, 10 is de sterkste drang',
				/gespannen/
			],
			[
				'/en/drang',
				'How strong is the urge right now?',
				'0 is no urge at all, 10 is the strongest urge',
				/tense/
			]
		] as const) {
			await controlTime(page, path);
			await expect(page.getByRole('button', { name: /Pauze|Pause/ })).toBeVisible();
			await page.clock.runFor(61_000);
			await page.getByRole('button', { name: /^(Nu niet|Not now)$/ }).click();
			const rating = page.getByRole('region', { name: question });
			await expect(rating).toContainText(scale);
			await expect(rating).not.toContainText(wrong);
		}
	});
});
