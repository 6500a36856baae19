import { expect, test, visitUntilOffline, waitForApp } from './fixtures';

// The server that pretends a new version was deployed (see playwright.config.ts).
const UPDATE_PORT = Number(process.env.E2E_UPDATE_PORT || 4176);

// One server deploys for both tests: they run one after the other, never side by side, so that
// one test's deploy never lands in the middle of the other's update.
test.describe.configure({ mode: 'default' });

test.describe('A new version', () => {
	test.use({ baseURL: `http://localhost:${UPDATE_PORT}` });

	test('waits while an exercise runs, and is offered once none is running', async ({
		page,
		request
	}) => {
		// Installing a new version fetches every precached file: slow on a busy machine.
		test.slow();
		await visitUntilOffline(page, '/nu');
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();

		// A new build is deployed: the service worker script changes.
		await request.post('/__test/next-version');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		await expect
			.poll(
				() =>
					page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
				{ timeout: 30_000 }
			)
			.toBe(true);

		// The exercise goes on undisturbed: no offer, no reload.
		await expect(page.getByText('Er is een nieuwe versie van Rustpunt.')).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();

		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByText('Er is een nieuwe versie van Rustpunt.')).toBeVisible();
		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Nu bijwerken' }).click();
		await reloaded;
		// "Breathe now" would start again on a reload, so the new version opens at home.
		await expect(page).toHaveURL(`http://localhost:${UPDATE_PORT}/`);
		await expect
			.poll(
				() =>
					page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
				{ timeout: 30_000 }
			)
			.toBe(false);
	});
});

test.describe('A tab left on the old version after an update accepted in another tab', () => {
	test.use({
		baseURL: `http://localhost:${UPDATE_PORT}`,
		allowedOrigins: ['https://www.bbc.com']
	});

	test('still loads every kind of address in full, and quick exit still leaves no way back', async ({
		page,
		context,
		request,
		pageErrors
	}) => {
		test.setTimeout(120_000);
		await context.route('https://www.bbc.com/**', (route) =>
			route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' })
		);
		await visitUntilOffline(page, '/en/hulp');
		const stayed = await context.newPage();
		await stayed.goto('/en/dagboek');
		await waitForApp(stayed);

		// A new build is deployed and accepted in the first tab.
		await request.post('/__test/next-version');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		await expect
			.poll(() =>
				page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
			)
			.toBe(true);
		await page.getByRole('button', { name: 'Update now' }).click();
		await expect
			.poll(() =>
				stayed.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
			)
			.toBe(false);

		// The tab that stayed moves on by links (whole pages now, each in place of the last).
		await stayed.getByRole('link', { name: 'Rustpunt', exact: true }).click();
		await expect(stayed).toHaveURL(/\/en$/);
		await stayed.getByRole('link', { name: 'Breathe now' }).click();
		await expect(stayed.getByRole('button', { name: 'Pause' })).toBeVisible();
		await stayed.getByRole('button', { name: /^Quick exit/ }).click();
		await expect(stayed).toHaveURL('https://www.bbc.com/weather');
		await stayed.goBack().catch(() => null);
		expect(stayed.url()).not.toContain(`localhost:${UPDATE_PORT}`);

		// Full loads of old and unknown addresses, from the new version's service worker.
		const again = await context.newPage();
		for (const [address, heading] of [
			['/en/', 'Rustpunt'],
			['/en/hulp/', 'Need help?'],
			['/en/oefening/does-not-exist', "This page doesn't exist"]
		] as const) {
			await again.goto(address);
			await waitForApp(again);
			await expect(again.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
			await expect(again.getByRole('button', { name: /^Quick exit/ })).toBeVisible();
		}
		// The browser reports the "not found" answer itself; nothing else may go wrong.
		const answered404 = (error: string) => /^Failed to load resource: .* 404 /.test(error);
		expect(pageErrors.filter(answered404)).toHaveLength(1);
		pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !answered404(e)));
	});
});
