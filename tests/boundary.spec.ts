import type { Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	expectSessions,
	pauseTime,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

/** The distance the scene tells a screen reader, in metres. */
async function sceneDistance(page: Page): Promise<number> {
	const label = await page.getByRole('img', { name: /Een figuur op/ }).getAttribute('aria-label');
	return Number(/op ([\d,]+) m/.exec(label ?? '')![1]!.replace(',', '.'));
}

/**
 * Opens the exercise with Playwright's clock, choosing on the screen at the given speed, and
 * stops time there: from here only runFor walks the figure, however slow the machine is between
 * steps. Resume it before loading a page or waiting for a save.
 */
async function startSolo(page: Page, speed = 'Gemiddeld', time?: Date) {
	await page.clock.install(time ? { time } : {});
	await page.goto('/grens');
	await waitForApp(page);
	await page.getByRole('radio', { name: speed }).check({ force: true });
	await page.getByRole('button', { name: 'Alleen, op het scherm' }).click();
	await expect(page.getByRole('status')).toHaveText(/Het staat stil, ver weg/);
	await pauseTime(page);
}

test.describe('Stop or go back', () => {
	test('starting the exercise keeps the scene and both buttons in view without scrolling', async ({
		context
	}) => {
		for (const viewport of [
			{ width: 390, height: 844 },
			{ width: 320, height: 568 }
		]) {
			// A fresh page per size, each with its own clock.
			const page = await context.newPage();
			await page.setViewportSize(viewport);
			await startSolo(page);
			expect(await page.evaluate(() => window.scrollY)).toBe(0);
			await page.getByRole('button', { name: 'Begin' }).click();
			await page.clock.runFor(1000);
			expect(await page.evaluate(() => window.scrollY)).toBe(0);
			await expect(page.getByRole('button', { name: 'Stop' })).toBeFocused();
			for (const target of [
				page.getByRole('img', { name: /Een figuur op/ }),
				page.getByRole('button', { name: 'Stop' }),
				page.getByRole('button', { name: 'Ga terug' })
			]) {
				await expect(target).toBeInViewport({ ratio: 1 });
			}
			for (const name of ['Stop', 'Ga terug']) {
				const box = await page.getByRole('button', { name }).boundingBox();
				expect(box!.height).toBeGreaterThanOrEqual(64);
			}
			await page.close();
		}
	});

	test('the figure approaches, Stop freezes it at once, and nothing moves until the person acts', async ({
		page
	}) => {
		await startSolo(page);
		// Nothing moves before Begin.
		await page.clock.runFor(5000);
		expect(await sceneDistance(page)).toBe(5);
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(4000);
		const before = await sceneDistance(page);
		expect(before).toBeGreaterThan(2.6);
		expect(before).toBeLessThan(3.4);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByRole('status')).toHaveText(/Het staat stil op [\d,]+ m/);
		const stopped = await sceneDistance(page);
		await page.clock.runFor(30_000);
		expect(await sceneDistance(page)).toBe(stopped);
		await expect(page.getByText('Waar in je lijf voel je het')).toBeVisible();

		await page.getByRole('button', { name: 'Ga terug' }).click();
		await page.clock.runFor(2000);
		expect(await sceneDistance(page)).toBeGreaterThan(stopped);
		await page.clock.runFor(20_000);
		await expect(page.getByRole('status')).toHaveText('Het is terug waar het begon.');
		expect(await sceneDistance(page)).toBe(5);
		await page.clock.resume();

		await page.getByRole('button', { name: 'Klaar' }).click();
		await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
		await expect(page.getByText(/Ronde 1: gestopt op [\d,]+ m, teruggestuurd/)).toBeVisible();
		await expectSessions(page, (s) => {
			const round = s[0]?.rounds?.[0];
			return (
				s[0]?.exerciseId === 'boundary' &&
				s[0].status === 'completed' &&
				round?.wentBack === true &&
				Math.abs((round.stopDistanceM ?? 0) - stopped) < 0.06
			);
		});
	});

	test('it never comes closer while the screen is hidden, and records no stop for that', async ({
		page
	}) => {
		await startSolo(page);
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(2000);
		await page.evaluate(() => {
			Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		});
		const held = await sceneDistance(page);
		await page.clock.runFor(60_000);
		expect(await sceneDistance(page)).toBe(held);
		await expect(page.getByRole('status')).toHaveText(/Het staat stil op/);
		await page.clock.resume();
		await expectSessions(page, (s) => s[0]?.rounds?.[0]?.stopDistanceM === undefined);
	});

	test('left alone, it stays at a respectful distance instead of arriving', async ({ page }) => {
		await startSolo(page, 'Sneller');
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(60_000);
		await expect(page.getByRole('status')).toHaveText(/Het is blijven staan op 1 m/);
		expect(await sceneDistance(page)).toBe(1);
	});

	test('a phone without a keyboard is not told about keyboard shortcuts', async ({ page }) => {
		await startSolo(page);
		await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
		await expect(page.getByText('Spatie: stop.', { exact: false })).toBeHidden();
	});

	test('works with the keyboard only: Space stops, Backspace and Escape send it back', async ({
		page
	}) => {
		await startSolo(page);
		await page.getByRole('button', { name: 'Begin' }).focus();
		await page.keyboard.press('Enter');
		await page.clock.runFor(2000);
		await page.keyboard.press(' ');
		await expect(page.getByRole('status')).toHaveText(/Het staat stil op/);
		await page.keyboard.press('Backspace');
		await expect(page.getByRole('status')).toHaveText('Het loopt rustig terug.');
		await page.keyboard.press(' ');
		await expect(page.getByRole('status')).toHaveText(/Het staat stil op/);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('status')).toHaveText('Het loopt rustig terug.');
		await page.clock.resume();
		await expectNoAxeViolations(page);
	});

	test('rounds are saved as they happen, and a second round starts from the start distance', async ({
		page
	}) => {
		await startSolo(page);
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(2000);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: 'Nog een keer' }).click();
		await expect(page.getByText('Ronde 2')).toBeVisible();
		await page.clock.runFor(1000);
		expect(await sceneDistance(page)).toBeGreaterThanOrEqual(4);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.clock.resume();
		await expectSessions(page, (s) => s[0]?.rounds?.length === 2 && s[0].status === 'running');
	});

	test('with a trusted person: instructions for both, rounds noted in steps, kept in the journal', async ({
		page
	}) => {
		await page.goto('/grens');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Met iemand die je vertrouwt' }).click();
		await expect(page.getByRole('heading', { name: 'Wat de ander doet' })).toBeVisible();
		await page.getByLabel('Afstand bij stop').fill('6');
		await page.getByRole('button', { name: 'Ronde bewaren' }).click();
		await expect(page.getByText('Rondes gedaan: 1')).toBeVisible();
		// Kept as soon as it is noted: nothing is lost if the screen goes away now.
		await expectSessions(
			page,
			(s) => s[0]?.exerciseId === 'boundary-together' && s[0].status === 'running'
		);
		await page.getByLabel('Afstand bij stop').fill('drie');
		await page.getByRole('button', { name: 'Ronde bewaren' }).click();
		await expect(page.getByText('Vul een getal in')).toBeVisible();
		await expect(page.getByLabel('Afstand bij stop')).toBeFocused();
		await page.getByLabel('Eenheid').selectOption('m');
		await page.getByLabel('Afstand bij stop').fill('1,5');
		await page.getByLabel('‘Ga terug’ gezegd').check();
		await page.getByRole('button', { name: 'Ronde bewaren' }).click();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Afronden' }).click();
		await expect(page.getByText('Ronde 1: gestopt op 6 stappen')).toBeVisible();
		await expect(page.getByText('Ronde 2: gestopt op 1,5 m, teruggestuurd')).toBeVisible();
		await expectSessions(
			page,
			(s) =>
				s[0]?.exerciseId === 'boundary-together' &&
				s[0].rounds?.[0]?.stopSteps === 6 &&
				s[0].rounds[1]?.stopDistanceM === 1.5
		);
	});

	test('the journal shows stop distances over time, and a session its rounds', async ({ page }) => {
		await startSolo(page);
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(4000);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.clock.resume();
		await page.getByRole('button', { name: 'Klaar' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.goto('/dagboek');
		const chart = page.getByRole('figure', { name: /Stopafstand/ });
		await expect(chart).toBeVisible();
		await expect(chart.getByRole('row')).toHaveCount(2);
		await page
			.getByRole('link', { name: /Stop of ga terug/ })
			.first()
			.click();
		await expect(page.getByRole('heading', { name: 'Rondes' })).toBeVisible();
		await expect(page.getByText(/Ronde 1: gestopt op [\d,]+ m/)).toBeVisible();
	});

	test('the live status, the summary and the journal agree on the distance, and rounds noted together in metres are in the chart', async ({
		page
	}) => {
		// Early afternoon, so that 'a while later' is the same day at any hour the test runs.
		await startSolo(page, 'Gemiddeld', new Date('2026-11-21T13:30:00'));
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(3300);
		await page.getByRole('button', { name: 'Stop' }).click();
		const live = /Het staat stil op ([\d,]+ m)/.exec(
			(await page.getByRole('status').textContent()) ?? ''
		)![1]!;
		await page.clock.resume();
		await page.getByRole('button', { name: 'Klaar' }).click();
		await expect(page.getByText(`Ronde 1: gestopt op ${live}`)).toBeVisible();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		// A while later the same day, with a trusted person.
		await page.clock.runFor(5 * 60_000);

		await page.goto('/grens');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Met iemand die je vertrouwt' }).click();
		await page.getByLabel('Eenheid').selectOption('m');
		await page.getByLabel('Afstand bij stop').fill('1,5');
		await page.getByRole('button', { name: 'Ronde bewaren' }).click();
		await expect(page.getByText('Rondes gedaan: 1')).toBeVisible();
		await page.getByRole('button', { name: 'Afronden' }).click();
		await expect(page.getByText('Ronde 1: gestopt op 1,5 m')).toBeVisible();

		await page.goto('/dagboek');
		const chart = page.getByRole('figure', { name: /Stopafstand/ });
		const rows = chart.getByRole('row');
		// A header and both sessions, each with its own label (two on one day carry the time).
		await expect(rows).toHaveCount(3);
		await expect(rows.nth(1)).toContainText(live.replace(' m', ''));
		await expect(rows.nth(2)).toContainText('1,5');
		const labels = await chart.getByRole('rowheader').allTextContents();
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels[0]).toMatch(/\d\d:\d\d/);
	});

	test('works offline, and the choose screen passes axe in English too', async ({
		page,
		context
	}) => {
		await visitUntilOffline(page);
		await context.setOffline(true);
		await page.goto('/en/grens');
		await expect(page.getByRole('heading', { name: 'Stop or go back' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'On your own, on the screen' }).click();
		await page.getByRole('button', { name: 'Begin' }).click();
		await expect(page.getByRole('status')).toHaveText("It's coming closer.");
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByRole('status')).toHaveText(/It's standing still at/);
	});
});
