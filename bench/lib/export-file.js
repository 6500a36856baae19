// @ts-check
/**
 * Export files as the app writes them (format "rustpunt-export", version 1), made up for the
 * import bench and the end-to-end tests: any number of sessions, all plausible.
 */

const EXERCISES = ['extended-exhale', 'cyclic-sighing', 'box', 'coherent', 'grounding-senses'];

/** The first moment the sessions of a made-up file may start (the import's floor is 2024). */
const FIRST_MS = Date.UTC(2024, 0, 2);

/**
 * The text of an export file written at `nowMs` with `count` sessions spread evenly from
 * January 2024 until an hour before `nowMs`, one in five rated, one in fifty with a note
 * (about 150 bytes a session, as in a real export of 138,604 sessions: 20.9 MB). Deterministic.
 * The day of each session is its UTC date (the import accepts a day from the UTC date).
 * @param {number} count
 * @param {number} nowMs
 * @param {{ sessions?: object[], urges?: object[], patterns?: object[] }} [extra] records added as they are
 */
export function makeExportText(count, nowMs, extra = {}) {
	const span = nowMs - 3_600_000 - FIRST_MS;
	const sessions = [];
	for (let i = 0; i < count; i++) {
		const startedAt = FIRST_MS + Math.floor((span * i) / Math.max(1, count));
		const activeMs = 60_000 + ((i * 7919) % 540_000);
		sessions.push({
			id: `i${i.toString(36)}`,
			exerciseId: EXERCISES[i % EXERCISES.length],
			startedAt,
			day: new Date(startedAt).toISOString().slice(0, 10),
			endedAt: startedAt + activeMs,
			activeMs,
			plannedMs: activeMs,
			status: i % 7 === 0 ? 'stopped' : 'completed',
			...(i % 5 === 0 && { distressBefore: 6, distressAfter: 3 }),
			...(i % 50 === 0 && { note: `Notitie ${i}: rustiger na afloop.` })
		});
	}
	return JSON.stringify({
		format: 'rustpunt-export',
		version: 1,
		exportedAt: nowMs,
		sessions: [...sessions, ...(extra.sessions ?? [])],
		urges: extra.urges ?? [],
		lists: [],
		settings: [],
		patterns: extra.patterns ?? [],
		programmes: [],
		programmeDays: [],
		preferences: {}
	});
}
