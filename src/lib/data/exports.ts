import { downloadFile } from '../device/download';
import { csvLabels, exerciseTitle } from '../i18n/journal-text';
import { localDayKey } from '../journal/days';
import { preferences } from '../player/preferences.svelte';
import { loadData } from '../player/services';

/** Downloads everything as one JSON file; returns the file's name. */
export async function downloadEverything(nowMs = Date.now()): Promise<string> {
	const data = await loadData();
	const name = `rustpunt-${localDayKey(nowMs)}.json`;
	downloadFile(name, await data.exportJson(preferences.snapshot(), nowMs), 'application/json');
	return name;
}

/** Downloads the sessions as CSV; returns the file's name. */
export async function downloadSessionsCsv(nowMs = Date.now()): Promise<string> {
	const data = await loadData();
	const name = `rustpunt-${localDayKey(nowMs)}.csv`;
	downloadFile(name, await data.sessionsCsv(exerciseTitle, csvLabels()), 'text/csv;charset=utf-8');
	return name;
}
