// What every run of a practice sets up around its player, once: the app-wide activity, the
// wake lock, sound and storage attached when they arrive, the page's life (hidden, closed,
// quick exit) and the report of how it ended.
import type { CueAudio } from '../audio/cue-audio';
import { ScreenWakeLock } from '../platform/wake-lock';
import { beforeQuickExit } from '../safety/quick-exit';
import { handOverSessions } from '../storage/handed-over';
import { isQuotaError } from '../storage/quota';
import { exerciseActivity } from './activity.svelte';
import {
	loadAudio,
	loadJournal,
	loadSessions,
	type PlayerAudio,
	type PlayerSessions
} from './gateway';
import { preferences } from './preferences.svelte';

/** How a run of an exercise ended, handed from the run screen to the page around it. */
export interface RunResult {
	sessionId: string;
	status: 'completed' | 'stopped';
	activeMs: number;
	/** True once the phone was too full to store the session (asked again after the last save). */
	isUnsaved: () => boolean;
	/** Resolves once the session is stored, so a rating can be added to it. */
	saved: Promise<void>;
}

/**
 * Says why a session could not be written, and whether it is because the phone is full: that
 * is expected and told on screen (the practice goes on), anything else is a fault.
 */
export function reportSaveFailure(error: unknown): boolean {
	if (isQuotaError(error)) {
		console.warn('Storage is full: this session is not saved', error);
		return true;
	}
	console.error('Could not save the session', error);
	return false;
}

/** What a run needs of its player, whichever practice it is. */
export interface RunPlayer {
	readonly sessionId: string;
	readonly unsaved: boolean;
	readonly saved: Promise<void>;
	attachAudio(audio: PlayerAudio): void;
	attachSessions(sessions: PlayerSessions): void;
	/** Writes what is practised so far (the page may be about to go). */
	checkpoint(): Promise<void>;
}

/** A timed practice (breathing, guided): it keeps going while hidden, and can be stopped. */
export interface TimedRunPlayer extends RunPlayer {
	setHidden(hidden: boolean): void;
	stop(): void;
	destroy(): void;
}

/** The boundary practice: the figure holds still while unseen, and a run can be left. */
export interface HoldingRunPlayer extends RunPlayer {
	hold(): void;
	leave(): Promise<void>;
}

/** How a run follows the page's life: the part where practices differ. */
interface PageLife {
	/** The page was hidden (true) or shown again (false). */
	visibility(hidden: boolean): void;
	/** Quick exit is leaving: end the session; resolves once it is stored. */
	quickExit(): Promise<void>;
	/** The run screen goes away (ended, a link, Back). */
	close(): void;
}

/**
 * One run of a practice on screen. Call `begin` when the screen is mounted, `attach` when
 * sound and storage may load, `finish` once the player has ended (it reports only once) and
 * `close` when the screen goes. Storage is also loaded at once, whatever `attach` waits for,
 * when the session must be written: on quick exit, when the page is hidden or goes, at the end.
 */
export class PracticeRun {
	readonly #player: RunPlayer;
	readonly #life: PageLife;
	readonly #wakeLock = new ScreenWakeLock();
	#endActivity = () => {};
	#unfollow = () => {};
	#finished = false;
	#attached = false;
	#storage: Promise<void> | undefined;
	#storageAttached = false;
	#handedOver = false;

	private constructor(player: RunPlayer, life: (wakeLock: ScreenWakeLock) => PageLife) {
		this.#player = player;
		this.#life = life(this.#wakeLock);
	}

	/**
	 * A run of a timed practice: hidden, it ticks slowly and writes a checkpoint; quick exit
	 * stops and saves it before the page goes; leaving the screen stops it.
	 */
	static timed(player: TimedRunPlayer): PracticeRun {
		return new PracticeRun(player, () => ({
			visibility: (hidden) => player.setHidden(hidden),
			quickExit: () => {
				player.stop();
				return player.saved;
			},
			close: () => player.destroy()
		}));
	}

	/**
	 * A run of the boundary practice: hidden, the figure holds (it must never come closer
	 * while the person cannot see it) and the screen is asked to stay on again once seen;
	 * quick exit and leaving the screen keep the rounds so far, as stopped.
	 */
	static holding(player: HoldingRunPlayer): PracticeRun {
		return new PracticeRun(player, (wakeLock) => ({
			visibility: (hidden) => {
				if (hidden) player.hold();
				else void wakeLock.acquire();
			},
			quickExit: () => player.leave(),
			close: () => void player.leave()
		}));
	}

