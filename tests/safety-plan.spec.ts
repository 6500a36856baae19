import type { Locator, Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	putRecords,
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
	await region.getByRole('button', { name: /^(Voeg toe|Add)/ }).click();
	await expect(region.getByText(text)).toBeVisible();
}

/** Adds a person to call to step 4. */
async function addPerson(page: Page, name: string, phone: string) {
	const region = page.getByRole('region', { name: 'Mensen die ik om hulp kan vragen' });
	await region.getByLabel('Naam').fill(name);
	await region.getByLabel(/^Telefoonnummer/).fill(phone);
	await region.getByRole('button', { name: 'Voeg toe' }).click();
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator, { back = false } = {}) {
	for (let presses = 0; presses < 80; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	await expect(target).toBeFocused();
}

/** The number of entries stored in one step of the plan. */
async function storedCount(page: Page, id: string): Promise<number> {
	const lists = await storedRecords<{ id: string; items: unknown[] }>(page, 'lists');
	return lists.find((list) => list.id === id)?.items.length ?? 0;
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

	test('is filled in, changed and used by keyboard alone', async ({ page }) => {
		// Many steps, each waiting for the page: slow on a shared machine.
		test.slow();
		await page.goto('/plan');
		await waitForApp(page);
		const signs = page.getByRole('region', { name: 'Mijn signalen' });
		const signField = page.getByRole('textbox', {
			name: 'Iets toevoegen aan deze stap – Mijn signalen'
		});
		await tabTo(page, signField);
		await page.keyboard.type('slecht slapen');
		await page.keyboard.press('Enter');
		await expect(signs.getByText('slecht slapen')).toBeVisible();
		await expect(signField).toBeFocused();
		await page.keyboard.type(SIGN);
		await page.keyboard.press('Enter');
		await expect(signs.getByText(SIGN)).toBeVisible();

		// Changed in place; Escape leaves it as it was, focus back on its edit button.
		const editFirst = signs.getByRole('button', { name: 'Pas aan: slecht slapen' });
		await tabTo(page, editFirst, { back: true });
		await page.keyboard.press('Enter');
		const editField = signs.getByRole('textbox', { name: 'Nieuwe woorden voor deze regel' });
		await expect(editField).toBeFocused();
		await expect(editField).toHaveValue('slecht slapen');
		await expectNoAxeViolations(page);
		await page.keyboard.type(' en zo');
		await page.keyboard.press('Escape');
		await expect(editFirst).toBeFocused();
		await expect(signs.getByText('slecht slapen', { exact: true })).toBeVisible();
		await page.keyboard.press('Space');
		await expect(editField).toBeFocused();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('slecht slapen, vroeg wakker');
		await page.keyboard.press('Enter');
		const editChanged = signs.getByRole('button', { name: 'Pas aan: slecht slapen, vroeg wakker' });
		await expect(editChanged).toBeFocused();
		await expect.poll(() => storedPlan(page)).toContain('slecht slapen, vroeg wakker');

		// Taken away: focus moves to the next entry's remove button, then to the field.
		await tabTo(page, signs.getByRole('button', { name: 'Haal weg: slecht slapen, vroeg wakker' }));
		await page.keyboard.press('Enter');
		const removeSign = signs.getByRole('button', { name: `Haal weg: ${SIGN}` });
		await expect(removeSign).toBeFocused();
		await expect(signs.getByText('vroeg wakker')).toHaveCount(0);

		// A person to call: both the name and the number can be changed.
		const people = page.getByRole('region', { name: 'Mensen die ik om hulp kan vragen' });
		await tabTo(page, people.getByRole('textbox', { name: /^Naam/ }));
		await page.keyboard.type('Noor');
		await page.keyboard.press('Tab');
		await page.keyboard.type('06 12 34 56 78');
		await page.keyboard.press('Enter');
		await expect(people.getByRole('link', { name: /Bel Noor/ })).toHaveAttribute(
			'href',
			'tel:0612345678'
		);
		const editNoor = people.getByRole('button', { name: 'Pas aan: Noor' });
		await tabTo(page, editNoor, { back: true });
		await page.keyboard.press('Enter');
		await expect(people.getByRole('textbox', { name: 'Naam', exact: true })).toBeFocused();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('Noor de Wit');
		await page.keyboard.press('Tab');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('020 555 0101');
		await expectNoAxeViolations(page);
		await page.keyboard.press('Enter');
		await expect(people.getByRole('button', { name: 'Pas aan: Noor de Wit' })).toBeFocused();
		await expect(people.getByRole('link', { name: /Bel Noor de Wit/ })).toHaveAttribute(
			'href',
			'tel:0205550101'
		);
		await expect.poll(() => storedPlan(page)).toContain('020 555 0101');

		// Used now, one step at a time: each step's heading takes the focus.
		const useNow = page.getByRole('button', { name: 'Gebruik mijn plan nu' });
		await tabTo(page, useNow, { back: true });
		await page.keyboard.press('Enter');
		const heading = page.getByRole('heading', { level: 1 });
		const titles = [
			'Mijn signalen',
			'Wat ik zelf kan doen',
			'Mensen en plekken die me afleiden',
			'Mensen die ik om hulp kan vragen',
			'Hulpverleners en hulplijnen',
			'Mijn omgeving veiliger maken',
			'Wat me gaande houdt'
		];
		for (const [i, title] of titles.entries()) {
			if (i > 0) {
				await tabTo(page, page.getByRole('button', { name: 'Volgende stap' }));
				await page.keyboard.press(i % 2 === 0 ? 'Enter' : 'Space');
			}
			await expect(heading).toHaveText(title);
			await expect(heading).toBeFocused();
			await expect(page.getByText(`Stap ${i + 1} van 7`)).toBeVisible();
			if (i === 0)
				await expect(page.getByRole('region', { name: title }).getByText(SIGN)).toBeVisible();
			if (i === 3) {
				await expect(page.getByRole('link', { name: 'Bel Noor de Wit' })).toHaveAttribute(
					'href',
					'tel:0205550101'
				);
			}
		}
		await tabTo(page, page.getByRole('button', { name: 'Vorige stap' }));
		await page.keyboard.press('Enter');
		await expect(heading).toHaveText(titles[5]!);
		await expect(heading).toBeFocused();
		await tabTo(page, page.getByRole('button', { name: 'Terug naar mijn plan' }));
		await page.keyboard.press('Enter');
		await expect(useNow).toBeFocused();
	});

	test('a suggested body signal, once added, leaves the focus on the next suggestion', async ({
		page
	}) => {
		await page.goto('/plan');
		await waitForApp(page);
		// Two body signals written in the journal's urge flow turn up as suggestions. Written once
		// the app has made its database (a test that made it would race the app's first opening).
		const now = await page.evaluate(() => Date.now());
		await putRecords(
			page,
			'urges',
			['druk op mijn borst', 'koude handen'].map((bodyPlace, i) => ({
				id: `u${i}`,
				startedAt: now - (i + 1) * 60_000,
				intensity: 5,
				bodyPlace
			}))
		);
		await page.reload();
		await waitForApp(page);
		const signs = page.getByRole('region', { name: 'Mijn signalen' });
		const first = signs.getByRole('button', { name: /druk op mijn borst/ });
		await tabTo(page, first);
		await page.keyboard.press('Enter');
		await expect(signs.getByRole('listitem').getByText('druk op mijn borst')).toBeVisible();
		await expect(signs.getByRole('button', { name: /koude handen/ })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(signs.getByRole('textbox', { name: /Mijn signalen/ })).toBeFocused();
	});

	test('a full step refuses one more entry, says so, and keeps all it has', async ({ page }) => {
		// Many steps, each waiting for the page: slow on a shared machine.
		test.slow();
		await page.goto('/plan');
		await waitForApp(page);
		const safer = page.getByRole('region', { name: 'Mijn omgeving veiliger maken' });
		const field = safer.getByRole('textbox');
		for (let i = 1; i <= 50; i++) {
			await field.fill(`regel ${i}`);
			await field.press('Enter');
			await expect(safer.getByRole('listitem')).toHaveCount(i);
		}
		const full =
			'Deze stap heeft 50 regels, het meeste dat erin past. Haal er eerst een weg als je iets wilt toevoegen.';
		await expect(safer.getByText(full)).toBeVisible();
		await expect.poll(() => storedCount(page, 'plan-safer')).toBe(50);

		await field.fill('regel 51');
		const add = safer.getByRole('button', { name: 'Voeg toe aan Mijn omgeving veiliger maken' });
		await expect(add).toHaveAccessibleDescription(full);
		// Pressed, it answers in words rather than doing nothing.
		await add.focus();
		await page.keyboard.press('Enter');
		await expect(safer.getByRole('listitem')).toHaveCount(50);
		await expect(safer.getByText('regel 51')).toHaveCount(0);
		// What was typed is kept, not thrown away.
		await expect(field).toHaveValue('regel 51');
		await expect(add).toBeFocused();
		await expect.poll(() => storedCount(page, 'plan-safer')).toBe(50);
		await expectNoAxeViolations(page);
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoAxeViolations(page);
		await page.emulateMedia({ colorScheme: 'light' });

		// With one taken away, the new one fits.
		await safer.getByRole('button', { name: 'Haal weg: regel 1', exact: true }).click();
		await expect(safer.getByText(full)).toHaveCount(0);
		await add.click();
		await expect(safer.getByText('regel 51')).toBeVisible();
		await expect.poll(() => storedCount(page, 'plan-safer')).toBe(50);
	});

	test.describe('with quick exit', () => {
		test.use({ allowedOrigins: ['https://www.buienradar.nl', 'https://www.bbc.com'] });

		for (const [path, lands] of [
			['/plan', 'https://www.buienradar.nl/'],
			['/en/plan', 'https://www.bbc.com/weather']
		] as const) {
			test(`leaves ${path} at once, and Back does not return to the plan`, async ({
				page,
				baseURL
			}) => {
				for (const site of ['https://www.buienradar.nl', 'https://www.bbc.com']) {
					await page.context().route(`${site}/**`, (route) =>
						route.fulfill({
							contentType: 'text/html',
							body: '<title>Weer</title><h1>Het weer</h1>'
						})
					);
				}
				await page.goto(path);
				await waitForApp(page);
				await addTo(page, /^(Wat me gaande houdt|What keeps me going)$/, REASON);
				await page.getByRole('button', { name: /^(Snel weg|Quick exit)/ }).click();
				await expect(page).toHaveURL(lands);
				await page.goBack().catch(() => null);
				expect(page.url().startsWith(baseURL!), `Back showed ${page.url()}`).toBe(false);
				await expect(page.getByText(REASON)).toHaveCount(0);
			});
		}
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
