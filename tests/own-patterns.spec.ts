import type { Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	expectSessions,
	openAdjust,
	putRecords,
	storedRecords,
	test,
	waitForApp
} from './fixtures';

interface StoredPattern {
	id: string;
	name: string;
	inhale: number;
	exhale: number;
	holdOut: number;
	length: { kind: string; cycles?: number; minutes?: number };
}

/** Makes a pattern in the editor: in 4 s, out `exhale`, a number of breaths. */
async function makePattern(page: Page, name: string, exhale = '6,5', cycles = '3') {
	await page.goto('/patronen/bewerk');
	await waitForApp(page);
	await page.getByLabel('Naam', { exact: true }).fill(name);
	await page.getByLabel('Inademen', { exact: true }).fill('4');
	await page.getByLabel('Uitademen', { exact: true }).fill(exhale);
	await page.getByRole('radio', { name: 'Aantal ademhalingen' }).check({ force: true });
	await page.getByLabel('Ademhalingen', { exact: true }).fill(cycles);
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByText(`„${name}” is bewaard.`)).toBeVisible();
}

test.describe('Own breathing patterns', () => {
	test('bad input shows its message next to the field and saves nothing', async ({ page }) => {
		await page.goto('/patronen/bewerk');
		await waitForApp(page);
		await page.getByLabel('Naam', { exact: true }).fill('   ');
		await page.getByLabel('Inademen', { exact: true }).fill('abc');
		await page.getByLabel('Uitademen', { exact: true }).fill('-2');
		await page.getByLabel('Vasthouden na inademen').fill('1e9');
		await page.getByRole('button', { name: 'Bewaren' }).click();

		await expect(page.getByText('Niet bewaard: kijk even naar de velden')).toBeVisible();
		await expect(page.getByLabel('Naam', { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Naam', { exact: true })).toHaveAccessibleDescription(
			'Vul dit in.'
		);
		await expect(page.getByLabel('Inademen', { exact: true })).toHaveAccessibleDescription(
			'Typ een getal, zoals 4 of 4,5.'
		);
		await expect(page.getByLabel('Uitademen', { exact: true })).toHaveAccessibleDescription(
			'Tussen 0,5 en 20 seconden.'
		);
		await expect(page.getByLabel('Vasthouden na inademen')).toHaveAccessibleDescription(
			'Typ een getal, zoals 4 of 4,5.'
		);
		await expect(page.getByLabel('Naam', { exact: true })).toBeFocused();
		await expectNoAxeViolations(page);

		// A cycle over a minute is refused as a whole.
		await page.getByLabel('Naam', { exact: true }).fill('Lang');
		await page.getByLabel('Inademen', { exact: true }).fill('20');
		await page.getByLabel('Uitademen', { exact: true }).fill('20');
		await page.getByLabel('Vasthouden na inademen').fill('20');
		await page.getByLabel('Vasthouden na uitademen').fill('0,5');
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await expect(page.getByText('nu is het 60,5 s')).toBeVisible();
		expect(await storedRecords(page, 'patterns')).toEqual([]);
	});

	test('fast breathing and long holds get a gentle warning with the reason, and still save', async ({
		page
	}) => {
		await page.goto('/en/patronen/bewerk');
		await waitForApp(page);
		await page.getByLabel('Name').fill('Quick');
		await page.getByLabel('Breathe in', { exact: true }).fill('1.5');
		await page.getByLabel('Breathe out', { exact: true }).fill('2');
		await expect(page.getByText('over-breathing')).toBeVisible();
		await page.getByLabel('Hold after breathing out').fill('12');
		await expect(page.getByText('brings on panic')).toBeVisible();
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('“Quick” has been saved.')).toBeVisible();
		const [stored] = await storedRecords<StoredPattern>(page, 'patterns');
		expect(stored).toMatchObject({ name: 'Quick', inhale: 1.5, exhale: 2, holdOut: 12 });
	});

	test('a pattern is made, runs in the player, and is kept in the journal under its name', async ({
		page
	}) => {
		await page.clock.install();
		await makePattern(page, 'Avondrust');
		const [stored] = await storedRecords<StoredPattern>(page, 'patterns');
		expect(stored).toMatchObject({
			name: 'Avondrust',
			inhale: 4,
			exhale: 6.5,
			length: { kind: 'cycles', cycles: 3 }
		});
		await expect(page.getByText('in 4 s · uit 6,5 s · 3 ademhalingen')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'Start Avondrust' }).click();
		await expect(page.getByRole('heading', { name: 'Avondrust' })).toBeVisible();
		await openAdjust(page);
		await expect(page.getByText('Dit ritme duurt 3 ademhalingen.')).toBeVisible();
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText('Adem in');
		await page.clock.runFor(5000);
		await expect(page.getByRole('status')).toHaveText('Adem uit');
		await page.clock.runFor(28_000);
		await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
		await expectSessions(
			page,
			(s) => s[0]?.exerciseId === `own:${stored!.id}` && s[0].status === 'completed'
		);

		await page.goto('/dagboek');
		const session = page.getByRole('region', { name: 'Alle sessies' }).getByRole('link').first();
		await expect(session).toContainText('Avondrust');
		await page.goto('/oefeningen');
		await expect(page.getByRole('link', { name: /Avondrust/ })).toBeVisible();
	});

	test('a pattern can be duplicated, made the “breathe now” default, and deleted', async ({
		page
	}) => {
		await makePattern(page, 'Zee', '8', '10');
		await page.getByRole('button', { name: 'Zee kopiëren' }).click();
		await expect(page.getByRole('heading', { name: 'Zee (kopie)' })).toBeVisible();

		await page.getByRole('button', { name: 'Gebruik voor „Adem nu”: Zee', exact: true }).click();
		await expect(page.getByText('„Adem nu” start nu „Zee”.')).toBeVisible();
		await page.goto('/');
		await page.getByRole('link', { name: 'Adem nu' }).click();
		await expect(page.getByRole('heading', { name: 'Zee', exact: true })).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('Adem in');
		// Also on a direct load, offline-style, without asking the database first.
		await page.goto('/nu');
		await expect(page.getByRole('heading', { name: 'Zee', exact: true })).toBeVisible();

		await page.goto('/patronen');
		await page.getByRole('button', { name: 'Zee verwijderen', exact: true }).click();
		await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
		await expect(page.getByText('„Zee” is verwijderd.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Zee', exact: true })).toHaveCount(0);
		await page.goto('/nu');
		await expect(page.getByRole('heading', { name: 'Lange uitademing' })).toBeVisible();
	});

	test('a shared link opens the pattern on another phone, and a damaged code saves nothing', async ({
		page,
		browser,
		baseURL
	}) => {
		expect(baseURL).toBeDefined();
		await makePattern(page, 'Golf 🌊', '6', '12');
		await page.getByRole('button', { name: 'Golf 🌊 delen' }).click();
		const link = await page.getByLabel('Link', { exact: true }).inputValue();
		expect(link).toMatch(/\/patroon\?code=[A-Za-z0-9._-]+$/);

		// Another phone: a browser context of its own, with nothing stored.
		const phone = await browser.newContext({ baseURL: new URL(link).origin, locale: 'nl-NL' });
		const other = await phone.newPage();
		await other.goto(link);
		await waitForApp(other);
		await expect(other.getByRole('heading', { name: 'Een gedeeld ademritme' })).toBeVisible();
		await expect(other.getByRole('heading', { name: 'Golf 🌊' })).toBeVisible();
		await expectNoAxeViolations(other);
		await other.getByRole('button', { name: 'Bewaar bij mijn ritmes' }).click();
		await expect(other.getByText('„Golf 🌊” is bewaard.')).toBeVisible();
		expect(await storedRecords(other, 'patterns')).toHaveLength(1);

		const broken = link.replace(/code=1./, 'code=1z');
		await other.goto(broken);
		await expect(
			other.getByText('Dit is geen geldige ritmecode. Er is niets bewaard.')
		).toBeVisible();
		await other.goto('/patronen');
		await other.getByLabel('Plak een link of code').fill('bekijk dit eens: 1____');
		await other.getByRole('button', { name: 'Openen' }).click();
		await expect(other.getByLabel('Plak een link of code')).toHaveAccessibleDescription(
			'Dit is geen geldige ritmecode. Er is niets bewaard.'
		);
		expect(await storedRecords(other, 'patterns')).toHaveLength(1);
		await phone.close();
	});

	test('a damaged stored pattern is shown as needing repair and never runs', async ({ page }) => {
		await page.goto('/patronen');
		await waitForApp(page);
		await putRecords(page, 'patterns', [
			{
				id: 'broken',
				name: 'Kapot',
				inhale: 'veel',
				inhaleTop: 0,
				holdIn: 0,
				exhale: 99,
				holdOut: 0,
				length: { kind: 'cycles', cycles: 3 },
				createdAt: 1,
				updatedAt: 1
			}
		]);
		await page.reload();
		await expect(page.getByText('Dit ritme is beschadigd en kan niet starten.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Start Kapot' })).toHaveCount(0);
		await page.goto('/patroon?id=broken');
		await expect(page.getByText('Dit ritme is beschadigd en kan niet starten.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Pauze' })).toHaveCount(0);
	});
});
