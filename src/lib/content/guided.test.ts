import { describe, expect, it } from 'vitest';
import {
	defaultChoices,
	maxSpokenWords,
	sentences,
	spokenWords,
	stepsFor,
	stepText,
	validChoices,
	type GuidedStep
} from './guided';

const step: GuidedStep = {
	id: 'anchor',
	durationMs: 20_000,
	text: { nl: 'Keer terug naar {anchor}.', en: 'Come back to {anchor}.' }
};

describe('guided practice content', () => {
	it('fills in the anchor the person chose, in the app’s language', () => {
		expect(stepText(step, { anchor: 'sound' }, 'nl')).toBe(
			'Keer terug naar een geluid om je heen.'
		);
		expect(stepText(step, { anchor: 'object' }, 'en')).toBe('Come back to an object in the room.');
	});

	it('starts with eyes open, sitting and the feet as anchor when nothing was chosen', () => {
		expect(defaultChoices(['posture', 'eyes', 'anchor'])).toEqual({
			posture: 'sitting',
			eyes: 'open',
			anchor: 'feet'
		});
	});

	it('keeps only valid stored choices and falls back for damaged ones', () => {
		expect(validChoices(['eyes', 'anchor'], { eyes: 'closed', anchor: 'nonsense', x: 1 })).toEqual({
			eyes: 'closed',
			anchor: 'feet'
		});
		expect(validChoices(['eyes'], 'junk')).toEqual({ eyes: 'open' });
	});

	it('leaves out the steps meant for other choices', () => {
		const steps: GuidedStep[] = [
			{ ...step, id: 'a' },
			{ ...step, id: 'b', when: { eyes: 'closed' } },
			{ ...step, id: 'c', when: { eyes: 'open' } }
		];
		expect(stepsFor(steps, { eyes: 'closed' }).map((s) => s.id)).toEqual(['a', 'b']);
	});

	it('counts spoken words with a placeholder as its longest phrase', () => {
		expect(spokenWords('Come back to {anchor}.', 'en')).toBe(3 + 5);
		expect(maxSpokenWords(20)).toBe(34);
	});

	it('splits a text into sentences, keeping their punctuation', () => {
		expect(sentences('Voel je voeten. Ze dragen je! Echt? Ja…')).toEqual([
			'Voel je voeten.',
			'Ze dragen je!',
			'Echt?',
			'Ja…'
		]);
		expect(sentences('No full stop at the end')).toEqual(['No full stop at the end']);
	});
});
