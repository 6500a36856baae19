// Kept apart from schema.ts so that the app can use these without loading the validator.

/** The choices a guided practice may offer before it starts, with their values. */
export const GUIDED_CHOICES = {
	posture: ['sitting', 'lying', 'standing'],
	eyes: ['open', 'closed'],
	anchor: ['feet', 'breath', 'sound', 'object']
} as const;
export type ChoiceName = keyof typeof GUIDED_CHOICES;
export const CHOICE_NAMES = Object.keys(GUIDED_CHOICES) as ChoiceName[];

/** The kinds of guided practice, as the home screen groups them. */
export const GUIDED_CATEGORIES = ['body-scan', 'grounding', 'soothing', 'visualisation'] as const;
