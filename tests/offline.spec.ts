import { expect, expectSessions, test, visitUntilOffline } from './fixtures';

test.describe('Offline', () => {
	test('after one visit, every page and the exercise work in airplane mode', async ({
		page,
		context
	}) => {
		await page.clock.install();
		await visitUntilOffline(page);
		await context.setOffline(true);

		for (const path of [
			'/',
			'/en',
			'/oefening/box',
			'/en/oefening/coherent',
			'/en/nu',
			'/programmas',
			'/en/programma?id=fundament',
			'/instellingen',
			'/patronen',
			'/en/patronen/bewerk',
			'/patroon?code=1IAAMAc10.UnVzdA'
		]) {
			const response = await page.goto(path);
			expect(response?.ok(), path).toBe(true);
			await expect(page.locator('main h1, main h2').first(), path).toBeVisible();
		}

		await page.goto('/');
		await page.getByRole('link', { name: 'Adem nu' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		const phase = page.getByRole('status');
		await expect(phase).toHaveText('Adem in');
		await page.clock.runFor(5500);
		await expect(phase).toHaveText('Adem uit');
		await page.getByRole('button', { name: 'Stop' }).click();
		await expectSessions(page, (s) => s[0]?.status === 'stopped');
	});

	test('keeps the icons its pages show, and leaves those only an install asks for to the network', async ({
		page,
		context,
		pageErrors
	}) => {
		await visitUntilOffline(page);
		await context.setOffline(true);
		const icons = [
			'/favicon.png',
			'/icons/apple-touch-icon.png',
			'/icons/neutral-192.png',
			'/icons/icon-512.png',
			'/icons/maskable-512.png'
		];
		const answers = await page.evaluate(
			(addresses) =>
				Promise.all(
					addresses.map((address) =>
						fetch(address).then(
							(response) => response.status,
							() => 'offline'
						)
					)
				),
			icons
		);
		expect(Object.fromEntries(icons.map((icon, i) => [icon, answers[i]]))).toEqual({
			'/favicon.png': 200,
			'/icons/apple-touch-icon.png': 200,
			'/icons/neutral-192.png': 200,
			'/icons/icon-512.png': 'offline',
			'/icons/maskable-512.png': 'offline'
		});
		// The two that are not kept fail to load, as they would without the app: said, and fine.
		const failed = (error: string) => error.includes('net::ERR_FAILED');
		pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !failed(e)));
	});

	test('the sounds come from the cache when offline', async ({ page, context }) => {
		await visitUntilOffline(page);
		await context.setOffline(true);
		const sizes = await page.evaluate(async () => {
			const names = ['inhale', 'inhale-top', 'hold', 'exhale', 'bell'];
			return Promise.all(
				names.map(async (n) => (await (await fetch(`/audio/${n}.wav`)).arrayBuffer()).byteLength)
			);
		});
		for (const size of sizes) expect(size).toBeGreaterThan(1000);
		const partial = await page.evaluate(async () => {
			const response = await fetch('/audio/bell.wav', { headers: { range: 'bytes=0-99' } });
			return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
		});
		expect(partial).toEqual({ status: 206, bytes: 100 });
	});
});
