/** Whether a new version of the app is installed and waiting to take over. */
class UpdateState {
	#waiting = $state(false);
	#apply: (() => void) | null = null;

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
