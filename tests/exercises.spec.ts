import {
	controlTime,
	expect,
	expectSessions,
	openAdjust,
	pauseTime,
	phasesOver,
	test
} from './fixtures';

test.describe('The other breathing exercises', () => {
	test.beforeEach(async ({ page }) => {
		await controlTime(page, '/oefeningen');
	});

	test('box breathing without holds goes straight from in to out', async ({ page }) => {
		await page.getByRole('link', { name: /Vierkant ademen/ }).click();
		await expect(page.getByRole('heading', { name: 'Vierkant ademen' })).toBeVisible();
		await openAdjust(page);
		await page.getByRole('switch', { name: /Vasthouden tussendoor/ }).uncheck();
		await page.getByText('1 min', { exact: true }).click();
		await page.getByRole('button', { name: '6 van 10' }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await pauseTime(page);

		// Without holds: 4 s in, 4 s out, never "Vasthouden".
		const phase = page.getByRole('status');
		await expect(phase).toHaveText('Adem in');
		await page.clock.runFor(5000);
		await expect(phase).toHaveText('Adem uit');
		await page.clock.runFor(4000);
		await expect(phase).toHaveText('Adem in');
		await expect(page.getByRole('timer')).toHaveText(/Nog 0:5\d/);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expectSessions(
			page,
			(s) =>
				s[0]?.exerciseId === 'box' &&
				s[0].holds === false &&
				s[0].distressBefore === 6 &&
				s[0].plannedMs === 64_000
		);
	});

	test('box breathing with holds rests between in and out', async ({ page }) => {
		await page.getByRole('link', { name: /Vierkant ademen/ }).click();
		await pauseTime(page);
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		// 4 in, 4 hold, 4 out, 4 hold.
		const phases = await phasesOver(page, 15_000);
		expect(phases.map((p) => p.label)).toEqual(['Adem in', 'Vasthouden', 'Adem uit', 'Vasthouden']);
		expect(phases[1]!.ms).toBeGreaterThanOrEqual(3750);
		expect(phases[1]!.ms).toBeLessThanOrEqual(4250);
		expect(phases[2]!.ms).toBeGreaterThanOrEqual(3750);
		expect(phases[2]!.ms).toBeLessThanOrEqual(4250);
	});

	test('cyclic sighing has a second, small inhale', async ({ page }) => {
		await page.getByRole('link', { name: /Zuchtend ademen/ }).click();
		await pauseTime(page);
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		// 3 s in, 1 s a little more, 6 s out, then in again.
		const phases = await phasesOver(page, 11_000);
		expect(phases.map((p) => p.label)).toEqual([
			'Adem in',
			'Nog een beetje in',
			'Adem uit',
			'Adem in'
		]);
		expect(phases[1]!.ms).toBeGreaterThanOrEqual(750);
		expect(phases[1]!.ms).toBeLessThanOrEqual(1250);
		expect(phases[2]!.ms).toBeGreaterThanOrEqual(5750);
		expect(phases[2]!.ms).toBeLessThanOrEqual(6250);
	});

	test('4-7-8 stops after four breaths', async ({ page }) => {
		await page.getByRole('link', { name: /4-7-8 ademen/ }).click();
		await openAdjust(page);
		await expect(page.getByText('4 ademhalingen per keer is genoeg.')).toBeVisible();
		await expect(page.getByRole('group', { name: 'Duur' })).toHaveCount(0);
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await expect(page.getByRole('timer')).toHaveText(/Nog 1:1\d/);
		await page.clock.runFor(76_500);
		await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
	});
});
