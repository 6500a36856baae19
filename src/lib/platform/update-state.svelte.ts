/** Whether a new version of the app is installed and waiting to take over. */
class UpdateState {
	#waiting = $state(false);
	#apply: (() => void) | null = null;
	#outdated = false;

	/**
	 * Whether a newer version took over while this page ran (accepted in another tab): its
	 * code may ask for files that are gone, so it moves on by full page loads (see +layout).
	 */
	get outdated(): boolean {
		return this.#outdated;
	}

	/** Called by the service-worker bridge when a new version takes over this page. */
	markOutdated(): void {
		this.#outdated = true;
	}

	get waiting(): boolean {
		return this.#waiting;
	}

	/** Called by the service-worker bridge when a new version is ready. */
	offer(apply: () => void): void {
		this.#apply = apply;
		this.#waiting = true;
	}

	/** Switches to the new version (the page reloads when it has taken over). */
	apply(): void {
		this.#waiting = false;
		this.#apply?.();
	}
}

export const updateState = new UpdateState();
