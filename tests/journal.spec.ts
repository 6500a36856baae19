import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makeSessions, seedSessions } from '../bench/lib/seed-journal.js';
import {
	controlTime,
	expect,
	expectNoAxeViolations,
	expectSessions,
	storedRecords,
	storedSessions,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

/** Opens the app, writes `count` sessions into its database, and opens `path`. */
async function withSessions(page: Page, count: number, path = '/dagboek') {
	await page.goto('/');
	await waitForApp(page);
	await seedSessions(page, makeSessions(count, Date.now()));
	await page.goto(path);
	await waitForApp(page);
}

/** Everything in the database, each table sorted by its key, for before/after comparisons. */
async function everything(page: Page) {
	const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
		String(a[key]).localeCompare(String(b[key]));
	return {
		sessions: (await storedRecords<Record<string, unknown>>(page, 'sessions')).sort(byKey('id')),
		urges: (await storedRecords<Record<string, unknown>>(page, 'urges')).sort(byKey('id')),
		lists: await storedRecords(page, 'lists'),
		settings: (await storedRecords<Record<string, unknown>>(page, 'settings')).sort(byKey('key'))
	};
}

const sessionLinks = (page: Page) =>
	page.getByRole('region', { name: 'Alle sessies' }).getByRole('link');

test.describe('The journal', () => {
	test('a practice shows in the journal, its note can be written later, and a deletion can be undone', async ({
		page
	}) => {
		await controlTime(page, '/nu');
		await page.clock.runFor(180_500);
		await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
		await page.getByRole('button', { name: '7 van 10' }).click();
		await page.getByLabel('Wil je iets opschrijven?').fill('Schouders zakten.');
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await expect(page.getByText('Notitie bewaard.')).toBeVisible();
		await expectSessions(
			page,
			(s) => s[0]?.note === 'Schouders zakten.' && s[0].distressAfter === 7
		);

		await page.goto('/dagboek');
		await expect(page.getByRole('heading', { name: 'Vandaag' })).toBeVisible();
		const link = sessionLinks(page).first();
		await expect(link).toContainText('Lange uitademing');
		await expect(link).toContainText('3 min · afgerond');
		await expect(link).toContainText('Schouders zakten.');
		await link.click();

		await expect(page.getByRole('heading', { name: 'Lange uitademing' })).toBeVisible();
		await expect(page.getByText('niet ingevuld → 7')).toBeVisible();
		const note = page.getByLabel('Notitie');
		await expect(note).toHaveValue('Schouders zakten.');
		await note.fill('Schouders zakten. Later die dag ook rustig.');
		await page.getByRole('button', { name: 'Notitie bewaren' }).click();
		await expect(page.getByText('Notitie bewaard.')).toBeVisible();
		await expectSessions(page, (s) => s[0]?.note === 'Schouders zakten. Later die dag ook rustig.');

		await page.getByRole('button', { name: 'Sessie verwijderen' }).click();
		await expect(page.getByText('Sessie verwijderd.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ongedaan maken' })).toBeFocused();
		await expectSessions(page, (s) => s.length === 0);
		await page.getByRole('button', { name: 'Ongedaan maken' }).click();
		await expect(page.getByRole('heading', { name: 'Lange uitademing' })).toBeFocused();
		await expect(page.getByText('Sessie teruggezet.')).toBeVisible();
		await expectSessions(
			page,
			(s) => s.length === 1 && s[0]!.note === 'Schouders zakten. Later die dag ook rustig.'
		);
	});

	test('shows a page of sessions at a time, newest first, with the rest on request', async ({
		page
	}) => {
		await withSessions(page, 75);
		await expect(sessionLinks(page)).toHaveCount(30);
		await page.getByRole('button', { name: 'Meer tonen' }).click();
		await expect(sessionLinks(page)).toHaveCount(60);
		await page.getByRole('button', { name: 'Meer tonen' }).click();
		await expect(sessionLinks(page)).toHaveCount(75);
		await expect(page.getByRole('button', { name: 'Meer tonen' })).toHaveCount(0);
	});

	test('sums this week and month, draws the weeks, and gives the charts a table for screen readers', async ({
		page
	}) => {
		await withSessions(page, 40);
		const sessions = await storedSessions(page);
		const monday = new Date();
		monday.setHours(0, 0, 0, 0);
		monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
		const thisWeek = sessions.filter((s) => s.startedAt >= monday.getTime());
		const minutes = Math.round(thisWeek.reduce((sum, s) => sum + s.activeMs, 0) / 60_000);
		const days = new Set(thisWeek.map((s) => s.day)).size;

		const week = page.locator('.card').filter({ hasText: 'Deze week' });
		await expect(week).toContainText(`${minutes} min`);
		await expect(week).toContainText(`dagen geoefend: ${days}`);
		const chart = page.getByRole('figure', { name: 'Minuten per week, de laatste 8 weken' });
		await expect(chart.getByRole('row')).toHaveCount(9);
		await expect(chart.getByRole('row').last()).toContainText(String(minutes));
		await expect(
			page.getByRole('figure', { name: /Spanning voor en na een oefening/ })
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Spanning per oefening' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('counts days in a row only when asked, and welcomes back after a pause', async ({
		page
	}) => {
		await withSessions(page, 3);
		// Once the totals are on screen, the summary is complete: and it counts no streak.
		await expect(page.locator('.card').filter({ hasText: 'Deze week' })).toBeVisible();
		await expect(page.getByText(/^(Dagen op rij|Welkom terug)/)).toHaveCount(0);
		await page.goto('/gegevens');
		await page.getByRole('switch', { name: 'Dagen op rij tellen' }).check();
		await expect
			.poll(async () => (await storedRecords(page, 'settings')).length)
			.toBeGreaterThan(0);
		// The seeded sessions run back from half an hour ago: count their days in a row, ending
		// today or, just after midnight, yesterday (a run is alive until today is over).
		const days = new Set((await storedSessions(page)).map((s) => s.day));
		const keyOf = (at: Date) =>
			`${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
		const endsToday = days.has(keyOf(new Date()));
		let inARow = 0;
		for (const at = new Date(); ; at.setDate(at.getDate() - 1)) {
			if (!endsToday && inARow === 0 && keyOf(at) === keyOf(new Date())) continue;
			if (!days.has(keyOf(at))) break;
			inARow += 1;
		}
		await page.goto('/dagboek');
		// Ending yesterday, it adds that today can count too.
		await expect(
			page.getByText(
				endsToday
					? `Dagen op rij: ${inARow}`
					: `Dagen op rij: ${inARow}. Vandaag kan ook, als je wilt.`,
				{ exact: true }
			)
		).toBeVisible();

		// A week without practice: a welcome, never a lost streak.
		await page.clock.install({ time: Date.now() + 7 * 86_400_000 });
		await page.reload();
		await expect(page.getByText('Welkom terug. Fijn dat je er bent.')).toBeVisible();
	});

	test('works offline, the detail of a session included', async ({ page, context }) => {
		await visitUntilOffline(page);
		await seedSessions(page, makeSessions(5, Date.now()));
		await context.setOffline(true);
		await page.goto('/dagboek');
		await expect(sessionLinks(page)).toHaveCount(5);
		await sessionLinks(page).first().click();
		await expect(page.getByLabel('Notitie')).toBeVisible();
		await page.goto('/en/dagboek');
		await expect(page.getByRole('heading', { name: 'Your journal' })).toBeVisible();
	});

	test('an empty journal says what will come, in English too', async ({ page }) => {
		await page.goto('/en/dagboek');
		await expect(page.getByText('Nothing here yet.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Breathe now' }).last()).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('Statuses that tell the truth', () => {
	const recent = (page: Page) => page.getByRole('region', { name: 'Laatst geoefend' });

	/** Starts the ten-minute body scan and lets it run a few seconds. */
	async function runBodyScan(page: Page) {
		await controlTime(page, '/oefening/body-scan-10');
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await page.clock.runFor(6000);
		await expectSessions(page, (s) => s[0]?.status === 'running' && s[0].activeMs >= 5000);
	}

	test('a body scan left by a reload shows as interrupted in the journal, home never opened', async ({
		page
	}) => {
		await runBodyScan(page);
		await page.reload();
		await waitForApp(page);
		await page.goto('/dagboek');
		await expect(sessionLinks(page).first()).toContainText('onderbroken');
		await expectSessions(page, (s) => s[0]?.status === 'interrupted' && s[0].activeMs >= 5000);
	});

	test('home in another tab leaves a session that still runs alone, and marks it once its tab is gone', async ({
		page,
		context
	}) => {
		await runBodyScan(page);
		const other = await context.newPage();
		await other.goto('/');
		await waitForApp(other);
		await expect(recent(other).getByRole('listitem').first()).toContainText('bezig');
		await other.goto('/dagboek');
		await expect(sessionLinks(other).first()).toContainText('bezig');
		await expectSessions(other, (s) => s[0]?.status === 'running');
		// The first tab never noticed: its practice goes on.
		await page.clock.runFor(2000);
		await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
		await expectSessions(page, (s) => s[0]?.status === 'running' && s[0].activeMs >= 7000);

		await page.close();
		await other.reload();
		await expect(sessionLinks(other).first()).toContainText('onderbroken');
		await expectSessions(other, (s) => s[0]?.status === 'interrupted');
	});
});

test.describe('Your data', () => {
	test('exports everything, deletes it all, and brings it back from the file', async ({ page }) => {
		await withSessions(page, 12, '/gegevens');
		await page.getByRole('switch', { name: 'Dagen op rij tellen' }).check();
		// The app's settings are saved in the database on the first visit; the switch joins them.
		await expect
			.poll(async () =>
				(await storedRecords<{ key: string; value: unknown }>(page, 'settings'))
					.filter((row) => row.key === 'streaks' || row.key === 'theme')
					.map((row) => `${row.key}=${String(row.value)}`)
					.sort()
			)
			.toEqual(['streaks=true', 'theme=system']);
		const before = await everything(page);

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Alles downloaden (JSON)' }).click();
		expect((await download).suggestedFilename()).toMatch(/^notities-\d{4}-\d{2}-\d{2}\.json$/);
		const file = await (await download).path();
		const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number };
		expect(exported).toMatchObject({ format: 'rustpunt-export', version: 1 });

		await page.getByRole('button', { name: 'Alles wissen…' }).click();
		await expect(page.getByRole('button', { name: 'Ja, wis alles' })).toBeFocused();
		await page.getByRole('button', { name: 'Ja, wis alles' }).click();
		await expect(page.getByText('Alles is gewist.')).toBeVisible();
		expect((await everything(page)).sessions).toEqual([]);

		await page.getByLabel('Kies een exportbestand').setInputFiles(file);
		await expect(page.getByRole('heading', { name: 'In dit bestand' })).toBeFocused();
		await expect(page.getByText('Sessies: 12')).toBeVisible();
		await expect(page.getByText('Staan al op dit toestel en worden overgeslagen: 0')).toBeVisible();
		await expectNoAxeViolations(page);
		// Nothing is written before the person confirms.
		expect((await everything(page)).sessions).toEqual([]);
		await page.getByRole('button', { name: 'Ja, importeren' }).click();
		await expect(page.getByText('Klaar. Toegevoegd: 12.')).toBeVisible();
		expect(await everything(page)).toEqual(before);
		await expect(page.getByRole('switch', { name: 'Dagen op rij tellen' })).toBeChecked();

		// The same file again adds nothing.
		await page.getByLabel('Kies een exportbestand').setInputFiles(file);
		await expect(
			page.getByText('Staan al op dit toestel en worden overgeslagen: 12')
		).toBeVisible();
		await page.getByRole('button', { name: 'Ja, importeren' }).click();
		await expect(page.getByText('Toegevoegd: 0.')).toBeVisible();
		expect(await everything(page)).toEqual(before);

		await page.goto('/dagboek');
		await expect(sessionLinks(page)).toHaveCount(12);
	});

	test('refuses a damaged or hostile file with a clear message, changing nothing', async ({
		page
	}) => {
		await withSessions(page, 3, '/gegevens');
		const before = await everything(page);
		const cases: [string, string][] = [
			['{"format":"rustpunt-export","version":1,"sessions":[', 'niet compleet'],
			['{"format":"something-else"}', 'Dit is geen export van Rustpunt'],
			['{"format":"rustpunt-export","version":7}', 'versie die deze app niet kent (7)'],
			[
				'{"format":"rustpunt-export","version":1,"exportedAt":0,"sessions":[{"__proto__":{"x":1}}]}',
				'onveilig onderdeel'
			]
		];
		for (const [text, message] of cases) {
			await page.getByLabel('Kies een exportbestand').setInputFiles({
				name: 'export.json',
				mimeType: 'application/json',
				buffer: Buffer.from(text)
			});
			await expect(page.getByRole('alert')).toContainText(message);
			await expect(page.getByRole('alert')).toContainText('Er is niets veranderd.');
		}
		expect(await everything(page)).toEqual(before);
		await expectNoAxeViolations(page);
	});

	test('exports the sessions as CSV that Dutch and English spreadsheets open as they expect', async ({
		page
	}) => {
		await withSessions(page, 4, '/gegevens');
		await expect(
			page.getByText('puntkomma’s tussen de kolommen en een decimale komma')
		).toBeVisible();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: /Sessies downloaden \(CSV/ }).click();
		expect((await download).suggestedFilename()).toMatch(/^notities-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = readFileSync(await (await download).path(), 'utf8');
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines[0]).toBe('datum;tijd;oefening;minuten;status;spanning voor;spanning na;notitie');
		expect(lines[1]!.split(';')[3]).toMatch(/^\d+,\d$/);
		expect(lines).toHaveLength(5);
		expect(csv.startsWith('\uFEFF')).toBe(true);

		await page.goto('/en/gegevens');
		await expect(page.getByText('commas between columns and a decimal point')).toBeVisible();
		const english = page.waitForEvent('download');
		await page.getByRole('button', { name: /Download sessions \(CSV/ }).click();
		const csvEn = readFileSync(await (await english).path(), 'utf8');
		const linesEn = csvEn.replace(/^\uFEFF/, '').split('\r\n');
		expect(linesEn[0]).toMatch(/^date,time,exercise,minutes,/);
		expect(linesEn[1]!.split(',')[3]).toMatch(/^\d+\.\d$/);
		expect(csvEn.startsWith('\uFEFF')).toBe(true);
	});

	test('shows whether the browser keeps the data and how much it uses', async ({ page }) => {
		await withSessions(page, 2, '/gegevens');
		await expect(page.getByText(/Rustpunt gebruikt [\d,]+ (B|kB|MB) op dit toestel/)).toBeVisible();
		await expect(page.getByText(/Je browser (heeft beloofd|mag je gegevens wissen)/)).toBeVisible();
		await expect(page.getByText('Sessies bewaard: 2')).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('A full phone', () => {
	test('a phone that fills up during the exercise: told at once, no rating asked afterwards', async ({
		page
	}) => {
		// The session is written at the start; from a moment chosen by the test, writes fail.
		await page.addInitScript(() => {
			const original = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown]) {
				if (this.name === 'sessions' && (window as unknown as { full?: boolean }).full) {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				}
				return original.apply(this, args);
			};
		});
		await controlTime(page, '/nu');
		await page.clock.runFor(6000);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await page.evaluate(() => ((window as unknown as { full: boolean }).full = true));
		await page.clock.runFor(6000);
		await expect(page.getByRole('alert')).toContainText('Geen ruimte meer op dit toestel.');
		await expect(page.getByRole('timer')).toHaveText(/Nog 2:[34]\d/);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByRole('heading', { name: 'Gestopt' })).toBeVisible();
		await expect(page.getByRole('alert')).toContainText('Deze oefening kan niet worden bewaard.');
		await expect(page.getByRole('button', { name: '3 van 10' })).toHaveCount(0);
	});

	test('the exercise goes on, the person is told it is not saved, and the export is offered', async ({
		page
	}) => {
		// Every write to the sessions table fails as it does when storage is full.
		await page.addInitScript(() => {
			for (const method of ['add', 'put'] as const) {
				const original = IDBObjectStore.prototype[method];
				IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown]) {
					if (this.name === 'sessions') {
						throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
					}
					return original.apply(this, args);
				};
			}
		});
		await controlTime(page, '/nu');
		// Storage comes after the first breaths (5 s): then the person is told. Its code loads in
		// real time, not on the test's clock: seconds on a loaded machine.
		await page.clock.runFor(6000);
		await expect(page.getByRole('alert')).toContainText('Geen ruimte meer op dit toestel.', {
			timeout: 15_000
		});
		await page.clock.runFor(24_000);
		await expect(page.getByRole('timer')).toHaveText(/Nog 2:[23]\d/);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByRole('heading', { name: 'Gestopt' })).toBeVisible();
		await expect(page.getByText('Deze oefening kan niet worden bewaard.')).toBeVisible();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Kopie van je gegevens downloaden' }).click();
		expect((await download).suggestedFilename()).toMatch(/^notities-\d{4}-\d{2}-\d{2}\.json$/);
	});
});
