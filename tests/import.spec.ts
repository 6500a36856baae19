import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { makeExportText } from '../bench/lib/export-file.js';
import { makeSessions, seedSessions } from '../bench/lib/seed-journal.js';
import { encodeShareCode } from '../src/lib/engine/own-pattern';
import { MAX_IMPORT_BYTES, MAX_SESSIONS } from '../src/lib/records/import-limits';
import { expect, putRecords, storedRecords, test, waitForApp } from './fixtures';

const NEUTRAL = 'https://www.buienradar.nl';
const YEAR_2999 = Date.UTC(2999, 0, 1, 12);

/** Opens the data screen in `language` with `count` sessions stored. */
async function dataScreen(page: Page, count: number, language: 'nl' | 'en' = 'nl') {
	await page.goto('/');
	await waitForApp(page);
	await seedSessions(page, makeSessions(count, Date.now()));
	await page.goto(language === 'nl' ? '/gegevens' : '/en/gegevens');
	await waitForApp(page);
	// The settings of the first visit move into the database on this second page: once they
	// are in, what is stored stays as it is unless an import writes.
	await expect.poll(async () => (await storedRecords(page, 'settings')).length).toBeGreaterThan(0);
}

/** Everything in the database, each table sorted, for before/after comparisons. */
async function everything(page: Page) {
	const tables = ['sessions', 'urges', 'lists', 'settings', 'patterns', 'programmes'];
	const all: Record<string, string[]> = {};
	for (const table of tables) {
		all[table] = (await storedRecords(page, table)).map((r) => JSON.stringify(r)).sort();
	}
	return all;
}