	/** True once the run has reported how it ended. */
	get finished(): boolean {
		return this.#finished;
	}

	/** Marks an exercise as under way, keeps the screen on and follows the page's life. */
	begin(): void {
		this.#endActivity = exerciseActivity.begin();
		void this.#wakeLock.acquire();
		const onVisibility = () => {
			const hidden = document.visibilityState === 'hidden';
			this.#life.visibility(hidden);
			if (hidden) void this.#checkpoint();
		};
		const onPageHide = (event: PageTransitionEvent) => {
			// The page is going for good: what storage has not taken yet is kept for later.
			if (!event.persisted) this.#handOver();
			void this.#checkpoint();
		};
		const undoExitHook = beforeQuickExit(async () => {
			this.#handOver();
			await this.#life.quickExit();
			await this.#player.saved;
		});
		document.addEventListener('visibilitychange', onVisibility);
		window.addEventListener('pagehide', onPageHide);
		this.#unfollow = () => {
			undoExitHook();
			document.removeEventListener('visibilitychange', onVisibility);
			window.removeEventListener('pagehide', onPageHide);
		};
	}

	/**
	 * Loads sound and storage and attaches them to the player, once (later calls do nothing);
	 * the practice never waits for them. `withAudio` runs once the sound is attached (a
	 * background loop, say).
	 */
	attach(withAudio?: (audio: CueAudio) => Promise<void>): void {
		if (this.#attached) return;
		this.#attached = true;
		void this.#attachStorage();
		void loadAudio()
			.then(async (audio) => {
				audio.setMuted(preferences.muted);
				await audio.ready;
				this.#player.attachAudio(audio);
				await withAudio?.(audio);
			})
			.catch((error: unknown) => console.error('Sound is unavailable', error));
	}

	/** Loads storage once and attaches it: a session already under way is written at once. */
	#attachStorage(): Promise<void> {
		this.#storage ??= loadSessions()
			.then((sessions) => {
				if (this.#handedOver) return;
				this.#player.attachSessions(sessions);
				this.#storageAttached = true;
			})
			.catch((error: unknown) => console.error('Sessions cannot be saved', error));
		return this.#storage;
	}

	/**
	 * The page leaves (quick exit, or closed) before storage came, as in the first breaths of
	 * "breathe now": loading it now could take longer than the page has, so the session is
	 * written synchronously to localStorage and the database takes it when it next opens.
	 */
	#handOver(): void {
		if (this.#storageAttached || this.#handedOver) return;
		this.#handedOver = true;
		this.#player.attachSessions(handOverSessions);
	}

	async #checkpoint(): Promise<void> {
		if (!this.#handedOver) await this.#attachStorage();
		await this.#player.checkpoint();
	}

	/**
	 * The practice is over: the screen may sleep and the activity ends. Returns the result to
	 * hand up the first time, undefined after that.
	 */
	finish(status: RunResult['status'], activeMs: number): RunResult | undefined {
		if (this.#finished) return undefined;
		this.#finished = true;
		this.#stopHolding();
		const player = this.#player;
		return {
			sessionId: player.sessionId,
			status,
			activeMs,
			isUnsaved: () => player.unsaved,
			saved: this.#attachStorage().then(() => player.saved)
		};
	}

	/** The screen goes: stop following the page, end the session as leaving it should. */
	close(): void {
		this.#unfollow();
		this.#life.close();
		this.#stopHolding();
		// Left by a link or Back in the first breaths, before storage came: it writes it now.
		void this.#attachStorage();
	}

	#stopHolding(): void {
		void this.#wakeLock.release();
		this.#endActivity();
	}
}

/** Adds the rating given after an exercise, once the session itself is stored. */
export function saveRatingAfter(result: RunResult, rating: number): void {
	void result.saved
		.then(loadSessions)
		.then((sessions) => sessions.rateAfter(result.sessionId, rating))
		.catch((error: unknown) => console.error('Could not save the rating', error));
}

/** Downloads everything the person has stored (offered when the phone is full). */
export function exportEverything(): void {
	void import('./data-exports')
		.then((exports) => exports.downloadEverythingUnattended())
		.catch((error: unknown) => console.error('Could not export', error));
}

/** What the screen after an exercise can do with its session: rate it, note it, export. */
export function afterRunActions(result: RunResult) {
	return {
		onrate: (value: number) => saveRatingAfter(result, value),
		onnote: async (text: string) => {
			await result.saved;
			await (await loadJournal()).setNote(result.sessionId, text);
		},
		onexport: exportEverything
	};
}
