import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
	clockStart,
	controlTime,
	expect,
	expectNoAxeViolations,
	openAdjust,
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

const calendarSection = (page: Page) =>
	page.getByRole('region', { name: 'Een herinnering in je agenda' });

/** Downloads the programme's calendar file: its name, its text, and its lines unfolded. */
async function downloadCalendar(page: Page) {
	const download = page.waitForEvent('download');
	await calendarSection(page)
		.getByRole('button', { name: 'Agendabestand downloaden (.ics)' })
		.click();
	const file = await download;
	const text = readFileSync((await file.path())!, 'utf8');
	const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
	return { name: file.suggestedFilename(), text, lines };
}

const uids = (lines: string[]) => lines.filter((l) => l.startsWith('UID:'));

const todayCard = (page: Page, title: string) =>
	page.getByRole('region', { name: `Vandaag in je programma: ${title}` });

test.describe('Programmes', () => {
	test('start a programme, do today’s practice, see day 2 next, and come back the next day offline', async ({
		page,
		context
	}) => {
		// Today's practice takes minutes: the day must not end under it.
		await page.clock.install({ time: clockStart() });
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
		await openAdjust(page);
		await expect(page.getByRole('radio', { name: '5 min' })).toBeChecked();
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
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

	test('an exercise opened from a programme day shows the day and its intention', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await startProgramme(page, 'Fundament');
		await page.goto('/');
		await todayCard(page, 'Fundament')
			.getByRole('link', { name: 'Begin: Lange uitademing · 5 min' })
			.click();
		await expect(page.getByText('Dag 1 van Fundament')).toBeVisible();
		await expect(
			page.getByText('Vandaag hoef je alleen maar uit te ademen. Langzaam.')
		).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('leaving or restarting a programme asks nothing first and can be undone', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await startProgramme(page, 'Fundament');
		await page.getByRole('button', { name: 'Stoppen met dit programma' }).click();
		await expect(page.getByText('Je bent gestopt met dit programma.')).toBeVisible();
		await expect(page.getByRole('dialog')).toHaveCount(0);
		await page.getByRole('button', { name: 'Ongedaan maken' }).click();
		await expect(page.getByText('Teruggezet. Je gaat verder waar je was.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Stoppen met dit programma' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Opnieuw beginnen bij dag 1' }).click();
		await expect(page.getByText('Het programma is begonnen bij dag 1.')).toBeVisible();
		await page.getByRole('button', { name: 'Ongedaan maken' }).click();
		await expect(page.getByText('Teruggezet. Je gaat verder waar je was.')).toBeVisible();
		await expect(
			storedRecords<{ programmeId: string; run: number }>(page, 'programmes')
		).resolves.toEqual([expect.objectContaining({ programmeId: 'fundament', run: 1 })]);
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
		await page.getByRole('button', { name: 'Nu niet' }).click();
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
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await page.clock.runFor(20_000);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByText('Dag 1 van Fundament blijft voor je klaarstaan.')).toBeVisible();
		expect(await storedRecords(page, 'programmeDays')).toEqual([]);
	});

	test('the calendar file gives nothing away by default: a neutral name and title, no text, no link', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await startProgramme(page, 'Uit de band');
		const calendar = calendarSection(page);
		await expect(calendar.getByRole('radio', { name: /Neutraal/ })).toBeChecked();
		await expect(
			calendar.getByRole('checkbox', { name: 'Een link naar de app toevoegen' })
		).not.toBeChecked();
		await page.getByLabel('Tijd', { exact: true }).fill('07:30');

		const first = await downloadCalendar(page);
		expect(first.name).toMatch(/^agenda-\d{4}-\d{2}-\d{2}\.ics$/);
		const lines = first.lines;
		expect(first.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(first.text.match(/BEGIN:VEVENT/g)).toHaveLength(49);
		expect(first.text).toMatch(/DTSTART:\d{8}T073000\r\n/);
		expect(lines).toContain('X-WR-CALNAME:Moment voor mezelf');
		expect(lines.filter((l) => l === 'SUMMARY:Moment voor mezelf')).toHaveLength(49);
		// Nothing names the app, the programme or a day's text; no address of the app.
		expect(first.text).not.toMatch(/rustpunt|band|programm|traum|dag \d|intention/i);
		expect(lines.filter((l) => l.startsWith('URL:'))).toEqual([]);
		expect(
			lines.filter((l) => l.startsWith('DESCRIPTION:') && l !== 'DESCRIPTION:Moment voor mezelf')
		).toEqual([]);
		await expect(page.getByText('Het bestand is klaar.', { exact: false })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Weer weghalen' })).toBeVisible();
		await expectNoAxeViolations(page);

		// The same events again: a calendar updates them instead of adding copies.
		const again = await downloadCalendar(page);
		expect(uids(again.lines)).toEqual(uids(lines));
		expect(new Set(uids(lines)).size).toBe(49);
	});

	test('the descriptive calendar names the programme after a plain warning, and links into the app only when asked', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await startProgramme(page, 'Uit de band');
		const calendar = calendarSection(page);
		const neutral = await downloadCalendar(page);
		const warning = calendar.getByText('Iedereen die je agenda kan zien, leest deze namen ook', {
			exact: false
		});
		await expect(warning).toHaveCount(0);

		await calendar.getByRole('radio', { name: /naam van het programma/ }).check({ force: true });
		await expect(warning).toBeVisible();
		await expect(warning).toContainText('Rustpunt: dag 1 van Uit de band');
		await expectNoAxeViolations(page);
		const named = await downloadCalendar(page);
		expect(named.name).toMatch(/^agenda-\d{4}-\d{2}-\d{2}\.ics$/);
		expect(named.lines).toContain('X-WR-CALNAME:Rustpunt: Uit de band');
		expect(named.lines).toContain('SUMMARY:Rustpunt: dag 1 van Uit de band');
		expect(named.lines).toContain('DESCRIPTION:Je bent hier. Dat is al een stap.');
		expect(named.lines.filter((l) => l.startsWith('URL:'))).toEqual([]);
		// Another look at the same events, not new ones.
		expect(uids(named.lines)).toEqual(uids(neutral.lines));

		const link = calendar.getByRole('checkbox', { name: 'Een link naar de app toevoegen' });
		await link.check();
		await expect(
			calendar.getByText('De link laat het adres van de app zien', { exact: false })
		).toContainText('localhost');
		const linked = await downloadCalendar(page);
		expect(linked.lines).toContain(
			`URL:${new URL(page.url()).origin}/programma?id=uit-de-band&dag=1`
		);

		// The choice is remembered.
		await page.reload();
		await waitForApp(page);
		await expect(calendar.getByRole('radio', { name: /naam van het programma/ })).toBeChecked();
		await expect(link).toBeChecked();
	});

	test('the neutral calendar in English, with a link that shows only the app’s address', async ({
		page
	}) => {
		await page.goto('/en');
		await waitForApp(page);
		await page.goto('/en/programma?id=uit-de-band');
		await page.getByRole('button', { name: 'Start this programme' }).click();
		const calendar = page.getByRole('region', { name: 'A reminder in your calendar' });
		await calendar.getByRole('checkbox', { name: 'Add a link into the app' }).check();
		const download = page.waitForEvent('download');
		await calendar.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^calendar-\d{4}-\d{2}-\d{2}\.ics$/);
		const text = readFileSync((await file.path())!, 'utf8').replace(/\r\n[ \t]/g, '');
		expect(text).toContain('SUMMARY:Time for me\r\n');
		expect(text).toContain(`URL:${new URL(page.url()).origin}/en\r\n`);
		expect(text).not.toMatch(/rustpunt|bond|programm|dag=|id=/i);
	});

	test('an unknown programme is said plainly', async ({ page }) => {
		await page.goto('/en/programma?id=nothing');
		await expect(page.getByText("This programme doesn't exist.")).toBeVisible();
	});
});
