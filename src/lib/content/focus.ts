// Kept apart from schema.ts so that the app can use these without loading the validator.

/** Body regions a body-scan (or touch) step can be about; the body outline lights the one named. */
export const BODY_FOCUS = [
	'whole',
	'feet',
	'legs',
	'pelvis',
	'belly',
	'back',
	'chest',
	'shoulders',
	'arms',
	'hands',
	'neck',
	'face',
	'head'
] as const;

/** What a grounding step turns to: one of the senses, the ground under the feet, or the room. */
export const SENSE_FOCUS = [
	'see',
	'hear',
	'touch',
	'smell',
	'taste',
	'ground',
	'cold',
	'look-around'
] as const;

/** The imagined scene of a visualisation: a safe place, or a protector beside you. */
export const SCENE_FOCUS = ['place', 'protector'] as const;

/** Every value a step's `focus` may have in an exercise file. */
export const STEP_FOCUS = [...BODY_FOCUS, ...SENSE_FOCUS, ...SCENE_FOCUS] as const;

export type BodyFocus = (typeof BODY_FOCUS)[number];
export type SenseFocus = (typeof SENSE_FOCUS)[number];
export type SceneFocus = (typeof SCENE_FOCUS)[number];
export type StepFocus = (typeof STEP_FOCUS)[number];