/** Chooses an export file with `text` in it, as a person picks one. */
async function choose(page: Page, text: string, label = 'Kies een exportbestand') {
	await page.getByLabel(label).setInputFiles({
		name: 'rustpunt.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
}

/** A big export file on disk (setInputFiles then hands the browser its path). */
function bigFile(testInfo: TestInfo, sessions: number): string {
	const path = testInfo.outputPath(`rustpunt-${sessions}.json`);
	writeFileSync(path, makeExportText(sessions, Date.now()));
	return path;
}

/** Chooses `file`, confirms, and waits until the write is under way. */
async function startWriting(page: Page, file: string) {
	await page.getByLabel('Kies een exportbestand').setInputFiles(file);
	await page.getByRole('button', { name: 'Ja, importeren' }).click({ timeout: 30_000 });
	await expect(page.getByText(/^[\d.]+ van [\d.]+ verwerkt$/)).toBeVisible();
}

test.describe('Importing, with the phone responsive all along', () => {
	test('a file over the size limit is refused, and the message names that limit', async ({
		page
	}, testInfo) => {
		await dataScreen(page, 2);
		const before = await everything(page);
		const path = testInfo.outputPath('too-big.json');
		writeFileSync(path, Buffer.alloc(MAX_IMPORT_BYTES + 1, ' '));
		const limit = `${MAX_IMPORT_BYTES / 1_000_000} MB`;

		await page.getByLabel('Kies een exportbestand').setInputFiles(path);
		await expect(page.getByRole('alert')).toHaveText(
			`Dit bestand is groter dan ${limit}, en zo groot is een export van Rustpunt nooit. Er is niets veranderd.`
		);
		await page.goto('/en/gegevens');
		await page.getByLabel('Choose an export file').setInputFiles(path);
		await expect(page.getByRole('alert')).toContainText(`larger than ${limit}`);
		expect(await everything(page)).toEqual(before);
	});

	test('a file with more sessions than Rustpunt keeps is refused, naming how many it keeps', async ({
		page
	}) => {
		await dataScreen(page, 0);
		const sessions = Array.from({ length: MAX_SESSIONS + 1 }, () => 0);
		await choose(page, JSON.stringify({ format: 'rustpunt-export', version: 1, sessions }));
		await expect(page.getByRole('alert')).toContainText(
			'Dit bestand bevat meer dan 200.000 sessies, meer dan Rustpunt kan bewaren.'
		);
	});

	test('a practice time of 1e300 ms is refused, naming the session and its practice time', async ({
		page
	}) => {
		await dataScreen(page, 2);
		const before = await everything(page);
		const file = JSON.parse(makeExportText(3, Date.now())) as { sessions: { activeMs: number }[] };
		file.sessions[1]!.activeMs = 1e300;
		await choose(page, JSON.stringify(file));
		await expect(page.getByRole('alert')).toHaveText(
			/^Sessie 2 van 3 \(\d+ \w+ \d{4}\): de oefentijd is langer dan een dag\. Er is niets veranderd\.$/
		);
		await expect(page.getByRole('alert')).not.toContainText('activeMs');

		await page.goto('/en/gegevens');
		await choose(page, JSON.stringify(file), 'Choose an export file');
		await expect(page.getByRole('alert')).toHaveText(
			/^Session 2 of 3 \(\d+ \w+ \d{4}\): the practice time is longer than a day\. Nothing has changed\.$/
		);
		expect(await everything(page)).toEqual(before);
	});

	test('a session and an urge dated 2999 are refused, and the journal stays on today', async ({
		page
	}) => {
		await dataScreen(page, 2);
		const before = await everything(page);
		const session = {
			id: 'later',
			exerciseId: 'box',
			startedAt: YEAR_2999,
			day: '2999-01-01',
			endedAt: YEAR_2999,
			activeMs: 60_000,
			plannedMs: 60_000,
			status: 'completed'
		};
		await choose(page, makeExportText(2, Date.now(), { sessions: [session] }));
		await expect(page.getByRole('alert')).toHaveText(
			'Sessie 3 van 3 (1 januari 2999): de starttijd ligt in de toekomst. Er is niets veranderd.'
		);
		await choose(
			page,
			makeExportText(0, Date.now(), { urges: [{ id: 'u', startedAt: YEAR_2999 }] })
		);
		await expect(page.getByRole('alert')).toHaveText(
			'Moment van drang 1 van 1 (1 januari 2999): de starttijd ligt in de toekomst. Er is niets veranderd.'
		);
		// A file that says it was written in 2999 too (the year 3000 was the old limit).
		const forged = JSON.parse(makeExportText(0, Date.now(), { sessions: [session] })) as Record<
			string,
			unknown
		>;
		await choose(page, JSON.stringify({ ...forged, exportedAt: YEAR_2999 }));
		await expect(page.getByRole('alert')).toHaveText(
			'Het bestand: de datum waarop het is gemaakt ligt in de toekomst. Er is niets veranderd.'
		);
		expect(await everything(page)).toEqual(before);
		await page.goto('/dagboek');
		await expect(page.getByText('2999')).toHaveCount(0);
	});

	test('a pattern named only with zero-width spaces is refused in a share code and in an import', async ({
		page
	}) => {
		const blank = '\u200B\u200B\u200B';
		const code = encodeShareCode({
			name: blank,
			inhale: 4,
			inhaleTop: 0,
			holdIn: 0,
			exhale: 6,
			holdOut: 0,
			length: { kind: 'cycles', cycles: 10 }
		});
		await page.goto(`/patroon?code=${code}`);
		await expect(
			page.getByText('Dit is geen geldige ritmecode. Er is niets bewaard.')
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Bewaar bij mijn ritmes' })).toHaveCount(0);

		await dataScreen(page, 0);
		const pattern = {
			id: 'p1',
			name: blank,
			inhale: 4,
			inhaleTop: 0,
			holdIn: 0,
			exhale: 6,
			holdOut: 0,
			length: { kind: 'cycles', cycles: 10 },
			createdAt: Date.now() - 60_000,
			updatedAt: Date.now() - 60_000
		};
		await choose(page, makeExportText(0, Date.now(), { patterns: [pattern] }));
		await expect(page.getByRole('alert')).toContainText(
			/^Ademritme 1 van 1 \(.+\): de naam is leeg of onzichtbaar\./
		);
		expect(await storedRecords(page, 'patterns')).toEqual([]);
	});

	test('shows its progress and a cancel while writing; a cancel leaves the database exactly as it was', async ({
		page
	}, testInfo) => {
		await dataScreen(page, 5);
		const before = await everything(page);
		await startWriting(page, bigFile(testInfo, 60_000));
		const progress = page.getByRole('progressbar', { name: 'Voortgang van het importeren' });
		await expect(progress).toBeVisible();
		await page.getByRole('button', { name: 'Annuleren' }).click();

		await expect(page.getByText('Niet geïmporteerd. Er is niets veranderd.')).toBeVisible();
		await expect(progress).toHaveCount(0);
		expect(await everything(page)).toEqual(before);
		await expect(page.getByLabel('Kies een exportbestand')).toBeFocused();
	});

	test('a page closed in the middle of an import leaves the database as it was', async ({
		page,
		context
	}, testInfo) => {
		await dataScreen(page, 5);
		const before = await everything(page);
		await startWriting(page, bigFile(testInfo, 60_000));
		await page.close();

		const again = await context.newPage();
		await again.goto('/gegevens');
		await waitForApp(again);
		expect(await everything(again)).toEqual(before);
		await expect(again.getByText('Sessies bewaard: 5')).toBeVisible();
	});

	test('with the lock on, imported words are sealed and the reality list is joined as text', async ({
		page
	}) => {
		await page.goto('/');
		await waitForApp(page);
		await seedSessions(page, makeSessions(1, Date.now()));
		await putRecords(page, 'lists', [{ id: 'reality', items: ['Hij beloofde het.'] }]);
		await page.goto('/gegevens');
		const lock = page.getByRole('region', { name: 'Vergrendeling' });
		await lock.getByLabel('Nieuwe code', { exact: true }).fill('482913');
		await lock.getByLabel('Herhaal de nieuwe code').fill('482913');
		await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
		await expect(lock.getByText('De vergrendeling staat aan. Je eigen tekst')).toBeVisible();

		const file = JSON.parse(makeExportText(1, Date.now())) as Record<string, unknown>;
		(file.sessions as Record<string, unknown>[])[0]!.note = 'Mijn eigen woorden.';
		file.lists = [{ id: 'reality', items: ['Hij beloofde het.', 'Ik was bang.'] }];
		await choose(page, JSON.stringify(file));
		await page.getByRole('button', { name: 'Ja, importeren' }).click();
		await expect(page.getByText('Klaar. Toegevoegd: 1.')).toBeVisible();

		const notes = (await storedRecords<{ id: string; note?: string }>(page, 'sessions'))
			.filter((s) => s.id.startsWith('i'))
			.map((s) => s.note);
		const sealed = (text: string | undefined) => text?.startsWith('\u0001rp1:') === true;
		expect(notes.map(sealed)).toEqual([true]);
		const [list] = await storedRecords<{ items: string[] }>(page, 'lists');
		expect(list!.items).toHaveLength(2);
		expect(list!.items.every(sealed)).toBe(true);
	});

	test('a file that would overfill a step of the safety plan is refused, naming the step', async ({
		page
	}) => {
		await dataScreen(page, 0);
		const onPhone = Array.from({ length: 45 }, (_, i) => `Op de telefoon ${i + 1}`);
		await putRecords(page, 'lists', [{ id: 'plan-signs', items: onPhone }]);
		const before = await everything(page);
		const file = JSON.parse(makeExportText(0, Date.now()));
		file.lists = [
			{ id: 'plan-signs', items: Array.from({ length: 6 }, (_, i) => `Uit het bestand ${i}`) }
		];

		await choose(page, JSON.stringify(file));
		await page.getByRole('button', { name: 'Ja, importeren' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'Samen met wat al op deze telefoon staat, zou „Mijn signalen” in je veiligheidsplan meer dan 50 regels krijgen, meer dan erin past. Het bestand is niet gebruikt. Er is niets veranderd. Wil je het toch gebruiken, haal dan eerst een paar regels uit die stap weg.'
		);
		expect(await everything(page)).toEqual(before);
	});

	test.describe('with quick exit', () => {
		test.use({ allowedOrigins: [NEUTRAL] });

		test('quick exit during an import leaves at once, and nothing of the import stays', async ({
			page,
			context
		}, testInfo) => {
			let leftAt: number | undefined;
			await context.route(`${NEUTRAL}/**`, (route) => {
				leftAt ??= Date.now();
				return route.fulfill({ contentType: 'text/html', body: '<title>Weer</title>' });
			});
			// The press is timed in the page by the input event's own time stamp: the moment the
			// tap came in, however long a busy page would take to handle it.
			let pressedAt: number | undefined;
			await page.exposeFunction('quickExitPressed', (at: number) => (pressedAt = at));
			await page.addInitScript(() =>
				addEventListener(
					'click',
					(event) => {
						if ((event.target as Element).closest?.('[data-quick-exit]')) {
							const tell = (window as unknown as { quickExitPressed: (at: number) => void })
								.quickExitPressed;
							tell(performance.timeOrigin + event.timeStamp);
						}
					},
					true
				)
			);
			await dataScreen(page, 5);
			const before = await everything(page);
			await startWriting(page, bigFile(testInfo, 60_000));
			await page.evaluate(() => scrollTo(0, 0));
			await page.getByRole('button', { name: /^Snel weg/ }).click();
			await expect(page).toHaveURL(`${NEUTRAL}/`);
			// Quick exit waits at most 300 ms for the app; the import must add nothing to that.
			expect(leftAt! - pressedAt!).toBeLessThan(1000);

			await page.goto('/gegevens');
			await waitForApp(page);
			expect(await everything(page)).toEqual(before);
		});
	});
});
