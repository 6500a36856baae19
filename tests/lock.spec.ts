import type { Page } from '@playwright/test';
import { makeSessions, seedSessions } from '../bench/lib/seed-journal.js';
import {
	expect,
	expectNoAxeViolations,
	expectSessions,
	storedRecords,
	storedSessions,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

const PIN = '482913';
const NOTE = 'Vandaag wilde ik hem bijna bellen.';

/** Stores a session with a note, then turns the lock on from the data screen. */
async function lockWithNote(page: Page) {
	await page.goto('/');
	await waitForApp(page);
	const [session] = makeSessions(1, Date.now());
	await seedSessions(page, [{ ...session, note: NOTE }]);
	await page.goto('/gegevens');
	const lock = page.getByRole('region', { name: 'Vergrendeling' });
	await expect(lock.getByText('vergeet je de code')).toBeVisible();
	await lock.getByLabel('Nieuwe code', { exact: true }).fill(PIN);
	await lock.getByLabel('Herhaal de nieuwe code').fill(PIN);
	await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
	await expect(lock.getByText('De vergrendeling staat aan. Je eigen tekst')).toBeVisible();
}

test.describe('The app lock', () => {
	test('tells about a forgotten code and offers the export before the lock goes on', async ({
		page
	}) => {
		await page.goto('/gegevens');
		const lock = page.getByRole('region', { name: 'Vergrendeling' });
		await expect(lock.getByText('niet terug te halen')).toBeVisible();
		// What a PIN and a passphrase each protect against, before choosing.
		await expect(lock.getByText('Een pincode van 6 cijfers houdt iemand tegen')).toBeVisible();
		await expect(lock.getByText('raden we een wachtzin aan')).toBeVisible();
		await expect(lock.getByRole('radio', { name: /^Pincode/ })).toBeChecked();
		const download = page.waitForEvent('download');
		await lock.getByRole('button', { name: 'Eerst alles exporteren' }).click();
		await download;
		// A PIN too short or two different codes are refused before anything is stored.
		await lock.getByLabel('Nieuwe code', { exact: true }).fill('1234');
		await lock.getByLabel('Herhaal de nieuwe code').fill('1234');
		await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
		await expect(lock.getByText('minstens 6 cijfers, en alleen')).toBeVisible();
		await lock.getByLabel('Nieuwe code', { exact: true }).fill(PIN);
		await lock.getByLabel('Herhaal de nieuwe code').fill('482914');
		await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
		await expect(lock.getByText('niet hetzelfde')).toBeVisible();
		expect(await storedRecords(page, 'settings')).toEqual([]);
		await expectNoAxeViolations(page);
	});

	test.describe('in English', () => {
		test.use({ locale: 'en-GB' });
		test('the choice of code is explained in plain words, and the screen passes axe', async ({
			page
		}) => {
			await page.goto('/en/gegevens');
			const lock = page.getByRole('region', { name: 'App lock' });
			await expect(
				lock.getByText('A 6-digit PIN stops someone who picks up your phone.')
			).toBeVisible();
			await expect(lock.getByText('try every possible PIN')).toBeVisible();
			await expect(lock.getByRole('radio', { name: /^Passphrase/ })).toBeEnabled();
			await expectNoAxeViolations(page);
		});
	});

	test('after a reload only the lock screen, breathing and help show; the PIN opens the journal', async ({
		page
	}) => {
		await lockWithNote(page);
		// The note is stored sealed: the browser's own records do not hold the words.
		const [stored] = await storedSessions(page);
		expect(JSON.stringify(stored)).not.toContain('bellen');

		for (const path of ['/', '/dagboek', '/gegevens', '/oefening/box', '/grens', '/en/dagboek']) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				path.startsWith('/en') ? 'Locked' : 'Vergrendeld'
			);
			await expect(page.getByRole('main').getByRole('link')).toHaveText(
				path.startsWith('/en')
					? ['Breathe now, no code needed', 'Urge to make contact?', 'Need help?', 'My plan']
					: ['Adem nu, zonder code', 'Drang om contact te zoeken?', 'Hulp nodig?', 'Mijn plan']
			);
			await expect(page.getByText(NOTE)).toHaveCount(0);
		}
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expectNoAxeViolations(page);
		// The prerendered pages hold nothing of the journal: the gate decides before it shows.
		const html = await (await page.request.get('/dagboek')).text();
		expect(html).not.toContain('Alle sessies');
		expect(html).toMatch(/<main id="main"[^>]*><!--\[-1--><!--\]--><!----><\/main>/);

		// Breathe now works without the code and shows nothing of the journal.
		await page.getByRole('link', { name: 'Adem nu, zonder code' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await expect(page.getByText(NOTE)).toHaveCount(0);
		await expect(page.getByRole('link', { name: /sessie|dagboek/i })).toHaveCount(0);
		// Help is always there.
		await page.goto('/hulp');
		await expect(page.getByRole('link', { name: /113/ }).first()).toBeVisible();

		await page.goto('/dagboek');
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Vergrendeld');
		await expect(page.getByText(NOTE)).toBeVisible();
	});

	test('wrong PINs are slowed down kindly, also after a reload, and nothing is wiped', async ({
		page
	}) => {
		await lockWithNote(page);
		await page.clock.install();
		await page.goto('/dagboek');
		const pin = page.getByLabel('Je pincode');
		for (const wrong of ['111111', '222222']) {
			await pin.fill(wrong);
			await page.getByRole('button', { name: 'Openen' }).click();
			await expect(page.getByText('niet de goede code')).toBeVisible();
		}
		await pin.fill('333333');
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByText(/over 30 seconden weer proberen/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Openen' })).toBeDisabled();

		await page.reload();
		await expect(page.getByText(/over \d+ seconden weer proberen/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Openen' })).toBeDisabled();
		await page.clock.runFor(31_000);
		await expect(page.getByRole('button', { name: 'Openen' })).toBeEnabled();
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByText(NOTE)).toBeVisible();
		expect(await storedSessions(page)).toHaveLength(1);
	});

	test('text typed in the urge flow from the lock screen is stored sealed', async ({ page }) => {
		await lockWithNote(page);
		await page.clock.install();
		await page.goto('/');
		await page.getByRole('link', { name: 'Drang om contact te zoeken?' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await page.clock.runFor(61_000);
		await page.getByRole('button', { name: 'Nu niet' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await expect(page.getByText('Je vergrendeling staat aan: wat je hier typt')).toBeVisible();
		await page.getByLabel('Wat hoop ik te voelen als ik contact zoek?').fill('Gezien worden');
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page.getByText('Je realiteitslijst zit achter je code')).toBeVisible();
		await expectNoAxeViolations(page);
		await expect
			.poll(async () => JSON.stringify(await storedRecords(page, 'urges')))
			.toContain('"hope":"\\u0001rp1:');
		expect(JSON.stringify(await storedRecords(page, 'urges'))).not.toContain('Gezien');
	});

	test('locks again on "lock now", and turning it off needs the PIN and opens the text', async ({
		page
	}) => {
		await lockWithNote(page);
		const lock = page.getByRole('region', { name: 'Vergrendeling' });
		await lock.getByRole('button', { name: 'Nu vergrendelen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		const off = page.getByRole('form', { name: 'Vergrendeling uitzetten' });
		await off.getByLabel('Huidige code').fill(PIN);
		await off.getByRole('button', { name: 'Vergrendeling uitzetten' }).click();
		await expect(page.getByText('De vergrendeling staat uit.')).toBeVisible();
		expect((await storedSessions(page))[0]?.note).toBe(NOTE);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je gegevens');
	});

	test('"lock now" in one tab locks every open tab at once, without a reload', async ({
		page,
		context
	}) => {
		await lockWithNote(page);
		const other = await context.newPage();
		await other.goto('/dagboek');
		await other.getByLabel('Je pincode').fill(PIN);
		await other.getByRole('button', { name: 'Openen' }).click();
		await expect(other.getByText(NOTE)).toBeVisible();

		await page
			.getByRole('region', { name: 'Vergrendeling' })
			.getByRole('button', { name: 'Nu vergrendelen' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(other.getByText(NOTE)).toHaveCount(0);
		// Only a mark of the lock is stored, for the tabs that were asleep.
		const stored = await other.evaluate(() => ({ ...localStorage }));
		expect(stored['rustpunt:lock-mark']).toMatch(/^\d+-[a-z0-9]+$/);

		// The other tab opens again with the code, as always.
		await other.getByLabel('Je pincode').fill(PIN);
		await other.getByRole('button', { name: 'Openen' }).click();
		await expect(other.getByText(NOTE)).toBeVisible();
	});

	test('"lock now" also locks a tab that never saw the lock go on', async ({ page, context }) => {
		await page.goto('/');
		await waitForApp(page);
		const [session] = makeSessions(1, Date.now());
		await seedSessions(page, [{ ...session, note: NOTE }]);
		// Opened while there was no lock yet: the journal is open without a code.
		const other = await context.newPage();
		await other.goto('/dagboek');
		await expect(other.getByText(NOTE)).toBeVisible();

		await page.goto('/gegevens');
		const lock = page.getByRole('region', { name: 'Vergrendeling' });
		await lock.getByLabel('Nieuwe code', { exact: true }).fill(PIN);
		await lock.getByLabel('Herhaal de nieuwe code').fill(PIN);
		await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
		await lock.getByRole('button', { name: 'Nu vergrendelen' }).click();
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(other.getByText(NOTE)).toHaveCount(0);
	});

	test.describe('with quick exit', () => {
		test.use({ allowedOrigins: ['https://www.buienradar.nl'] });
		test('quick exit in one tab saves the exercise running in another before it leaves, with the lock on', async ({
			page,
			context
		}) => {
			await context.route('https://www.buienradar.nl/**', (route) =>
				route.fulfill({ contentType: 'text/html', body: '<title>Weer</title>' })
			);
			await lockWithNote(page);
			const other = await context.newPage();
			await other.clock.install();
			await other.goto('/oefening/box');
			await other.getByLabel('Je pincode').fill(PIN);
			await other.getByRole('button', { name: 'Openen' }).click();
			await other.getByRole('button', { name: 'Begin', exact: true }).click();
			await expect(other.getByRole('button', { name: 'Pauze' })).toBeVisible();
			await other.clock.runFor(6000);

			await page.getByRole('button', { name: /^Snel weg/ }).click();
			await expect(page).toHaveURL('https://www.buienradar.nl/');
			await expect(other).toHaveURL('https://www.buienradar.nl/');
			const back = await context.newPage();
			await back.goto('/');
			await expectSessions(back, (sessions) =>
				sessions.some((s) => s.exerciseId === 'box' && s.status === 'stopped' && s.activeMs >= 5000)
			);
		});
	});

	test('unlocked on the home screen, it stays open on the way to the journal', async ({ page }) => {
		await lockWithNote(page);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByRole('link', { name: 'Adem nu' })).toBeVisible();
		// With a lock set the home screen runs the router: the key stays in the page's memory.
		await page
			.getByRole('navigation', { name: 'Hoofdmenu' })
			.getByRole('link', { name: 'Dagboek' })
			.click();
		await expect(page.getByText(NOTE)).toBeVisible();
		await expect(page.getByLabel('Je pincode')).toHaveCount(0);
	});

	test('the home screen shows the lock also when it did not know a lock was set', async ({
		page
	}) => {
		await lockWithNote(page);
		// As a lock set by a version before the home screen kept a copy of it.
		await page.evaluate(() => localStorage.removeItem('rustpunt:lock-set'));
		await page.goto('/');
		// The home screen's own island runs, and the lock screen takes its place.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.locator('html')).toHaveAttribute('data-app', 'island');
		await expect(page.getByRole('link', { name: 'Adem nu, zonder code' })).toBeVisible();
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByRole('link', { name: 'Adem nu', exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rustpunt');
		// From now on the home screen knows, and runs the router.
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.locator('html')).toHaveAttribute('data-app', '');
	});

	test('locked from another tab, the home screen opened as a page puts the lock in its place', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await expect(page.locator('html')).toHaveAttribute('data-app', 'island');
		const other = await context.newPage();
		await lockWithNote(other);
		await other.getByRole('button', { name: 'Nu vergrendelen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.getByRole('link', { name: 'Adem nu', exact: true })).toHaveCount(0);
	});

	test('a tab that slept through a lock elsewhere locks as soon as it is seen again', async ({
		page
	}) => {
		await lockWithNote(page);
		await page.goto('/dagboek');
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByText(NOTE)).toBeVisible();
		// Another tab locked while this one was frozen: the message never came, the mark did.
		await page.evaluate(() => {
			localStorage.setItem('rustpunt:lock-mark', 'locked-elsewhere');
			Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		});
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.getByText(NOTE)).toHaveCount(0);
	});

	test('locks again after five minutes in the background, not after a short look away', async ({
		page
	}) => {
		await page.clock.install();
		await lockWithNote(page);
		const hide = (state: 'hidden' | 'visible') =>
			page.evaluate((value) => {
				Object.defineProperty(document, 'visibilityState', { value, configurable: true });
				document.dispatchEvent(new Event('visibilitychange'));
			}, state);
		await page.goto('/dagboek');
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByText(NOTE)).toBeVisible();

		await hide('hidden');
		await page.clock.runFor(60_000);
		await hide('visible');
		await expect(page.getByText(NOTE)).toBeVisible();

		await hide('hidden');
		await page.clock.runFor(5 * 60_000);
		await hide('visible');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
		await expect(page.getByText(NOTE)).toHaveCount(0);
	});

	test('the lock screen and unlocking work offline', async ({ page, context }) => {
		await visitUntilOffline(page, '/');
		await lockWithNote(page);
		await context.setOffline(true);
		await page.goto('/dagboek');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vergrendeld');
		await page.getByLabel('Je pincode').fill(PIN);
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByText(NOTE)).toBeVisible();
	});
});
