/** A voice on the device that can speak a language. */
export interface VoiceOption {
	readonly id: string;
	readonly name: string;
	readonly lang: string;
}

/** How long to wait for the device to list its voices (Chrome fills the list late). */
const VOICES_WAIT_MS = 1500;

/** True where the browser has speech synthesis at all. */
export function speechAvailable(): boolean {
	return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/**
 * The voices that speak `locale` and run on the device itself. Voices that send text to a
 * server are left out: nothing leaves the phone, and they fail offline.
 */
export async function voicesFor(locale: string): Promise<VoiceOption[]> {
	if (!speechAvailable()) return [];
	const synth = window.speechSynthesis;
	let voices = synth.getVoices();
	if (voices.length === 0) {
		voices = await new Promise<SpeechSynthesisVoice[]>((resolve) => {
			const done = () => {
				window.clearTimeout(timer);
				synth.removeEventListener('voiceschanged', done);
				resolve(synth.getVoices());
			};
			const timer = window.setTimeout(done, VOICES_WAIT_MS);
			synth.addEventListener('voiceschanged', done);
		});
	}
	const prefix = locale.toLowerCase();
	return voices
		.filter((v) => v.localService && v.lang.toLowerCase().replace('_', '-').startsWith(prefix))
		.sort((a, b) => Number(b.default) - Number(a.default))
		.map((v) => ({ id: v.voiceURI, name: v.name, lang: v.lang }));
}

/**
 * Speaks step texts with the Web Speech API, a sentence at a time. A new text waits for the
 * sentence being spoken to end (the rest of the old text is dropped), so the step timing of
 * the engine decides what is said, and no sentence is ever cut off mid-word by a new step.
 */
export class GuideVoice {
	#voice: SpeechSynthesisVoice | undefined;
	#lang: string;
	#rate: number;
	#queue: string[] = [];
	#current: SpeechSynthesisUtterance | null = null;
	#sentences: (text: string) => string[];

	/** `sentences` splits a step's text as its content is written (src/lib/content/guided.ts). */
	constructor(options: {
		lang: string;
		voiceId?: string;
		rate?: number;
		sentences: (text: string) => string[];
	}) {
		this.#lang = options.lang;
		this.#rate = options.rate ?? 1;
		this.#sentences = options.sentences;
		this.#voice = window.speechSynthesis.getVoices().find((v) => v.voiceURI === options.voiceId);
	}

	/** Speaks this text once the current sentence has ended. */
	say(text: string): void {
		this.#queue = this.#sentences(text);
		if (!this.#current) this.#next();
	}

	/** Stops at once; true when something was being said. */
	silence(): boolean {
		const was = this.#current !== null || this.#queue.length > 0;
		this.#queue = [];
		this.#current = null;
		window.speechSynthesis.cancel();
		return was;
	}

	#next(): void {
		const sentence = this.#queue.shift();
		if (sentence === undefined) {
			this.#current = null;
			return;
		}
		const utterance = new SpeechSynthesisUtterance(sentence);
		utterance.lang = this.#voice?.lang ?? this.#lang;
		if (this.#voice) utterance.voice = this.#voice;
		utterance.rate = this.#rate;
		const advance = () => {
			// A cancelled utterance ends too; only the one still current moves the queue on.
			if (this.#current === utterance) this.#next();
		};
		utterance.onend = advance;
		utterance.onerror = advance;
		// Kept in a field: an utterance that is garbage-collected never fires its end event.
		this.#current = utterance;
		window.speechSynthesis.speak(utterance);
	}
}
