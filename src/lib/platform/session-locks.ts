/**
 * Which practice sessions are live, told by Web Locks: the tab that runs a session holds a
 * lock named after it for the session's life, and the browser lets go of it when that tab is
 * closed, reloaded or crashes. Any tab can ask which are held. No clocks, no heartbeats.
 */

/** What storage needs to tell live sessions from dead ones. */
export interface SessionLocks {
	/** Holds the lock of one session; resolves once held, to the function that lets go. */
	hold(sessionId: string): Promise<() => void>;
	/** The sessions whose lock some tab holds; undefined when this browser cannot tell. */
	held(): Promise<ReadonlySet<string> | undefined>;
}

const PREFIX = 'rustpunt-session-';

/** The browser's lock manager; missing in browsers from before 2022 and on insecure pages. */
function lockManager(): LockManager | undefined {
	return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

/** Session locks on the browser's Web Locks, shared by every tab of the app. */
export const webSessionLocks: SessionLocks = {
	async hold(sessionId) {
		const locks = lockManager();
		if (!locks) return () => undefined;
		let release = () => {};
		const released = new Promise<void>((resolve) => (release = resolve));
		await new Promise<void>((granted, failed) => {
			// A session's id is new, so its lock is free; ifAvailable never leaves it waiting.
			locks
				.request(PREFIX + sessionId, { ifAvailable: true }, (lock) => {
					granted();
					return lock ? released : undefined;
				})
				.catch(failed);
		});
		return release;
	},

	async held() {
		const locks = lockManager();
		if (!locks) return undefined;
		try {
			const { held = [] } = await locks.query();
			return new Set(
				held.flatMap(({ name }) => (name?.startsWith(PREFIX) ? [name.slice(PREFIX.length)] : []))
			);
		} catch {
			return undefined;
		}
	}
};
