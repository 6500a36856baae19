import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { makeSessions, seedSessions } from '../bench/lib/seed-journal.js';
import {
	expect,
	expectNoAxeViolations,
	storedRecords,
	storedSessions,
	test,
	visitUntilOffline,
	waitForApp
} from './fixtures';

const PASSPHRASE = 'blauwe fiets in de regen';
const NOTE = 'Vandaag wilde ik hem bijna bellen.';
const PIN = '482913';

type Language = 'nl' | 'en';
const WORDS = {
	nl: {
		path: '/gegevens',
		region: 'Versleutelde back-up',
		passphrase: 'Wachtzin voor de back-up',
		repeat: 'Herhaal de wachtzin',
		make: 'Versleutelde back-up maken',
		choose: 'Kies een exportbestand',
		restorePassphrase: 'Wachtzin van de back-up',
		open: 'Openen',
		confirm: 'Ja, importeren',
		wrong: 'Deze wachtzin opent dit bestand niet.',
		damaged: 'Dit bestand is onderweg veranderd of niet compleet aangekomen',
		newer: 'Deze back-up is gemaakt met een nieuwere versie van Rustpunt.',
		nothingChanged: 'Er is niets veranderd.',
		lock: 'Vergrendeling',
		newCode: 'Nieuwe code',
		repeatCode: 'Herhaal de nieuwe code',
		lockOn: 'Vergrendeling aanzetten',
		lockDone: 'De vergrendeling staat aan. Je eigen tekst',
		deleteAll: 'Alles wissen…',
		deleteConfirm: 'Ja, wis alles',
		file: /^notities-\d{4}-\d{2}-\d{2}-kopie\.bin$/
	},
	en: {
		path: '/en/gegevens',
		region: 'Encrypted backup',
		passphrase: 'Passphrase for the backup',
		repeat: 'Repeat the passphrase',
		make: 'Make an encrypted backup',
		choose: 'Choose an export file',
		restorePassphrase: "The backup's passphrase",
		open: 'Open',
		confirm: 'Yes, import',
		wrong: "This passphrase doesn't open this file.",
		damaged: 'This file was altered on the way or arrived incomplete',
		newer: 'This backup was made with a newer version of Rustpunt.',
		nothingChanged: 'Nothing has changed.',
		lock: 'App lock',
		newCode: 'New code',
		repeatCode: 'Repeat the new code',
		lockOn: 'Turn the lock on',
		lockDone: 'The lock is on. Your own text',
		deleteAll: 'Delete everything…',
		deleteConfirm: 'Yes, delete everything',
		file: /^notes-\d{4}-\d{2}-\d{2}-copy\.bin$/
	}
} as const;

/** The records that travel in a backup, each table sorted, for before/after comparisons. */
async function journal(page: Page) {
	const all: Record<string, string[]> = {};
	for (const table of ['sessions', 'urges', 'lists', 'patterns', 'programmes', 'programmeDays']) {
		all[table] = (await storedRecords(page, table)).map((r) => JSON.stringify(r)).sort();
	}
	return all;
}

/** Opens the data screen with three sessions (one with a note), then goes offline. */
async function offlineDataScreen(page: Page, context: BrowserContext, language: Language) {
	await visitUntilOffline(page);
	await waitForApp(page);
	const [first, ...rest] = makeSessions(3, Date.now());
	await seedSessions(page, [{ ...first!, note: NOTE }, ...rest]);
	await page.goto(WORDS[language].path);
	await waitForApp(page);
	await context.setOffline(true);
}

