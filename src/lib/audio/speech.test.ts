// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sentences } from '../content/guided';
import { GuideVoice, voicesFor } from './speech';

interface FakeUtterance {
	text: string;
	lang: string;
	onend: (() => void) | null;
}

let spoken: FakeUtterance[] = [];
let cancelled = 0;

beforeEach(() => {
	spoken = [];
	cancelled = 0;
	class Utterance {
		text: string;
		lang = '';
		rate = 1;
		voice: unknown = null;
		onend: (() => void) | null = null;
		onerror: (() => void) | null = null;
		constructor(text: string) {
			this.text = text;
		}
	}
	Object.assign(window, {
		SpeechSynthesisUtterance: Utterance,
		speechSynthesis: {
			getVoices: () => [
				{ voiceURI: 'nl-local', name: 'Nl', lang: 'nl-NL', localService: true, default: false },
				{ voiceURI: 'nl-remote', name: 'Net', lang: 'nl-NL', localService: false, default: true },
				{ voiceURI: 'en-local', name: 'En', lang: 'en_GB', localService: true, default: true }
			],
			speak: (u: FakeUtterance) => void spoken.push(u),
			cancel: () => void cancelled++,
			addEventListener() {},
			removeEventListener() {}
		}
	});
});

afterEach(() => {
	Reflect.deleteProperty(window, 'speechSynthesis');
});

describe('GuideVoice', () => {
	it('offers only voices on the device for the language, never ones that send text away', async () => {
		expect((await voicesFor('nl')).map((v) => v.id)).toEqual(['nl-local']);
		expect((await voicesFor('en')).map((v) => v.id)).toEqual(['en-local']);
	});

	it('speaks a text a sentence at a time, in the voice’s language', () => {
		const voice = new GuideVoice({ lang: 'nl', voiceId: 'nl-local', sentences });
		voice.say('Voel je voeten. Ze dragen je.');
		expect(spoken.map((u) => u.text)).toEqual(['Voel je voeten.']);
		expect(spoken[0]!.lang).toBe('nl-NL');
		spoken[0]!.onend?.();
		expect(spoken.map((u) => u.text)).toEqual(['Voel je voeten.', 'Ze dragen je.']);
	});

	it('lets the sentence being spoken finish before a new step’s text, dropping the rest', () => {
		const voice = new GuideVoice({ lang: 'en', sentences });
		voice.say('One. Two. Three.');
		voice.say('Next step.');
		// Nothing was cancelled mid-word: "One." goes on, then the new text, not "Two."
		expect(cancelled).toBe(0);
		spoken[0]!.onend?.();
		expect(spoken.map((u) => u.text)).toEqual(['One.', 'Next step.']);
	});

	it('falls silent at once when paused, and says so', () => {
		const voice = new GuideVoice({ lang: 'en', sentences });
		expect(voice.silence()).toBe(false);
		voice.say('A long sentence.');
		expect(voice.silence()).toBe(true);
		expect(cancelled).toBe(2);
		// The ended event of the cancelled sentence starts nothing new.
		spoken[0]!.onend?.();
		expect(spoken).toHaveLength(1);
	});
});
