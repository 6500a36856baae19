/**
 * Local calendar days. A journal speaks in the days the person lived: a session at 00:30 on
 * Tuesday belongs to Tuesday wherever the clocks changed, so days are counted on the device's
 * local calendar, never as 24-hour blocks of epoch time.
 */

/** 'YYYY-MM-DD' of the local day an epoch-ms moment falls on. */
export function localDayKey(epochMs: number): string {
	const d = new Date(epochMs);
	const month = String(d.getMonth() + 1).padStart(2, '0');
	const day = String(d.getDate()).padStart(2, '0');
	return `${String(d.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/** True for a well-formed day key that names a real date. */
export function isDayKey(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	const date = new Date(y, m - 1, d);
	return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** Epoch ms of local midnight at the start of the day `epochMs` falls on. */
export function startOfLocalDay(epochMs: number): number {
	const d = new Date(epochMs);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Epoch ms of local midnight `days` calendar days after the day of `epochMs` (may be negative). */
export function addLocalDays(epochMs: number, days: number): number {
	const d = new Date(epochMs);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** Epoch ms of local midnight on the Monday of the week `epochMs` falls in (ISO weeks). */
export function startOfLocalWeek(epochMs: number): number {
	const d = new Date(epochMs);
	const sinceMonday = (d.getDay() + 6) % 7;
	return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday).getTime();
}

/** Epoch ms of local midnight on the first of the month `epochMs` falls in. */
export function startOfLocalMonth(epochMs: number): number {
	const d = new Date(epochMs);
	return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

/** Epoch ms of local midnight at the start of a day key's day. */
export function dayKeyStart(key: string): number {
	const [y, m, d] = key.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d).getTime();
}

/**
 * Epoch ms of the Mondays that start the last `weeks` local weeks, oldest first, the week of
 * `nowMs` last. Stepping by calendar days keeps every start on local midnight across DST.
 */
export function lastLocalWeekStarts(nowMs: number, weeks: number): number[] {
	const count = Math.max(0, Math.floor(weeks));
	const current = startOfLocalWeek(nowMs);
	return Array.from({ length: count }, (_, i) => addLocalDays(current, -7 * (count - 1 - i)));
}