/** Makes a backup with the screen's form; the downloaded file's name and bytes. */
async function makeBackup(page: Page, language: Language) {
	const w = WORDS[language];
	const region = page.getByRole('region', { name: w.region });
	await region.getByLabel(w.passphrase).fill(PASSPHRASE);
	await region.getByLabel(w.repeat).fill(PASSPHRASE);
	const downloading = page.waitForEvent('download');
	await region.getByRole('button', { name: w.make }).click();
	const download = await downloading;
	await expect(region.getByText(download.suggestedFilename())).toBeVisible();
	return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** Deletes everything with the screen's own button. */
async function deleteEverything(page: Page, language: Language) {
	await page.getByRole('button', { name: WORDS[language].deleteAll }).click();
	await page.getByRole('button', { name: WORDS[language].deleteConfirm }).click();
	await expect.poll(async () => (await storedSessions(page)).length).toBe(0);
}

/** Chooses a backup file, as a person picks one from their downloads. */
async function choose(page: Page, language: Language, bytes: Buffer) {
	await page.getByLabel(WORDS[language].choose).setInputFiles({
		name: 'notities.bin',
		mimeType: 'application/octet-stream',
		buffer: bytes
	});
}

/** Types the backup's passphrase and opens it. */
async function open(page: Page, language: Language, passphrase: string) {
	const w = WORDS[language];
	await page.getByLabel(w.restorePassphrase).fill(passphrase);
	await page.getByRole('button', { name: w.open, exact: true }).click();
}

/** The alert that says the file was refused, with nothing changed. */
function refusal(page: Page): Locator {
	return page.getByRole('alert');
}

/** Tries every kind of refused backup; the journal must stay as `before` after each. */
async function refuseEveryBadFile(page: Page, language: Language, bytes: Buffer) {
	const w = WORDS[language];
	const before = await journal(page);

	// A wrong passphrase is said plainly, and the passphrase is asked again.
	await choose(page, language, bytes);
	await expect(page.getByLabel(w.restorePassphrase)).toBeFocused();
	await open(page, language, 'blauwe fiets in de regem');
	await expect(refusal(page)).toContainText(w.wrong);
	await expect(refusal(page)).toContainText(w.nothingChanged);
	await expect(page.getByLabel(w.restorePassphrase)).toBeFocused();
	expect(await journal(page)).toEqual(before);
	await page.getByRole('button', { name: language === 'nl' ? 'Annuleren' : 'Cancel' }).click();

	// A file cut short on the way.
	await choose(page, language, bytes.subarray(0, bytes.length - 200));
	await open(page, language, PASSPHRASE);
	await expect(refusal(page)).toContainText(w.damaged);
	expect(await journal(page)).toEqual(before);

	// One byte changed inside the sealed text.
	const tampered = Buffer.from(bytes);
	tampered[80] = tampered[80]! ^ 0x01;
	await choose(page, language, tampered);
	await open(page, language, PASSPHRASE);
	await expect(refusal(page)).toContainText(w.damaged);
	expect(await journal(page)).toEqual(before);

	// A file from a newer format is refused before the passphrase is asked.
	const newer = Buffer.from(bytes);
	newer[4] = 2;
	await choose(page, language, newer);
	await expect(refusal(page)).toContainText(w.newer);
	await expect(page.getByLabel(w.restorePassphrase)).toHaveCount(0);
	expect(await journal(page)).toEqual(before);
}

test.describe('The encrypted backup, offline', () => {
	test('round trip in Dutch with the lock off: every record comes back equal', async ({
		page,
		context
	}) => {
		await offlineDataScreen(page, context, 'nl');
		const w = WORDS.nl;
		const region = page.getByRole('region', { name: w.region });
		await expect(region.getByText('niemand kan hem voor je terughalen')).toBeVisible();
		await expect(region.getByRole('heading', { name: 'Naar een nieuwe telefoon' })).toBeVisible();

		// Too short is refused and said in words; the strength grows with the words.
		await region.getByLabel(w.passphrase).fill('kort');
		await expect(region.getByText('Sterkte: nog te kort.')).toBeVisible();
		await region.getByRole('button', { name: w.make }).click();
		await expect(region.getByText('Kies een wachtzin van minstens 10 tekens.')).toBeVisible();
		await region.getByLabel(w.passphrase).fill(PASSPHRASE);
		await expect(region.getByText('Sterkte: heel sterk.')).toBeVisible();
		await region.getByLabel(w.repeat).fill('iets anders dan dat');
		await region.getByRole('button', { name: w.make }).click();
		await expect(region.getByText('De twee wachtzinnen zijn niet hetzelfde.')).toBeVisible();
		// Show and hide what is typed.
		await region.getByLabel('Wachtzin tonen').check();
		await expect(region.getByLabel(w.passphrase)).toHaveAttribute('type', 'text');
		await region.getByLabel('Wachtzin tonen').uncheck();
		await expect(region.getByLabel(w.passphrase)).toHaveAttribute('type', 'password');
		await expectNoAxeViolations(page);

		const before = await journal(page);
		const { name, bytes } = await makeBackup(page, 'nl');
		expect(name).toMatch(w.file);
		expect(name).not.toMatch(/rustpunt|backup|back-up/i);
		// Neither the words nor the app's format can be read in the file.
		expect(bytes.includes(Buffer.from('bijna bellen'))).toBe(false);
		expect(bytes.includes(Buffer.from('rustpunt'))).toBe(false);

		await deleteEverything(page, 'nl');
		await refuseEveryBadFile(page, 'nl', bytes);
		expect(await storedSessions(page)).toEqual([]);

		await choose(page, 'nl', bytes);
		await expectNoAxeViolations(page);
		await open(page, 'nl', PASSPHRASE);
		await expect(page.getByRole('heading', { name: 'In dit bestand' })).toBeFocused();
		await expect(page.getByText('Wordt toegevoegd: 3')).toBeVisible();
		await page.getByRole('button', { name: w.confirm }).click();
		await expect(page.getByText('Klaar. Toegevoegd: 3.')).toBeVisible();
		expect(await journal(page)).toEqual(before);
	});

	test.describe('in English', () => {
		test.use({ locale: 'en-GB' });

		test('a backup made with the lock on restores, sealed again, under a new lock', async ({
			page,
			context
		}) => {
			await offlineDataScreen(page, context, 'en');
			const w = WORDS.en;
			const lock = page.getByRole('region', { name: w.lock });
			const turnLockOn = async () => {
				await lock.getByLabel(w.newCode, { exact: true }).fill(PIN);
				await lock.getByLabel(w.repeatCode).fill(PIN);
				await lock.getByRole('button', { name: w.lockOn }).click();
				await expect(lock.getByText(w.lockDone)).toBeVisible();
			};
			await turnLockOn();
			const sealedBefore = await storedSessions(page);
			expect(JSON.stringify(sealedBefore)).not.toContain('bijna bellen');

			// Made while unlocked: the words go in, encrypted with the backup's passphrase.
			const { name, bytes } = await makeBackup(page, 'en');
			expect(name).toMatch(w.file);
			expect(bytes.includes(Buffer.from('bijna bellen'))).toBe(false);

			await deleteEverything(page, 'en');
			await turnLockOn();
			await refuseEveryBadFile(page, 'en', bytes);
			expect(await storedSessions(page)).toEqual([]);

			await choose(page, 'en', bytes);
			await open(page, 'en', PASSPHRASE);
			await page.getByRole('button', { name: w.confirm }).click();
			await expect(page.getByText('Done. Added: 3.')).toBeVisible();
			const restored = await storedSessions(page);
			expect(restored.map((s) => s.id)).toEqual(sealedBefore.map((s) => s.id));
			// The note came back, sealed for the new lock: stored, but not readable as text.
			const note = restored.find((s) => s.id === sealedBefore.find((b) => b.note)?.id)?.note;
			expect(note?.startsWith('\u0001rp1:')).toBe(true);
			expect(JSON.stringify(restored)).not.toContain('bijna bellen');
			await expectNoAxeViolations(page);
		});
	});
});
