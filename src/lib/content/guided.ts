import { CHOICE_NAMES, GUIDED_CHOICES, type ChoiceName } from './choices.ts';
import type { StepFocus } from './focus.ts';
import type { ContentLocale, LocalizedText } from './types.ts';

/** The choices made before a guided practice: one value per offered choice. */
export type GuidedChoices = Partial<Record<ChoiceName, string>>;

/** One step of a guided practice, ready to run. */
export interface GuidedStep {
	readonly id: string;
	readonly durationMs: number;
	readonly text: LocalizedText;
	/** The step belongs to the practice only when these choices were made. */
	readonly when?: GuidedChoices;
	/** The person may count up to this many things they notice, or type them. */
	readonly input?: number;
	/** Shows today's date and time (orientation). */
	readonly show?: 'now';
	/** What the step is about: a body region, a sense or a scene, drawn above its text. */
	readonly focus?: StepFocus;
	/** One slow movement every so many ms (soothing touch). */
	readonly rhythmMs?: number;
}

/** The noun phrase `{anchor}` stands for in a step text, per anchor and language. */
export const ANCHOR_PHRASES: Record<string, LocalizedText> = {
	feet: { nl: 'je voeten op de grond', en: 'your feet on the ground' },
	breath: { nl: 'je adem', en: 'your breath' },
	sound: { nl: 'een geluid om je heen', en: 'a sound around you' },
	object: { nl: 'een voorwerp in de kamer', en: 'an object in the room' }
};

/** Placeholders a step text may use, and the choice each needs. */
export const PLACEHOLDERS: Record<string, ChoiceName> = { anchor: 'anchor' };

/**
 * Words a voice speaks per second at the normal rate, kept low so that slower voices fit too.
 * Every step must leave at least SPEECH_MARGIN_S of quiet after its text.
 */
export const SPEECH_WORDS_PER_S = 2;
export const SPEECH_MARGIN_S = 3;

/** The first value of every offered choice: what a practice does when nothing is chosen. */
export function defaultChoices(offered: readonly ChoiceName[]): GuidedChoices {
	return Object.fromEntries(offered.map((name) => [name, GUIDED_CHOICES[name][0]]));
}

/** Keeps only valid values for the offered choices; anything else takes the default. */
export function validChoices(offered: readonly ChoiceName[], wanted: unknown): GuidedChoices {
	const out = defaultChoices(offered);
	if (typeof wanted !== 'object' || wanted === null) return out;
	for (const name of offered) {
		const value = (wanted as Record<string, unknown>)[name];
		if ((GUIDED_CHOICES[name] as readonly unknown[]).includes(value)) out[name] = value as string;
	}
	return out;
}

/** The steps of a practice for the choices made (steps for other choices are left out). */
export function stepsFor(steps: readonly GuidedStep[], choices: GuidedChoices): GuidedStep[] {
	return steps.filter((step) =>
		CHOICE_NAMES.every(
			(name) => step.when?.[name] === undefined || step.when[name] === choices[name]
		)
	);
}

/** A step text in one language with its placeholders filled in. */
export function stepText(step: GuidedStep, choices: GuidedChoices, locale: ContentLocale): string {
	return step.text[locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
		const phrase = name === 'anchor' && choices.anchor ? ANCHOR_PHRASES[choices.anchor] : undefined;
		return phrase ? phrase[locale] : whole;
	});
}

/** The number of words a voice would speak, counting a placeholder as its longest phrase. */
export function spokenWords(text: string, locale: ContentLocale): number {
	const longest = Math.max(
		...Object.values(ANCHOR_PHRASES).map((p) => p[locale].split(/\s+/).length)
	);
	const placeholders = text.match(/\{\w+\}/g)?.length ?? 0;
	const words = text
		.replace(/\{\w+\}/g, ' ')
		.split(/\s+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
	return words + placeholders * longest;
}

/** The most words a step of this length may speak and still leave quiet after them. */
export function maxSpokenWords(seconds: number): number {
	return Math.floor((seconds - SPEECH_MARGIN_S) * SPEECH_WORDS_PER_S);
}

/** Splits a text into sentences, so speech can end a sentence before the next step begins. */
export function sentences(text: string): string[] {
	return (text.match(/[^.!?…]+(?:[.!?…]+["'”’)]*|$)/g) ?? [])
		.map((s) => s.trim())
		.filter((s) => s.length > 0);
}
