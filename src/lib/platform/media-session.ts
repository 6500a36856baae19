/** What the lock screen's media controls can do with a practice. */
export interface MediaControls {
	title: string;
	onplay(): void;
	onpause(): void;
	onstop(): void;
	onnext?(): void;
	onprevious?(): void;
}

const ACTIONS = ['play', 'pause', 'stop', 'nexttrack', 'previoustrack'] as const;

/** True where the Media Session API exists (Chromium on Android, most desktop browsers). */
function supported(): boolean {
	return typeof navigator !== 'undefined' && 'mediaSession' in navigator;
}

let neutralTitle: string | undefined;

/**
 * Discreet mode: the lock screen and notification shade show only this title, with no
 * exercise and no app name (undefined shows them again from the next practice on).
 */
export function useNeutralMediaTitle(title: string | undefined): void {
	neutralTitle = title;
	if (supported() && navigator.mediaSession.metadata && title !== undefined) {
		navigator.mediaSession.metadata = new MediaMetadata({ title });
	}
}

/**
 * Shows the practice's title and play/pause on the lock screen and in the notification
 * shade. Returns a function that clears them again.
 */
export function showMediaControls(controls: MediaControls): () => void {
	if (!supported()) return () => {};
	const session = navigator.mediaSession;
	session.metadata =
		neutralTitle === undefined
			? new MediaMetadata({ title: controls.title, artist: 'Rustpunt' })
			: new MediaMetadata({ title: neutralTitle });
	const handlers: Record<(typeof ACTIONS)[number], (() => void) | undefined> = {
		play: controls.onplay,
		pause: controls.onpause,
		stop: controls.onstop,
		nexttrack: controls.onnext,
		previoustrack: controls.onprevious
	};
	for (const action of ACTIONS) {
		try {
			session.setActionHandler(action, handlers[action] ?? null);
		} catch {
			// An action this browser does not know.
		}
	}
	return () => {
		session.metadata = null;
		session.playbackState = 'none';
		for (const action of ACTIONS) {
			try {
				session.setActionHandler(action, null);
			} catch {
				// As above.
			}
		}
	};
}

/** Tells the lock screen whether the practice is playing or paused. */
export function setMediaPlaying(playing: boolean): void {
	if (supported()) navigator.mediaSession.playbackState = playing ? 'playing' : 'paused';
}
