import { downloadFile } from '../platform/download';
import { csvFormat, csvLabels } from '../i18n/journal-text';
import { exerciseTitle } from './exercise-title';
import { statusLabel } from '../i18n/text';
import { localDayKey } from '../records/days';
import { m } from '../paraglide/messages';
import { sealBackup } from '../security/backup-crypto';
import { isLockedError } from '../security/locked-error';
import { preferences } from './preferences.svelte';
import { loadData } from './gateway';

/** A download handed to the browser: its file name, and damaged records left out of it. */
export interface Downloaded {
	name: string;
	leftOut: number;
}

/**
 * A file name that says nothing of the app or of what is in it ("notities-2026-12-04.json"):
 * a downloads folder, a file list or a shared computer may be seen by someone who watches.
 */
function neutralName(extension: string, nowMs: number): string {
	return `${m.data_file_name({ date: localDayKey(nowMs) })}.${extension}`;
}

/** Downloads everything as one JSON file. */
export async function downloadEverything(nowMs = Date.now()): Promise<Downloaded> {
	const data = await loadData();
	const name = neutralName('json', nowMs);
	const { text, leftOut } = await data.exportJson(preferences.snapshot(), nowMs);
	downloadFile(name, text, 'application/json');
	return { name, leftOut };
}

/**
 * Downloads everything as an encrypted backup: the same export, sealed with `passphrase`
 * (checked by the caller). Named like the plain export, with nothing that says backup or app.
 * Takes a few seconds: the passphrase is stretched by PBKDF2's 600,000 rounds.
 */
export async function downloadBackup(passphrase: string, nowMs = Date.now()): Promise<Downloaded> {
	const data = await loadData();
	const name = `${m.backup_file_name({ date: localDayKey(nowMs) })}.bin`;
	const { text, leftOut } = await data.exportJson(preferences.snapshot(), nowMs);
	const sealed = await sealBackup(text, passphrase);
	downloadFile(name, sealed, 'application/octet-stream');
	return { name, leftOut };
}

/** Downloads the sessions as CSV for a spreadsheet. */
export async function downloadSessionsCsv(nowMs = Date.now()): Promise<Downloaded> {
	const data = await loadData();
	const name = neutralName('csv', nowMs);
	const csv = await data.sessionsCsv(exerciseTitle, csvLabels(), statusLabel, csvFormat());
	downloadFile(name, csv, 'text/csv;charset=utf-8');
	return { name, leftOut: 0 };
}

/** Downloads everything when nothing on the screen waits for the outcome (a phone that is full). */
export function downloadEverythingUnattended(): Promise<void> {
	return downloadEverything().then(
		() => undefined,
		(error: unknown) => {
			// With the app locked an export needs the code first; the data screen says so.
			if (isLockedError(error)) console.warn(error.message);
			else console.error('Could not export', error);
		}
	);
}
