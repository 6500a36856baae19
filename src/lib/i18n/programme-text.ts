import type { ProgrammePractice } from '../content/types';
import { m } from '../paraglide/messages';
import { titleOfExercise } from './journal-text';

/** What a programme day's practice is called on screen: "Coherent breathing · 5 min". */
export function practiceLabel(practice: ProgrammePractice): string {
	const title =
		practice.exercise === 'urge-questions' ? m.urge_title() : titleOfExercise(practice.exercise);
	return practice.minutes
		? `${title} · ${m.programme_minutes({ minutes: String(practice.minutes) })}`
		: title;
}
