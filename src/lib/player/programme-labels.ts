import { localized } from '../i18n/text';
import { m } from '../paraglide/messages';
import { loadProgrammeStore } from './gateway';

/**
 * "Dag 3 van Fundament" for each of these sessions that completed a programme day. The
 * programmes and their store load only here, when the journal asks.
 */
export async function programmeDayLabels(
	sessionIds: readonly string[]
): Promise<Map<string, string>> {
	const labels = new Map<string, string>();
	if (sessionIds.length === 0) return labels;
	const days = await (await loadProgrammeStore()).daysOfSessions(sessionIds);
	if (days.length === 0) return labels;
	const { loadProgrammes } = await import('../content/programmes');
	const programmes = await loadProgrammes();
	for (const day of days) {
		const programme = programmes.find((p) => p.id === day.programmeId);
		if (!programme) continue;
		labels.set(
			day.sessionId,
			m.programme_day_of_title({ day: String(day.day), title: localized(programme.title) })
		);
	}
	return labels;
}
