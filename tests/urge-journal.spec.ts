import { controlTime, expect, expectNoAxeViolations, test } from './fixtures';

test.describe('Urges in the journal', () => {
	test('an urge shows in its day with what helped and how it went, and the count begins again kindly', async ({
		page
	}) => {
		await controlTime(page, '/gegevens');
		// The count is off until the person turns it on.
		const count = page.getByRole('switch', { name: 'Dagen zonder contact tellen' });
		await expect(count).not.toBeChecked();
		await count.check();
		await expect(page.getByLabel('Tellen vanaf')).toBeVisible();

		await page.goto('/drang');
		// The minute of breathing runs once the app has started it.
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await page.clock.runFor(61_000);
		await page.getByRole('button', { name: 'Nu niet' }).click();
		await page.getByRole('button', { name: '7 van 10' }).click();
		await page.getByLabel('Wat hoop ik te voelen als ik contact zoek?').fill('Gezien worden');
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page
			.getByRole('radio', { name: 'Opschrijven wat je wilde zeggen' })
			.check({ force: true });
		await page.getByRole('button', { name: 'Niet wachten' }).click();
		await page.getByRole('button', { name: 'Ja' }).click();
		await expect(page.getByRole('heading', { name: /Je bent niet terug bij af/ })).toBeVisible();

		await page.goto('/dagboek');
		const urge = page.getByRole('listitem').filter({ hasText: 'Drang om contact' });
		await expect(urge).toContainText('sterkte 7 van 10');
		await expect(urge).toContainText('koos: opschrijven');
		await expect(urge).toContainText('er was contact, en je kwam hier terug');
		await expect(urge).toContainText('Hoopte te voelen: Gezien worden');
		const counted = page.getByRole('region', { name: 'Dagen zonder contact' });
		await expect(counted).toContainText('je bent er weer');
		await expect(counted).not.toContainText(/mislukt|opnieuw beginnen bij nul/i);
		await expectNoAxeViolations(page);

		// Three days later the count says three days, counted from the last contact.
		await page.clock.runFor(3 * 86_400_000);
		await page.reload();
		await expect(counted).toContainText('3 dagen zonder contact.');
		await expect(counted).toContainText('Geteld vanaf je laatste contact.');
	});

	test('the minute of breathing in an urge is part of that urge in the journal, not a line of its own', async ({
		page
	}) => {
		await controlTime(page, '/drang');
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await page.clock.runFor(61_000);
		await page.getByRole('button', { name: 'Nu niet' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Niet wachten' }).click();
		await page.getByRole('button', { name: 'Nee' }).click();

		await page.goto('/dagboek');
		const history = page.getByRole('region', { name: 'Alle sessies' });
		const urge = history.getByRole('listitem').filter({ hasText: 'Drang om contact' });
		await expect(urge.getByRole('link', { name: '1 min geademd' })).toBeVisible();
		// The day holds one line: the urge, with its breathing inside it.
		await expect(history.getByRole('listitem')).toHaveCount(1);
		await expectNoAxeViolations(page);
	});
});
