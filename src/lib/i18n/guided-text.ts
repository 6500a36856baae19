// Words for guided practices, apart from text.ts so that "breathe now" does not load them.
import { GUIDED_CHOICES, type ChoiceName } from '../content/choices';
import type { ExerciseGroup } from '../content/groups';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';
import { BACKGROUND_CHOICES, VOICE_RATES, type BackgroundChoice } from '../settings/schema';

/** The question for a choice offered before a guided practice. */
export function choiceLegend(name: ChoiceName): string {
	switch (name) {
		case 'posture':
			return m.choice_posture();
		case 'eyes':
			return m.choice_eyes();
		case 'anchor':
			return m.choice_anchor();
	}
}

const CHOICE_VALUE_LABELS: Record<string, () => string> = {
	sitting: m.posture_sitting,
	lying: m.posture_lying,
	standing: m.posture_standing,
	open: m.eyes_open,
	closed: m.eyes_closed,
	feet: m.anchor_feet,
	breath: m.anchor_breath,
	sound: m.anchor_sound,
	object: m.anchor_object
};

/** The options of a choice, labelled in the app's language. */
export function choiceOptions(name: ChoiceName): { value: string; label: string }[] {
	return GUIDED_CHOICES[name].map((value) => ({
		value,
		label: CHOICE_VALUE_LABELS[value]?.() ?? value
	}));
}

/** The speaking rates offered, labelled. */
export function rateOptions(): { value: number; label: string }[] {
	const labels = [m.rate_slow(), m.rate_calm(), m.rate_normal()];
	return VOICE_RATES.map((value, i) => ({ value, label: labels[i]! }));
}

/** The background sounds offered, labelled. */
export function backgroundOptions(): { value: BackgroundChoice; label: string }[] {
	const labels: Record<BackgroundChoice, string> = {
		none: m.background_none(),
		brown: m.background_brown(),
		drone: m.background_drone()
	};
	return BACKGROUND_CHOICES.map((value) => ({ value, label: labels[value] }));
}

/** A practice's length in words: "about 10 min". */
export function aboutMinutes(durationMs: number): string {
	return m.about_minutes({ minutes: String(Math.max(1, Math.round(durationMs / 60_000))) });
}

/** Today's date and the time, in full words of the app's language (orientation). */
export function formatNow(epochMs: number): { date: string; time: string } {
	const locale = getLocale() === 'nl' ? 'nl-NL' : 'en-GB';
	const at = new Date(epochMs);
	return {
		date: at.toLocaleDateString(locale, {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			year: 'numeric'
		}),
		time: at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
	};
}

const GROUP_TEXT: Record<ExerciseGroup, { label: () => string; hint: () => string }> = {
	breathing: { label: m.group_breathing, hint: m.group_breathing_hint },
	body: { label: m.group_body, hint: m.group_body_hint },
	grounding: { label: m.group_grounding, hint: m.group_grounding_hint },
	imagery: { label: m.group_imagery, hint: m.group_imagery_hint },
	boundary: { label: m.group_boundary, hint: m.group_boundary_hint }
};

/** A group of exercises' name and one line about it. */
export function groupText(group: ExerciseGroup): { label: string; hint: string } {
	const text = GROUP_TEXT[group];
	return { label: text.label(), hint: text.hint() };
}
