import * as v from 'valibot';
import { CHOICE_NAMES, GUIDED_CATEGORIES, GUIDED_CHOICES } from '../choices.ts';
import { STEP_FOCUS } from '../focus.ts';
import { SESSION_MINUTES } from '../lengths.ts';
import { CONTENT_LOCALES, type ContentLocale } from '../types.ts';

export { CHOICE_NAMES, GUIDED_CATEGORIES, GUIDED_CHOICES };
export type { ChoiceName } from '../choices.ts';

export { SESSION_MINUTES };

export { CONTENT_LOCALES };
export type { ContentLocale };

const text = v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'));

/** The message for a strict object: a wrong type, or a field that does not belong there. */
export function strictMessage(what: string) {
	return (issue: v.BaseIssue<unknown>) => {
		if (issue.expected === 'never') return 'is not a known field';
		// A required field that is absent is reported on the field itself.
		if (issue.received === 'undefined' && (issue.path?.length ?? 0) > 0) return 'is missing';
		return `must be ${what}`;
	};
}

/** A text in every language of the app. */
export const LocalizedTextSchema = v.strictObject(
	{ nl: text, en: text },
	strictMessage('a text in both nl and en')
);

/** The phase kinds an exercise file may use (the engine's BreathPhaseKind). */
export const BREATH_PHASE_KINDS = [
	'inhale',
	'inhale-top',
	'hold-in',
	'exhale',
	'hold-out'
] as const;

/** Seconds for one phase: longer than zero, no longer than a minute. */
const seconds = v.pipe(
	v.number('must be a number of seconds'),
	v.finite('must be a finite number'),
	v.gtValue(0, 'must be > 0'),
	v.maxValue(60, 'must be at most 60')
);

/** One phase of a breathing cycle in an exercise file. */
export const PhaseSchema = v.strictObject(
	{
		kind: v.picklist(BREATH_PHASE_KINDS, `must be one of ${BREATH_PHASE_KINDS.join(', ')}`),
		seconds
	},
	strictMessage('a phase with kind and seconds')
);

/** One breathing exercise file in exercises/. */
export const BreathingFileSchema = v.strictObject(
	{
		id: v.pipe(
			v.string('must be text'),
			v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)')
		),
		kind: v.literal('breathing', 'must be "breathing"'),
		order: v.pipe(v.number('must be a number'), v.integer('must be a whole number')),
		title: LocalizedTextSchema,
		summary: LocalizedTextSchema,
		guidance: LocalizedTextSchema,
		defaultMinutes: v.optional(
			v.picklist(SESSION_MINUTES, `must be one of ${SESSION_MINUTES.join(', ')}`),
			3
		),
		maxCycles: v.optional(
			v.pipe(
				v.number('must be a number'),
				v.integer('must be a whole number'),
				v.minValue(1, 'must be at least 1')
			)
		),
		phases: v.pipe(
			v.array(PhaseSchema, 'must be a list of phases'),
			v.minLength(1, 'must have at least one phase'),
			v.check((phases) => phases.some((p) => p.kind === 'inhale'), 'must have at least one inhale'),
			v.check((phases) => phases.some((p) => p.kind === 'exhale'), 'must have at least one exhale')
		)
	},
	strictMessage('an exercise')
);

export type BreathingFile = v.InferOutput<typeof BreathingFileSchema>;

/** Step texts are shown in large type on a phone: one short paragraph. */
export const STEP_TEXT_MAX_CHARS = 320;

const stepText = v.pipe(
	v.string('must be text'),
	v.trim(),
	v.minLength(1, 'must not be empty'),
	v.maxLength(STEP_TEXT_MAX_CHARS, `must be at most ${STEP_TEXT_MAX_CHARS} characters`)
);

const kebab = v.pipe(
	v.string('must be text'),
	v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)')
);

/** A condition on the choices made: the step is only part of the practice when they match. */
const WhenSchema = v.strictObject(
	{
		posture: v.optional(
			v.picklist(GUIDED_CHOICES.posture, `must be one of ${GUIDED_CHOICES.posture.join(', ')}`)
		),
		eyes: v.optional(
			v.picklist(GUIDED_CHOICES.eyes, `must be one of ${GUIDED_CHOICES.eyes.join(', ')}`)
		),
		anchor: v.optional(
			v.picklist(GUIDED_CHOICES.anchor, `must be one of ${GUIDED_CHOICES.anchor.join(', ')}`)
		)
	},
	strictMessage('a set of choices (posture, eyes, anchor)')
);

/** One step of a guided practice in an exercise file. */
export const StepSchema = v.strictObject(
	{
		id: kebab,
		seconds: v.pipe(
			v.number('must be a number of seconds'),
			v.finite('must be a finite number'),
			v.minValue(5, 'must be at least 5'),
			v.maxValue(600, 'must be at most 600'),
			v.multipleOf(0.5, 'must be a multiple of 0.5')
		),
		text: v.strictObject({ nl: stepText, en: stepText }, strictMessage('a text in both nl and en')),
		when: v.optional(WhenSchema),
		input: v.optional(
			v.pipe(
				v.number('must be a number'),
				v.integer('must be a whole number'),
				v.minValue(1, 'must be at least 1'),
				v.maxValue(10, 'must be at most 10')
			)
		),
		show: v.optional(v.literal('now', 'must be "now"')),
		/** What the step is about (a body region, a sense, a scene): the picture above its text. */
		focus: v.optional(v.picklist(STEP_FOCUS, `must be one of ${STEP_FOCUS.join(', ')}`)),
		rhythmSeconds: v.optional(
			v.pipe(
				v.number('must be a number of seconds'),
				v.minValue(2, 'must be at least 2'),
				v.maxValue(10, 'must be at most 10')
			)
		)
	},
	strictMessage('a step with id, seconds and text')
);

/** One guided practice file in exercises/: steps led by text and voice. */
export const GuidedFileSchema = v.strictObject(
	{
		id: kebab,
		kind: v.literal('guided', 'must be "guided"'),
		category: v.picklist(GUIDED_CATEGORIES, `must be one of ${GUIDED_CATEGORIES.join(', ')}`),
		order: v.pipe(v.number('must be a number'), v.integer('must be a whole number')),
		title: LocalizedTextSchema,
		summary: LocalizedTextSchema,
		guidance: LocalizedTextSchema,
		choices: v.optional(
			v.pipe(
				v.array(
					v.picklist(CHOICE_NAMES, `must be one of ${CHOICE_NAMES.join(', ')}`),
					'must be a list of choices'
				),
				v.check((list) => new Set(list).size === list.length, 'must not repeat a choice')
			),
			[]
		),
		breathFree: v.optional(v.boolean('must be true or false'), false),
		steps: v.pipe(
			v.array(StepSchema, 'must be a list of steps'),
			v.minLength(1, 'must have at least one step')
		)
	},
	strictMessage('a guided practice')
);

export type GuidedFile = v.InferOutput<typeof GuidedFileSchema>;
