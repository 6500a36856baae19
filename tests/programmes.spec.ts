import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
	controlTime,
	expect,
	expectNoAxeViolations,
	storedRecords,
	storedSessions,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

interface StoredDay {
	id: string;
	programmeId: string;
	run: number;
	day: number;
	sessionId: string;
}

const DAY_MS = 86_400_000;

/** Opens a programme's page and starts it (choosing a description first, when asked). */
async function startProgramme(page: Page, name: string, description?: RegExp) {
	await page.goto('/programmas');
	await page.getByRole('link', { name: new RegExp(name) }).click();
	if (description) await page.getByRole('radio', { name: description }).check({ force: true });
	await page.getByRole('button', { name: 'Begin dit programma' }).click();
	await expect(page.getByText('Het programma is begonnen bij dag 1.')).toBeVisible();
}

const todayCard = (page: Page, title: string) =>
	page.getByRole('region', { name: `Vandaag in je programma: ${title}` });

test.describe('Programmes', () => {
	test('start a programme, do today’s practice, see day 2 next, and come back the next day offline', async ({
		page,
		context
	}) => {
		await page.clock.install();
		await visitUntilOffline(page);
		await startProgramme(page, 'Fundament');
		await expectNoAxeViolations(page);

		// Home: today's practice in one tap, next to "breathe now".
		await page.goto('/');
		const card = todayCard(page, 'Fundament');
		await expect(card).toContainText('Dag 1 van 28');
		await expect(page.getByRole('link', { name: 'Adem nu' })).toBeVisible();
		await expectNoAxeViolations(page);
		await card.getByRole('link', { name: 'Begin: Lange uitademing · 5 min' }).click();

		// The programme's five minutes are chosen; the person may still change them.
		await expect(page.getByRole('radio', { name: '5 min' })).toBeChecked();
		await page.getByRole('button', { name: 'Overslaan en beginnen' }).click();
		await page.clock.runFor(5 * 60_000 + 1000);
		await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
		await expect(page.getByText('Dag 1 van Fundament is gedaan.')).toBeVisible();
		await expectNoAxeViolations(page);

		const [session] = await storedSessions(page);
		await expect
			.poll(() => storedRecords<StoredDay>(page, 'programmeDays'))
			.toEqual([
				expect.objectContaining({
					id: 'fundament:1:1',
					day: 1,
					run: 1,
					sessionId: session!.id
				})
			]);

		// Day 2 is offered next, without hurry.
		await page.goto('/');
		await expect(todayCard(page, 'Fundament')).toContainText('Dag 2 van 28');
		await expect(todayCard(page, 'Fundament')).toContainText('Vandaag deed je al een dag.');

		// The journal names the programme day on the session.
		await page.goto('/dagboek');
		await expect(
			page.getByRole('region', { name: 'Alle sessies' }).getByRole('link').first()
		).toContainText('Dag 1 van Fundament');
		await page.getByRole('region', { name: 'Alle sessies' }).getByRole('link').first().click();
		await expect(page.getByText('Dag 1 van Fundament')).toBeVisible();

		// The next day, offline: day 2 waits, nothing was lost or failed.
		await context.setOffline(true);
		await page.clock.setSystemTime(Date.now() + DAY_MS);
		await page.goto('/');
		await expect(todayCard(page, 'Fundament')).toContainText('Dag 2 van 28');
		await expect(todayCard(page, 'Fundament')).not.toContainText('Vandaag deed je al een dag.');
		await page.goto('/programma?id=fundament');
		await expect(page.getByText('1 van 28 dagen gedaan')).toBeVisible();
		await page.goto('/en/programmas');
		await expect(page.getByRole('heading', { name: 'Programmes' })).toBeVisible();
		await expect(page.getByRole('link', { name: /Foundation/ })).toContainText('1 of 28 days done');
	});

	test('two programmes followed with one current; pause, resume, restart and leave', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await startProgramme(page, 'Fundament');
		await startProgramme(page, 'Uit de band');
		await page.goto('/');
		await expect(todayCard(page, 'Uit de band')).toContainText('Dag 1 van 49');
		await expect(todayCard(page, 'Fundament')).toHaveCount(0);

		await page.goto('/programma?id=fundament');
		await page.getByRole('button', { name: 'Maak dit je huidige programma' }).click();
		await expect(page.getByText('Dit is nu je huidige programma.')).toBeVisible();
		await page.goto('/');
		await expect(todayCard(page, 'Fundament')).toBeVisible();

		await page.goto('/programma?id=fundament');
		await page.getByRole('button', { name: 'Pauzeren' }).click();
		await expect(page.getByText('Dit programma staat op pauze.')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.goto('/');
		await expect(todayCard(page, 'Fundament')).toHaveCount(0);
		await page.goto('/programma?id=fundament');
		await page.getByRole('button', { name: 'Verdergaan' }).click();
		await expect(page.getByText('Je gaat verder waar je was.')).toBeVisible();
		await page.getByRole('button', { name: 'Opnieuw beginnen bij dag 1' }).click();
		await expect(page.getByText('Het programma is begonnen bij dag 1.')).toBeVisible();
		await expect(
			storedRecords<{ programmeId: string; run: number }>(page, 'programmes')
		).resolves.toEqual(
			expect.arrayContaining([expect.objectContaining({ programmeId: 'fundament', run: 2 })])
		);

		await page.getByRole('button', { name: 'Stoppen met dit programma' }).click();
		await expect(page.getByText('Je bent gestopt met dit programma.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Opnieuw beginnen' })).toBeVisible();
		// The other programme followed becomes current.
		await page.goto('/');
		await expect(todayCard(page, 'Uit de band')).toBeVisible();
	});

	test('the secure base asks which description fits best, and its days follow the choice', async ({
		page
	}) => {
		await page.goto('/programma?id=veilige-basis');
		await expect(
			page.getByRole('group', { name: 'Welke beschrijving past het best bij jou?' })
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Begin dit programma' })).toBeDisabled();
		await expectNoAxeViolations(page);
		await startProgramme(page, 'Veilige basis', /Nabijheid verlang ik/);
		// The chaotic variant begins with the eyes open, looking around.
		await expect(
			page.getByRole('region', { name: 'Vandaag in je programma', exact: true })
		).toContainText('Kijk eerst even rond');
		await expect(storedRecords<{ variant?: string }>(page, 'programmes')).resolves.toEqual([
			expect.objectContaining({ variant: 'chaotic' })
		]);
	});

	test('the boundary exercise and the urge questions complete days of the trauma-bond path', async ({
		page
	}) => {
		await controlTime(page, '/');
		await startProgramme(page, 'Uit de band');

		await page.goto('/grens?programma=uit-de-band&dag=16');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Alleen, op het scherm' }).click();
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(3000);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: 'Klaar' }).click();
		await expect(page.getByText('Dag 16 van Uit de band is gedaan.')).toBeVisible();

		await page.goto('/drang?programma=uit-de-band&dag=5');
		await waitForApp(page);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: 'Overslaan' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Verder' }).click();
		await page.getByRole('button', { name: 'Niet wachten' }).click();
		await page.getByRole('button', { name: 'Zeg ik liever niet' }).click();
		await expect(page.getByText('Dag 5 van Uit de band is gedaan.')).toBeVisible();

		const days = await storedRecords<StoredDay>(page, 'programmeDays');
		expect(days.map((d) => d.id).sort()).toEqual(['uit-de-band:1:16', 'uit-de-band:1:5']);
		const sessions = await storedSessions(page);
		for (const day of days) expect(sessions.map((s) => s.id)).toContain(day.sessionId);
		// Day 1 is still the one offered: days are done in any order, none is failed.
		await page.goto('/');
		await expect(todayCard(page, 'Uit de band')).toContainText('Dag 1 van 49');
	});

	test('a stopped practice leaves the day waiting, without blame', async ({ page }) => {
		await controlTime(page, '/');
		await startProgramme(page, 'Fundament');
		await page.goto('/');
		await todayCard(page, 'Fundament').getByRole('link').click();
		await page.getByRole('button', { name: 'Overslaan en beginnen' }).click();
		await page.clock.runFor(20_000);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByText('Dag 1 van Fundament blijft voor je klaarstaan.')).toBeVisible();
		expect(await storedRecords(page, 'programmeDays')).toEqual([]);
	});

	test('downloads a calendar file with an event for each remaining day, and says how to remove it', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await startProgramme(page, 'Fundament');
		await page.getByLabel('Tijd', { exact: true }).fill('07:30');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Agendabestand downloaden (.ics)' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('rustpunt-fundament.ics');
		const text = readFileSync((await file.path())!, 'utf8');
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(28);
		expect(text).toMatch(/DTSTART:\d{8}T073000\r\n/);
		expect(text).toContain('UID:programme-fundament-run-1-day-28@rustpunt');
		expect(text.replace(/\r\n /g, '')).toContain('/programma?id=fundament&dag=1');
		await expect(page.getByText('Het bestand is klaar.', { exact: false })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Weer weghalen' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('an unknown programme is said plainly', async ({ page }) => {
		await page.goto('/en/programma?id=nothing');
		await expect(page.getByText('This programme does not exist.')).toBeVisible();
	});
});
