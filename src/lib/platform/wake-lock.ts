/**
 * Keeps the screen on during an exercise. The browser releases the lock whenever the page is
 * hidden, so it is requested again each time the page becomes visible while held.
 */
export class ScreenWakeLock {
	#sentinel: WakeLockSentinel | null = null;
	#wanted = false;

	/** Asks for the screen to stay on; silently does nothing where the API is missing. */
	async acquire(): Promise<void> {
		this.#wanted = true;
		document.addEventListener('visibilitychange', this.#onVisibility);
		await this.#request();
	}

	/** Lets the screen sleep again. */
	async release(): Promise<void> {
		this.#wanted = false;
		document.removeEventListener('visibilitychange', this.#onVisibility);
		const sentinel = this.#sentinel;
		this.#sentinel = null;
		await sentinel?.release().catch(() => undefined);
	}

	async #request(): Promise<void> {
		if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
		try {
			const sentinel = await navigator.wakeLock.request('screen');
			// Released while the request was under way: let go of it at once.
			if (!this.#wanted) await sentinel.release();
			else this.#sentinel = sentinel;
		} catch {
			// Refused (battery saver, no permission): the exercise works without it.
			this.#sentinel = null;
		}
	}

	#onVisibility = () => {
		if (this.#wanted && document.visibilityState === 'visible') void this.#request();
	};
}
