import type { Page } from '@playwright/test';
import type { UrgeRecord } from '../src/lib/records/urges';
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
const SEALED = '\u0001rp1:';

/** Turns the lock on from the data screen (in Dutch: the code works in either language). */
async function turnLockOn(page: Page) {
	await page.goto('/gegevens');
	const lock = page.getByRole('region', { name: 'Vergrendeling' });
	await lock.getByLabel('Nieuwe code', { exact: true }).fill(PIN);
	await lock.getByLabel('Herhaal de nieuwe code').fill(PIN);
	await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
	await expect(lock.getByText('De vergrendeling staat aan. Je eigen tekst')).toBeVisible();
}

/** Opens the urge flow with the clock held, offline, and lets the first minute of breathing run. */
async function breatheFirst(page: Page, path: string) {
	await page.clock.install();
	await page.goto(path);
	await waitForApp(page);
	await expect(page.getByRole('button', { name: /^(Pauze|Pause)$/ })).toBeVisible();
	await page.clock.runFor(61_000);
}

/** The one urge record, as the browser stores it. */
async function storedUrge(page: Page): Promise<UrgeRecord | undefined> {
	return (await storedRecords<UrgeRecord>(page, 'urges'))[0];
}

test.describe('The unsent message', () => {
	// Ten or twenty minutes of the wait run on Playwright's clock, which takes a while on a busy machine.
	test.slow();

	test('in Dutch without a lock: written, read again after the wait, kept, and in the journal', async ({
		page,
		context
	}) => {
		const words = 'Ik mis je nog steeds.\nMag ik je bellen?';
		await visitUntilOffline(page, '/');
		await context.setOffline(true);
		await breatheFirst(page, '/drang');

		await expect(
			page.getByRole('heading', { name: 'Schrijf het hier, niet naar hen' })
		).toBeFocused();
		await expect(
			page.getByText('wie Rustpunt op deze telefoon opent, kan het wel lezen')
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByLabel('Wat je hen wilt zeggen').fill(words);
		await page.getByRole('button', { name: 'Bewaren en verder' }).click();

		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Wacht 10 minuten' }).click();
		await expect(page.getByText('Mag ik je bellen?')).toHaveCount(0);
		await page.clock.runFor(601_000);

		// After the wait: the message, offered to read again, and three choices without judgement.
		await expect(page.getByRole('heading', { name: 'Wat je hier schreef' })).toBeFocused();
		await expect(page.getByText('Mag ik je bellen?')).toHaveCount(0);
		await page.getByRole('button', { name: 'Lees het nog eens' }).click();
		await expect(page.getByText('Mag ik je bellen?')).toBeVisible();
		// Shown as text: no field to select from, and nothing offers to copy or share it.
		await expect(page.getByRole('textbox')).toHaveCount(0);
		await expect(page.getByRole('button', { name: /kopi|deel|copy|share/i })).toHaveCount(0);
		// The choice stands in for the question about contact: not both.
		await expect(page.getByRole('heading', { name: 'Heb je contact gezocht?' })).toHaveCount(0);
		const choices = page.getByRole('group', { name: /Hoe voelt het nu\?/ });
		await expect(choices.getByRole('button')).toHaveText([
			'Ik wil het nog steeds sturen',
			'Hier laten staan',
			'Loslaten en wissen'
		]);
		await expectNoAxeViolations(page);
		await choices.getByRole('button', { name: 'Hier laten staan' }).click();
		await expect(page.getByRole('heading', { name: /Je woorden staan hier/ })).toBeVisible();

		await expect
			.poll(() => storedUrge(page))
			.toMatchObject({
				unsent: words,
				unsentChoice: 'keep',
				waitedMs: 600_000
			});
		expect((await storedUrge(page))?.contact).toBeUndefined();

		// In the journal: that a message was written and kept, its words hidden until asked for.
		await page.goto('/dagboek');
		const urge = page.getByRole('listitem').filter({ hasText: 'Drang om contact' });
		await expect(urge).toContainText('schreef een bericht, niet verstuurd · hier bewaard');
		await expect(page.getByText('Mag ik je bellen?')).toHaveCount(0);
		const read = urge.getByRole('button', { name: 'Lees het bericht' });
		await expect(read).toHaveAttribute('aria-expanded', 'false');
		await expectNoAxeViolations(page);
		await read.click();
		await expect(read).toHaveAttribute('aria-expanded', 'true');
		await expect(urge.getByText('Mag ik je bellen?')).toBeVisible();
		await expectNoAxeViolations(page);

		// Let go later: asked once, then the words leave the record and the moment stays.
		await urge.getByRole('button', { name: 'Laat het nu los' }).click();
		const ask = urge.getByRole('group', { name: /Wil je het nu loslaten\?/ });
		await expect(ask.getByRole('button', { name: 'Ja, laat het los' })).toBeFocused();
		await ask.getByRole('button', { name: 'Nee, laat het staan' }).click();
		await expect(urge.getByRole('button', { name: 'Laat het nu los' })).toBeFocused();
		expect((await storedUrge(page))?.unsent).toBe(words);
		await urge.getByRole('button', { name: 'Laat het nu los' }).click();
		await ask.getByRole('button', { name: 'Ja, laat het los' }).click();
		await expect(urge.getByText('Je hebt het losgelaten.')).toBeFocused();
		await expect(urge).toContainText('schreef een bericht, niet verstuurd · losgelaten en gewist');
		await expect(page.getByText('Mag ik je bellen?')).toHaveCount(0);
		await expect(urge.getByRole('button')).toHaveCount(0);
		await expect.poll(() => storedUrge(page)).toMatchObject({ unsentChoice: 'letGo' });
		const stored = await storedUrge(page);
		expect(stored).not.toHaveProperty('unsent');
		expect(stored).toMatchObject({ waitedMs: 600_000 });
		expect(JSON.stringify(await storedRecords(page, 'urges'))).not.toContain('bellen');
		await expectNoAxeViolations(page);
	});

	test('in English, a message never chosen for is hidden in the journal, read, and let go', async ({
		page
	}) => {
		const words = 'Please answer me';
		await page.goto('/en/dagboek');
		await waitForApp(page);
		await putRecords(page, 'urges', [
			{ id: 'u-en', startedAt: Date.now() - 3_600_000, intensity: 8, unsent: words }
		]);
		await page.reload();
		const urge = page.getByRole('listitem').filter({ hasText: 'Urge to make contact' });
		await expect(urge).toContainText('wrote a message, not sent');
		await expect(page.getByText(words)).toHaveCount(0);
		await urge.getByRole('button', { name: 'Read the message' }).click();
		await expect(urge.getByText(words)).toBeVisible();
		await urge.getByRole('button', { name: 'Let it go now' }).click();
		await urge.getByRole('button', { name: 'Yes, let it go' }).click();
		await expect(urge).toContainText('wrote a message, not sent · let go and deleted');
		await expect(page.getByText(words)).toHaveCount(0);
		await expect.poll(() => storedUrge(page)).toMatchObject({ id: 'u-en', unsentChoice: 'letGo' });
		expect(await storedUrge(page)).toEqual({
			id: 'u-en',
			startedAt: expect.any(Number),
			intensity: 8,
			unsentChoice: 'letGo'
		});
	});

	test('in English with the lock on: sealed while stored, let go after the wait, gone from the record', async ({
		page,
		context
	}) => {
		const words = 'I just want to hear your voice';
		await visitUntilOffline(page, '/');
		await turnLockOn(page);
		await context.setOffline(true);
		await breatheFirst(page, '/en/drang');

		await expect(page.getByRole('heading', { name: 'Write it here, not to them' })).toBeVisible();
		await expect(page.getByText('Your lock is on', { exact: false })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByLabel('What you want to tell them').fill(words);
		await page.getByRole('button', { name: 'Save and go on' }).click();

		// Stored sealed: the browser's own records do not hold the words.
		await expect
			.poll(async () => (await storedUrge(page))?.unsent ?? '')
			.toMatch(new RegExp(`^${SEALED}`));
		expect(JSON.stringify(await storedRecords(page, 'urges'))).not.toContain('your voice');

		await page.getByRole('button', { name: 'Skip' }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Wait 20 minutes' }).click();
		await page.clock.runFor(1_201_000);

		await expect(page.getByRole('heading', { name: 'What you wrote here' })).toBeVisible();
		// The app is locked: whoever holds the phone now is not offered the words, and the
		// person can still choose what happens to them.
		await expect(page.getByText('The app locked itself meanwhile')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Read it again' })).toHaveCount(0);
		await expect(page.getByText(words)).toHaveCount(0);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Let it go and delete it' }).click();
		await expect(
			page.getByRole('heading', { name: /You let it go\. The words are gone/ })
		).toBeVisible();
		await expect(page.getByText(words)).toHaveCount(0);

		await expect.poll(() => storedUrge(page)).toMatchObject({ unsentChoice: 'letGo' });
		expect(await storedUrge(page)).not.toHaveProperty('unsent');

		// Unlocked, the journal says a message was written and let go; there are no words left.
		await page.goto('/en/dagboek');
		await page.getByLabel('Your PIN').fill(PIN);
		await page.getByRole('button', { name: 'Unlock' }).click();
		const urge = page.getByRole('listitem').filter({ hasText: 'Urge to make contact' });
		await expect(urge).toContainText('wrote a message, not sent · let go and deleted');
		await expect(urge.getByRole('button', { name: 'Read the message' })).toHaveCount(0);
		await expect(urge.getByRole('button', { name: 'Let it go now' })).toHaveCount(0);
	});

	test('in Dutch with the lock on: "still send" keeps the words sealed, readable only with the code', async ({
		page,
		context
	}) => {
		const words = 'Het spijt me, kunnen we praten?';
		await visitUntilOffline(page, '/');
		await turnLockOn(page);
		await context.setOffline(true);
		await breatheFirst(page, '/drang');
		await expect(page.getByText('Je vergrendeling staat aan: wat je hier typt')).toBeVisible();
		await page.getByLabel('Wat je hen wilt zeggen').fill(words);
		await page.getByRole('button', { name: 'Bewaren en verder' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Niet wachten' }).click();
		await page.getByRole('button', { name: 'Ik wil het nog steeds sturen' }).click();
		await expect(
			page.getByRole('heading', { name: /Rustpunt verstuurt nooit iets/ })
		).toBeVisible();

		await expect.poll(() => storedUrge(page)).toMatchObject({ unsentChoice: 'send' });
		expect((await storedUrge(page))?.unsent).toMatch(new RegExp(`^${SEALED}`));
		expect(JSON.stringify(await storedRecords(page, 'urges'))).not.toContain('spijt');

		// Locked, the journal shows only the lock screen; with the code, the words when asked.
		await page.goto('/dagboek');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.getByText(words)).toHaveCount(0);
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		const urge = page.getByRole('listitem').filter({ hasText: 'Drang om contact' });
		await expect(urge).toContainText(
			'schreef een bericht, niet verstuurd · wilde het daarna nog sturen'
		);
		await expect(page.getByText(words)).toHaveCount(0);
		await urge.getByRole('button', { name: 'Lees het bericht' }).click();
		await expect(urge.getByText(words)).toBeVisible();
		// Whatever was chosen then, the words can be let go later: they are the person's.
		await expect(urge.getByRole('button', { name: 'Laat het nu los' })).toBeVisible();
	});

	test('in English, "not now" is one tap, and the wait is followed by the usual question', async ({
		page
	}) => {
		await breatheFirst(page, '/en/drang');
		await page.getByRole('button', { name: 'Not now' }).click();
		await expect(
			page.getByRole('heading', { name: 'How strong is the urge right now?' })
		).toBeVisible();
		await page.getByRole('button', { name: 'Skip' }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Wait 10 minutes' }).click();
		await page.clock.runFor(601_000);
		await expect(page.getByRole('heading', { name: 'Did you make contact?' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'What you wrote here' })).toHaveCount(0);
		expect(await storedUrge(page)).not.toHaveProperty('unsent');
	});
});
