import type { PlanStep } from '../records/safety-plan';
import type { CrisisLineId, LineHours } from '../safety/crisis-lines';
import { m } from '../paraglide/messages';

/** Each step of the safety plan in words: its title and what belongs in it. */
export const PLAN_STEP_TEXT: Record<PlanStep, { title: () => string; about: () => string }> = {
	signs: { title: m.plan_signs_title, about: m.plan_signs_about },
	alone: { title: m.plan_alone_title, about: m.plan_alone_about },
	distract: { title: m.plan_distract_title, about: m.plan_distract_about },
	people: { title: m.plan_people_title, about: m.plan_people_about },
	pros: { title: m.plan_pros_title, about: m.plan_pros_about },
	safer: { title: m.plan_safer_title, about: m.plan_safer_about },
	reasons: { title: m.plan_reasons_title, about: m.plan_reasons_about }
};

/** The name and a one-line description of a crisis line, in the app's language. */
export function lineText(id: CrisisLineId): { name: string; about: string } {
	switch (id) {
		case 'nl-113':
			return { name: m.line_nl_113_name(), about: m.line_nl_113_about() };
		case 'nl-veilig-thuis':
			return { name: m.line_nl_veilig_thuis_name(), about: m.line_nl_veilig_thuis_about() };
		case 'nl-luisterlijn':
			return { name: m.line_nl_luisterlijn_name(), about: m.line_nl_luisterlijn_about() };
		case 'be-1813':
			return { name: m.line_be_1813_name(), about: m.line_be_1813_about() };
		case 'be-1712':
			return { name: m.line_be_1712_name(), about: m.line_be_1712_about() };
		case 'emergency':
			return { name: m.line_emergency_name(), about: m.line_emergency_about() };
	}
}

/** When a line can be reached, in words. */
export function hoursText(hours: LineHours): string {
	return hours === 'always' ? m.hours_always() : m.hours_weekdays_9_17();
}
