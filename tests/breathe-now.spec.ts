import type { Page } from '@playwright/test';
import {
	controlTime,
	expect,
	expectSessions,
	pauseTime,
	storedSessions,
	test,
	waitForApp
} from './fixtures';

/**
 * The ways "breathe now" runs, each ending with the pacer running and the app's code in charge:
 * tapped on the home page opened as a page (its island loads /nu as a page), tapped on a home
 * page the router shows (the router renders /nu), and opened as a page, as the home screen's
 * shortcut opens it. Opened as a page, /nu's own island hydrates it
 * (src/lib/crisis/island.svelte.ts).
 */
const WAYS_IN: Record<string, (page: Page) => Promise<void>> = {
	'tapped on home': async (page) => {
		await controlTime(page, '/');
		await page.getByRole('link', { name: 'Adem nu' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await waitForApp(page);
	},
	'tapped on home, by the router': async (page) => {
		await controlTime(page, '/oefeningen');
		await page
			.getByRole('navigation', { name: 'Hoofdmenu' })
			.getByRole('link', { name: 'Start' })
			.click();
		await page.getByRole('link', { name: 'Adem nu' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
	},
	'opened as a page': async (page) => {
		await controlTime(page, '/nu');
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
	}
};

for (const [wayIn, breatheNow] of Object.entries(WAYS_IN))
	test.describe(`Breathe now, ${wayIn}`, () => {
		test('one tap starts the breathing pacer and the phases change on time', async ({ page }) => {
			await breatheNow(page);
			await pauseTime(page);
			const phase = page.getByRole('status');
			await expect(phase).toHaveText('Adem in');
			await expect(page.getByRole('heading', { name: 'Lange uitademing' })).toBeVisible();

			// 4 s in, 6 s out. The first inhale began at the tap (the home page's preview breathes
			// while /nu comes), so part of it may have gone: the turns are timed, 15 s in 250 ms steps.
			const turns: { atMs: number; to: string | null }[] = [];
			let last = await phase.textContent();
			for (let atMs = 250; atMs <= 15_000; atMs += 250) {
				await page.clock.runFor(250);
				const now = await phase.textContent();
				if (now !== last) turns.push({ atMs, to: now });
				last = now;
			}
			expect(turns.map(({ to }) => to)).toEqual(['Adem uit', 'Adem in', 'Adem uit']);
			const [out, inAgain, outAgain] = turns.map(({ atMs }) => atMs) as [number, number, number];
			expect(out, 'the first inhale ends within its 4 s').toBeLessThanOrEqual(4000);
			expect(Math.abs(inAgain - out - 6000), 'the exhale lasts 6 s').toBeLessThanOrEqual(250);
			expect(Math.abs(outAgain - inAgain - 4000), 'the inhale lasts 4 s').toBeLessThanOrEqual(250);
			await expect(page.getByRole('timer')).toHaveText(/Nog 2:4\d/);
		});

		test('stop ends the exercise at once and the session is saved as stopped', async ({ page }) => {
			await breatheNow(page);
			// Only runFor moves time from here: the session ends 12 s after /nu's code ran.
			await pauseTime(page);
			await page.clock.runFor(12_000);
			await page.getByRole('button', { name: 'Stop' }).click();
			await expect(page.getByRole('heading', { name: 'Gestopt' })).toBeVisible();
			await page.clock.resume();
			await expectSessions(page, (s) => s.length === 1 && s[0]!.status === 'stopped');
			const [session] = await storedSessions(page);
			expect(session!.exerciseId).toBe('extended-exhale');
			// It started at the tap, at most one inhale (4 s) before /nu's code ran: the preview
			// breathed meanwhile. A slow machine's seconds before pauseTime add a little.
			expect(session!.activeMs).toBeGreaterThanOrEqual(12_000);
			expect(session!.activeMs).toBeLessThan(17_000);
			expect(session!.distressBefore).toBeUndefined();
		});

		test('nothing is asked before it starts, and a rating after it is one tap', async ({
			page
		}) => {
			await breatheNow(page);
			await expect(page.getByText(/hoe gespannen je bent/)).toHaveCount(0);
			await page.clock.runFor(180_500);
			await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
			await page.getByRole('button', { name: '3 van 10' }).click();
			await expect(page.getByRole('status')).toHaveText('Dank je. Opgeslagen op dit toestel.');
			await expectSessions(
				page,
				(s) => s[0]?.status === 'completed' && s[0].distressAfter === 3 && s[0].activeMs === 180_000
			);
		});

		test('the rating after the exercise can be skipped', async ({ page }) => {
			await breatheNow(page);
			await page.getByRole('button', { name: 'Stop' }).click();
			await page.getByRole('button', { name: 'Overslaan' }).click();
			await page.getByRole('link', { name: 'Terug naar start' }).click();
			await expect(page.getByRole('link', { name: 'Adem nu' })).toBeVisible();
			// In the recent sessions (the preview of "Adem nu" holds the title too, hidden).
			await expect(page.getByText('Lange uitademing').filter({ visible: true })).toBeVisible();
		});

		test('after it, a link replaces the page: the app keeps one history entry', async ({
			page
		}) => {
			await breatheNow(page);
			const entries = await page.evaluate(() => history.length);
			await page.getByRole('button', { name: 'Stop' }).click();
			await page.getByRole('link', { name: 'Instellingen' }).click();
			await expect(page).toHaveURL(/\/instellingen$/);
			await waitForApp(page);
			expect(await page.evaluate(() => history.length)).toBe(entries);
		});

		test('Space pauses and resumes, Escape stops', async ({ page }) => {
			await breatheNow(page);
			// Only runFor moves time: a slow machine's seconds between steps are no active time.
			await pauseTime(page);
			await page.clock.runFor(2000);
			await page.keyboard.press(' ');
			await expect(page.getByRole('button', { name: 'Verder' })).toBeVisible();
			const timer = page.getByRole('timer');
			const before = await timer.textContent();
			await page.clock.runFor(30_000);
			await expect(timer).toHaveText(before!);
			await page.keyboard.press(' ');
			await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
			await page.clock.runFor(3000);
			await expect(page.getByRole('status')).toHaveText('Adem uit');
			await page.keyboard.press('Escape');
			await expect(page.getByRole('heading', { name: 'Gestopt' })).toBeVisible();
			await page.clock.resume();
			// Active time is 5 s, and the up to one inhale (4 s) since the tap before /nu's code ran:
			// the 30 s pause is not counted.
			await expectSessions(
				page,
				(s) => s[0]?.status === 'stopped' && s[0].activeMs >= 5000 && s[0].activeMs < 10_000
			);
		});

		test('a longer length can be chosen while breathing', async ({ page }) => {
			await breatheNow(page);
			await page.clock.runFor(10_000);
			await page.getByText('10 min', { exact: true }).click();
			await expect(page.getByRole('timer')).toHaveText(/Nog 9:[45]\d/);
			await expect(page.getByRole('radio', { name: '10 min' })).toBeChecked();
		});

		test('a session left running when the app closed is kept as interrupted', async ({ page }) => {
			await breatheNow(page);
			await page.clock.runFor(6000);
			await expectSessions(page, (s) => s[0]?.status === 'running' && s[0].activeMs >= 5000);
			// Close the app without stopping, and open it again. (Stopping the page's loads
			// instead let a sound still on its way fail, and say so, before the page went.)
			const context = page.context();
			await page.close();
			const reopened = await context.newPage();
			await reopened.goto('/');
			await expectSessions(
				reopened,
				(s) => s[0]?.status === 'interrupted' && s[0].activeMs >= 5000
			);
			await expect(reopened.getByText('onderbroken')).toBeVisible();
		});
	});

test.describe('Breathe now, before its code has come', () => {
	for (const { tap, expected } of [
		{ tap: 'Stop', expected: 'Gestopt' },
		{ tap: 'Pauze', expected: 'Verder' }
	])
		test(`a tap on ${tap} on the page as drawn is kept, and applied when the code comes`, async ({
			page
		}) => {
			// The page's code is held back: the pacer breathes by CSS, its buttons not yet live.
			const code = /\/_app\/immutable\/.*\.js$/;
			const held: (() => Promise<void>)[] = [];
			await page.route(code, (route) => void held.push(() => route.continue()));
			await page.goto('/nu');
			await page.getByRole('button', { name: tap }).click();
			await page.unroute(code);
			// (unroute lets what it still holds go on; the rest goes on here)
			for (const release of held.splice(0)) await release().catch(() => {});
			await waitForApp(page);
			if (expected === 'Gestopt') {
				await expect(page.getByRole('heading', { name: expected })).toBeVisible();
				await expectSessions(page, (s) => s.length === 1 && s[0]!.status === 'stopped');
			} else {
				await expect(page.getByRole('button', { name: expected })).toBeVisible();
				await expect(page.getByRole('status')).toHaveText('Gepauzeerd. Neem de tijd.');
			}
		});
});

test.describe('The pacer on the compositor', () => {
	test('breathes by a running animation, with no script on every frame', async ({ page }) => {
		// Counts requestAnimationFrame callbacks from the page's first script on.
		await page.addInitScript(() => {
			const calls: number[] = [];
			Object.assign(window, { __rafCalls: calls });
			const raf = window.requestAnimationFrame.bind(window);
			window.requestAnimationFrame = (callback) =>
				raf((ts) => {
					calls.push(performance.now());
					callback(ts);
				});
		});
		await page.goto('/nu');
		await waitForApp(page);
		// On a slow machine the first breath may already be out by now.
		await expect(page.getByRole('status')).toHaveText(/^Adem (in|uit)$/);
		const disc = page.locator('[data-pacer-disc]');
		const states = () => disc.evaluate((el) => el.getAnimations().map((a) => a.playState));
		await expect.poll(states).toEqual(['running']);

		// Over a second of breathing: a handful of frame callbacks at most, not about 60.
		const calls = () =>
			page.evaluate(() => (window as unknown as { __rafCalls: number[] }).__rafCalls.length);
		const before = await calls();
		await page.waitForTimeout(1000);
		expect((await calls()) - before).toBeLessThan(5);

		// Paused, the animation stands still where the engine paused.
		await page.getByRole('button', { name: 'Pauze' }).click();
		await expect.poll(states).toEqual(['paused']);
		const held = await disc.evaluate((el) => getComputedStyle(el).transform);
		await page.waitForTimeout(300);
		expect(await disc.evaluate((el) => getComputedStyle(el).transform)).toBe(held);
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect.poll(states).toEqual(['running']);
	});
});

test.describe('Reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('keeps the pacer still but the timing in text and a progress bar', async ({ page }) => {
		await controlTime(page, '/nu');
		const disc = page.locator('[data-pacer-disc]');
		const phase = page.getByRole('status');
		await expect(phase).toHaveText('Adem in');
		const first = await disc.evaluate((el) => getComputedStyle(el).transform);
		await page.clock.runFor(5000);
		await expect(phase).toHaveText('Adem uit');
		expect(await disc.evaluate((el) => getComputedStyle(el).transform)).toBe(first);
		await expect(page.locator('.bar .fill')).toBeAttached();
	});
});
