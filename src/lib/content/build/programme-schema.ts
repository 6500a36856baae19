import * as v from 'valibot';
import { LocalizedTextSchema, strictMessage } from './schema.ts';

/**
 * Practices a programme day may name besides the exercises in exercises/: the boundary
 * exercise (route /grens) and the questions for the urge to make contact (route /drang).
 */
export const ROUTE_PRACTICES = ['boundary', 'urge-questions'] as const;
export type RoutePractice = (typeof ROUTE_PRACTICES)[number];

/** An intention is read on a phone at a glance: one or two short sentences. */
export const INTENTION_MAX_CHARS = 160;
/** A reading between days: a short paragraph. */
export const READING_MAX_CHARS = 600;

const kebab = v.pipe(
	v.string('must be text'),
	v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)')
);

function limitedText(max: number) {
	const one = v.pipe(
		v.string('must be text'),
		v.trim(),
		v.minLength(1, 'must not be empty'),
		v.maxLength(max, `must be at most ${max} characters`)
	);
	return v.strictObject({ nl: one, en: one }, strictMessage('a text in both nl and en'));
}

/** One practice of a day: an exercise id, and for breathing the minutes to practise. */
export const ProgrammePracticeSchema = v.strictObject(
	{
		exercise: kebab,
		minutes: v.optional(
			v.pipe(
				v.number('must be a number of minutes'),
				v.integer('must be a whole number'),
				v.minValue(1, 'must be at least 1'),
				v.maxValue(20, 'must be at most 20')
			)
		)
	},
	strictMessage('a practice with an exercise id')
);

const practiceList = v.pipe(
	v.array(ProgrammePracticeSchema, 'must be a list of practices'),
	v.minLength(1, 'must have one or two practices'),
	v.maxLength(2, 'must have one or two practices')
);

/** What a day becomes for one variant of the programme. */
const DayVariantSchema = v.strictObject(
	{ intention: v.optional(limitedText(INTENTION_MAX_CHARS)), practice: v.optional(practiceList) },
	strictMessage('an intention and/or practice for this variant')
);

/** One day of a programme. */
export const ProgrammeDaySchema = v.strictObject(
	{
		intention: limitedText(INTENTION_MAX_CHARS),
		practice: practiceList,
		reading: v.optional(limitedText(READING_MAX_CHARS)),
		variants: v.optional(v.record(kebab, DayVariantSchema, 'must map variant ids to changes'))
	},
	strictMessage('a day with an intention and practice')
);

/** One week: a title and its days. */
export const ProgrammeWeekSchema = v.strictObject(
	{
		title: LocalizedTextSchema,
		days: v.pipe(
			v.array(ProgrammeDaySchema, 'must be a list of days'),
			v.minLength(1, 'must have at least one day'),
			v.maxLength(7, 'must have at most seven days')
		)
	},
	strictMessage('a week with a title and days')
);

/** A variant the person may choose: described, never labelled. */
export const ProgrammeVariantSchema = v.strictObject(
	{ id: kebab, description: limitedText(READING_MAX_CHARS) },
	strictMessage('a variant with an id and a description')
);

/** One programme file in programmes/. */
export const ProgrammeFileSchema = v.strictObject(
	{
		id: kebab,
		order: v.pipe(v.number('must be a number'), v.integer('must be a whole number')),
		title: LocalizedTextSchema,
		summary: LocalizedTextSchema,
		description: limitedText(READING_MAX_CHARS),
		variantQuestion: v.optional(LocalizedTextSchema),
		variants: v.optional(
			v.pipe(
				v.array(ProgrammeVariantSchema, 'must be a list of variants'),
				v.minLength(2, 'must offer at least two variants')
			)
		),
		weeks: v.pipe(
			v.array(ProgrammeWeekSchema, 'must be a list of weeks'),
			v.minLength(1, 'must have at least one week'),
			v.maxLength(16, 'must have at most 16 weeks')
		)
	},
	strictMessage('a programme')
);

export type ProgrammeFile = v.InferOutput<typeof ProgrammeFileSchema>;
