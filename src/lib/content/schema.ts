import * as v from 'valibot';
import { SESSION_MINUTES } from './lengths.ts';

export { SESSION_MINUTES };

/** The languages every text in an exercise file must have. */
export const CONTENT_LOCALES = ['nl', 'en'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

const text = v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'));

/** The message for a strict object: a wrong type, or a field that does not belong there. */
function strictMessage(what: string) {
	return (issue: v.BaseIssue<unknown>) =>
		issue.expected === 'never' ? 'is not a known field' : `must be ${what}`;
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
