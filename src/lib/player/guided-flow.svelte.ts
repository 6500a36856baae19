import { page } from '$app/state';
import { findExercise, TOO_MUCH_GROUNDING } from '../content/catalogue';
import type { ChoiceName } from '../content/choices';
import { defaultChoices, validChoices, type GuidedChoices } from '../content/guided';
import type { GuidedPractice } from '../content/types';
import {
	createPracticeFlow,
	reducePracticeFlow,
	type PracticeFlowEvent,
	type PracticeFlowState
} from '../engine/practice-flow';
import { getLocale, localizeHref } from '../paraglide/runtime';
import { navigate } from '../platform/navigation';
import { Flow, programmeDayOfPage } from './flow.svelte';
import { audioIfLoaded, listVoices, loadAudio } from './gateway';
import type { RunResult } from './practice-run.svelte';
import { preferences } from './preferences.svelte';
import type { ProgrammeDayContext } from '../programmes/day';

/** A voice the person can choose for spoken guidance. */
export interface VoiceChoice {
	id: string;
	name: string;
}

/** A guided practice's page: choose options and voice, an optional lead-in, run, after. */
export class GuidedFlow {
	readonly practice: GuidedPractice;
	/** Breath-free grounding with the eyes open, offered when a practice becomes too much. */
	readonly groundingIds = TOO_MUCH_GROUNDING.filter((id) => findExercise(id)?.kind === 'guided');
	readonly #flow = new Flow<PracticeFlowState<RunResult>, PracticeFlowEvent<RunResult>>(
		reducePracticeFlow,
		createPracticeFlow()
	);
	#choices = $state<GuidedChoices>({});
	#voices = $state<VoiceChoice[] | null>(null);
	#voiceId = $state<string | undefined>(undefined);
	/** Started from a programme day: the day to complete. */
	#programmeDay = $state<ProgrammeDayContext | undefined>();

	constructor(practice: GuidedPractice) {
		this.practice = practice;
		this.#choices = defaultChoices(practice.choices);
	}

	get state(): PracticeFlowState<RunResult> {
		return this.#flow.state;
	}

	get choices(): GuidedChoices {
		return this.#choices;
	}

	/** The device's voices for this language; null until they are known. */
	get voices(): VoiceChoice[] | null {
		return this.#voices;
	}

	get voiceId(): string | undefined {
		return this.#voiceId;
	}

	get programmeDay(): ProgrammeDayContext | undefined {
		return this.#programmeDay;
	}

	/**
	 * Once on screen: the remembered choices and voice, the programme day, sound and voices on
	 * their way; switched here from "too much?", the practice starts at once.
	 */
	open(): void {
		const { practice } = this;
		this.#choices = validChoices(practice.choices, preferences.choicesFor(practice.id));
		this.#programmeDay = programmeDayOfPage();
		this.#voiceId = preferences.voiceFor(getLocale());
		void loadAudio().catch(() => undefined);
		void listVoices(getLocale())
			.then((found) => (this.#voices = found))
			.catch(() => (this.#voices = []));
		if (page.state.startImmediately === practice.id) this.begin(undefined, true);
	}

	/** One option chosen, remembered for this practice. */
	choose(name: ChoiceName, value: string): void {
		this.#choices = { ...this.#choices, [name]: value };
		preferences.setChoices(this.practice.id, this.#choices as Record<string, string>);
	}

	/** A voice chosen, remembered for this language. */
	chooseVoice(id: string): void {
		this.#voiceId = id;
		preferences.setVoiceFor(getLocale(), id);
	}

	/**
	 * Starts in the same tap as the rating (or the skip, or "again"), which also unlocks sound;
	 * a lead-in from the settings first, but never when starting at once.
	 */
	begin(distressBefore: number | undefined, immediate = false): void {
		audioIfLoaded()?.unlock();
		this.#flow.dispatch({
			type: 'begin',
			distressBefore,
			leadInSeconds: preferences.get('leadIn'),
			immediate,
			atMs: Date.now()
		});
	}

	/** The lead-in has counted down. */
	leadInDone(): void {
		this.#flow.dispatch({ type: 'leadInDone', atMs: Date.now() });
	}

	/** The run ended (completed or stopped). */
	ended(result: RunResult): void {
		this.#flow.dispatch({ type: 'ended', result });
	}

	/** "Too much?" chose another practice: it opens in place of this one and starts at once. */
	switchTo(exerciseId: string): void {
		void navigate(localizeHref(`/oefening/${exerciseId}`), { startImmediately: exerciseId });
	}
}
