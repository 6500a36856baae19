import type { Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	storedRecords,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

const PIN = '482913';
const SIGN = 'Ik lig wakker en pieker';
const REASON = 'Mijn kat Pip';

/** Adds one entry to a step that holds words. */
async function addTo(page: Page, step: RegExp | string, text: string) {
	const region = page.getByRole('region', { name: step });
	await region.getByRole('textbox').fill(text);
	await region.getByRole('button', { name: /^(Voeg toe|Add)$/ }).click();
	await expect(region.getByText(text)).toBeVisible();
}

/** Adds a person to call to step 4. */
async function addPerson(page: Page, name: string, phone: string) {
	const region = page.getByRole('region', { name: 'Mensen die ik om hulp kan vragen' });
	await region.getByLabel('Naam').fill(name);
	await region.getByLabel(/^Telefoonnummer/).fill(phone);
	await region.getByRole('button', { name: 'Voeg toe' }).click();
}

/** Every stored `lists` record of the plan, raw, as the browser's files hold them. */
async function storedPlan(page: Page): Promise<string> {
	const lists = await storedRecords<{ id: string }>(page, 'lists');
	return JSON.stringify(lists.filter((list) => list.id.startsWith('plan-')));
}

/** Turns the lock on from the data screen. */
async function turnLockOn(page: Page) {
	await page.goto('/gegevens');
	const lock = page.getByRole('region', { name: 'Vergrendeling' });
	await lock.getByLabel('Nieuwe code', { exact: true }).fill(PIN);
	await lock.getByLabel('Herhaal de nieuwe code').fill(PIN);
	await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
	await expect(lock.getByText('De vergrendeling staat aan. Je eigen tekst')).toBeVisible();
}

test.describe('My safety plan', () => {
	test('is written step by step offline, calls people with a tap, and is kept', async ({
		page,
		context
	}) => {
		await visitUntilOffline(page, '/hulp');
		await context.setOffline(true);
		// Reached from the help page, which "Hulp nodig?" opens on every screen.
		await page.getByRole('link', { name: 'Mijn veiligheidsplan' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn veiligheidsplan');
		await expect(page).toHaveTitle('Mijn plan · Rustpunt');
		// Never a scorecard: empty steps are fine, and nothing counts how complete it is.
		await expect(page.getByText('Nog leeg. Dat is goed zo.')).toHaveCount(7);
		await expect(page.getByText('%')).toHaveCount(0);

		await addTo(page, 'Mijn signalen', SIGN);
		await addPerson(page, 'Noor', '06 12 34 56 78');
		const people = page.getByRole('region', { name: 'Mensen die ik om hulp kan vragen' });
		await expect(people.getByRole('link', { name: /Bel Noor/ })).toHaveAttribute(
			'href',
			'tel:0612345678'
		);
		await addPerson(page, 'Sam', 'na achten');
		await expect(people.getByText('Van dit nummer kan geen belknop worden gemaakt')).toBeVisible();
		await expect(people.getByText('na achten')).toBeVisible();
		await expect(people.getByRole('link', { name: /Bel Sam/ })).toHaveCount(0);
		await addTo(page, 'Wat me gaande houdt', REASON);
		// Rustpunt's exercises and the country's crisis lines are one tap away.
		const alone = page.getByRole('region', { name: 'Wat ik zelf kan doen' });
		await expect(alone.getByRole('link', { name: 'Adem nu' })).toHaveAttribute('href', '/nu');
		const pros = page.getByRole('region', { name: 'Hulpverleners en hulplijnen' });
		await expect(pros.getByRole('link', { name: /0800-0113/ })).toHaveAttribute(
			'href',
			'tel:08000113'
		);
		await expectNoAxeViolations(page);

		// Without the lock, the words are stored as written.
		await expect.poll(() => storedPlan(page)).toContain(REASON);
		await page.reload();
		await expect(page.getByRole('region', { name: 'Mijn signalen' }).getByText(SIGN)).toBeVisible();
		await expect(
			page.getByRole('region', { name: 'Wat me gaande houdt' }).getByText(REASON)
		).toBeVisible();

		// An entry can be taken away again.
		await page
			.getByRole('region', { name: 'Mijn signalen' })
			.getByRole('button', { name: `Haal weg: ${SIGN}` })
			.click();
		await expect(page.getByText(SIGN)).toHaveCount(0);
		await expect.poll(() => storedPlan(page)).not.toContain(SIGN);
	});

	test('"use my plan now" shows one step at a time and works by keyboard alone', async ({
		page
	}) => {
		await page.goto('/plan');
		await waitForApp(page);
		await addPerson(page, 'Noor', '+31 6 1234 5678');
		await expect(page.getByRole('link', { name: /Bel Noor/ })).toBeVisible();
		await page.getByRole('button', { name: 'Gebruik mijn plan nu' }).focus();
		await page.keyboard.press('Enter');
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toHaveText('Mijn signalen');
		await expect(heading).toBeFocused();
		await expect(page.getByText('Stap 1 van 7')).toBeVisible();
		await expect(page.getByText('Hier staat nog niets.')).toBeVisible();
		await expectNoAxeViolations(page);
		for (const title of [
			'Wat ik zelf kan doen',
			'Mensen en plekken die me afleiden',
			'Mensen die ik om hulp kan vragen'
		]) {
			await page.getByRole('button', { name: 'Volgende stap' }).focus();
			await page.keyboard.press('Enter');
			await expect(heading).toHaveText(title);
			await expect(heading).toBeFocused();
		}
		await expect(page.getByRole('link', { name: 'Bel Noor' })).toHaveAttribute(
			'href',
			'tel:+31612345678'
		);
		await page.getByRole('button', { name: 'Terug naar mijn plan' }).click();
		await expect(page.getByRole('button', { name: 'Gebruik mijn plan nu' })).toBeFocused();
	});

	test('is sealed under the lock; the numbers show on the lock screen only when chosen', async ({
		page
	}) => {
		await page.goto('/plan');
		await waitForApp(page);
		await addTo(page, 'Mijn signalen', SIGN);
		await addPerson(page, 'Noor', '06 12 34 56 78');
		await addTo(page, 'Wat me gaande houdt', REASON);
		await expect.poll(() => storedPlan(page)).toContain('Noor');
		await turnLockOn(page);
		// No plan text in the clear while locked.
		const sealed = await storedPlan(page);
		for (const words of [SIGN, REASON, 'Noor', '12 34']) expect(sealed).not.toContain(words);

		await page
			.getByRole('region', { name: 'Vergrendeling' })
			.getByRole('button', { name: 'Nu vergrendelen' })
			.click();
		await page.goto('/plan');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.getByText(SIGN)).toHaveCount(0);
		await expect(page.getByRole('link', { name: /Bel Noor/ })).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Mijn plan', exact: true })).toBeVisible();

		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByRole('region', { name: 'Mijn signalen' }).getByText(SIGN)).toBeVisible();
		const choice = page.getByRole('switch', { name: /stap 4 en 5 ook zien op het vergrendel/ });
		await expect(choice).not.toBeChecked();
		await expect(page.getByText('Nu staan ze achter je code')).toBeVisible();
		await choice.check();
		await expect(page.getByText('niet versleuteld bewaard')).toBeVisible();
		await expectNoAxeViolations(page);
		await expect.poll(() => storedPlan(page)).toContain('Noor');
		const chosen = await storedPlan(page);
		expect(chosen).not.toContain(SIGN);
		expect(chosen).not.toContain(REASON);

		// Locked again (a new page load forgets the key): the chosen number is there to call,
		// and nothing else of the plan.
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.getByRole('link', { name: 'Bel Noor' })).toHaveAttribute(
			'href',
			'tel:0612345678'
		);
		await expect(page.getByText(SIGN)).toHaveCount(0);
		await expectNoAxeViolations(page);

		// Taking the choice back seals the numbers again.
		await page.goto('/plan');
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await page.getByRole('switch', { name: /stap 4 en 5 ook zien/ }).uncheck();
		await expect.poll(() => storedPlan(page)).not.toContain('Noor');
	});

	test('the urge flow has a quiet way to the plan', async ({ page }) => {
		await page.clock.install();
		await page.goto('/drang');
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await page.clock.runFor(61_000);
		await page.getByRole('button', { name: 'Nu niet' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page.getByRole('link', { name: 'Mijn veiligheidsplan' })).toHaveAttribute(
			'href',
			'/plan'
		);
	});

	test.describe('in English', () => {
		test.use({ locale: 'en-GB' });
		test('is written and used in English, and prints in full without the app around it', async ({
			page
		}) => {
			await page.goto('/en/plan');
			await waitForApp(page);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('My safety plan');
			await addTo(page, 'What keeps me going', 'My sister');
			const people = page.getByRole('region', { name: 'People I can ask for help' });
			await people.getByLabel('Name').fill('Alex');
			await people.getByLabel(/^Phone number/).fill('020 555 0101');
			await people.getByRole('button', { name: 'Add' }).click();
			await expect(people.getByRole('link', { name: /Call Alex/ })).toHaveAttribute(
				'href',
				'tel:0205550101'
			);
			await expectNoAxeViolations(page);

			await page.emulateMedia({ media: 'print' });
			await expect(page.getByRole('banner')).toBeHidden();
			await expect(page.getByRole('button', { name: 'Use my plan now' })).toBeHidden();
			await expect(page.getByText('Step 4: People I can ask for help')).toBeVisible();
			await expect(page.getByText('Alex: 020 555 0101')).toBeVisible();
			await expect(page.getByText('My sister')).toHaveCount(2);
			await expect(page.getByText('My sister').last()).toBeVisible();
			await page.emulateMedia({ media: 'screen' });

			await page.getByRole('button', { name: 'Use my plan now' }).click();
			await expect(page.getByText('Step 1 of 7')).toBeVisible();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('My warning signs');
			await expectNoAxeViolations(page);
		});
	});
});
