/**
 * What the app's content is once validated: exercises and programmes, in every language of
 * the app. The YAML files become these at build time (content/build/); the app reads them.
 */
import type { BreathingPattern } from '../engine/types.ts';
import type { GuidedStep } from './guided.ts';
import type { ChoiceName, GUIDED_CATEGORIES } from './choices.ts';

/** The languages every text in an exercise file must have. */
export const CONTENT_LOCALES = ['nl', 'en'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/** A text in every language of the app. */
export type LocalizedText = Readonly<Record<ContentLocale, string>>;

/** A validated breathing exercise, ready for the engine. */
export interface BreathingExercise {
	readonly id: string;
	readonly kind: 'breathing';
	readonly order: number;
	readonly title: LocalizedText;
	readonly summary: LocalizedText;
	readonly guidance: LocalizedText;
	readonly defaultMinutes: number;
	readonly maxCycles?: number;
	readonly hasHolds: boolean;
	readonly pattern: BreathingPattern;
}

/** A breathing exercise as its pacer needs it: "breathe now" loads no more than this. */
export type BreathingPace = Omit<BreathingExercise, 'summary' | 'guidance'>;

/** A guided practice as the catalogue lists it; its steps load with its own page. */
export interface GuidedExercise {
	readonly id: string;
	readonly kind: 'guided';
	readonly category: (typeof GUIDED_CATEGORIES)[number];
	readonly order: number;
	readonly title: LocalizedText;
	readonly summary: LocalizedText;
	/** The choices offered before starting, in order. */
	readonly choices: readonly ChoiceName[];
	/** No text asks the person to attend to the breath (grounding). */
	readonly breathFree: boolean;
	/** Length with the default choices. */
	readonly durationMs: number;
}

/** A guided practice with what only its own page needs: the introduction and the steps. */
export interface GuidedPractice extends GuidedExercise, GuidedDetail {}

/** The part of a guided practice that loads with its page. */
export interface GuidedDetail {
	readonly guidance: LocalizedText;
	readonly steps: readonly GuidedStep[];
}

export type Exercise = BreathingExercise | GuidedExercise;
/** What a content file becomes: a breathing exercise or a whole guided practice. */
export type LoadedExercise = BreathingExercise | GuidedPractice;

/** One practice of a programme day: an exercise id (or boundary, urge-questions). */
export interface ProgrammePractice {
	readonly exercise: string;
	/** Minutes for a breathing exercise, chosen for the person (they may change it). */
	readonly minutes?: number;
}

/** A day as written in the file, with what changes for each variant. */
export interface ProgrammeDayContent {
	readonly intention: LocalizedText;
	readonly practice: readonly ProgrammePractice[];
	readonly reading?: LocalizedText;
	readonly variants?: Readonly<
		Record<string, { intention?: LocalizedText; practice?: readonly ProgrammePractice[] }>
	>;
}

/** A validated programme. */
export interface Programme {
	readonly id: string;
	readonly order: number;
	readonly title: LocalizedText;
	readonly summary: LocalizedText;
	readonly description: LocalizedText;
	/** The question above the variants ("Which describes you best?"). */
	readonly variantQuestion?: LocalizedText;
	readonly variants: readonly { id: string; description: LocalizedText }[];
	readonly weeks: readonly { title: LocalizedText; days: readonly ProgrammeDayContent[] }[];
}
