/**
 * The error of something that needs the app unlocked, in a module of its own: screens test
 * for it without loading the storage code that throws it.
 */

/** Thrown when an export would need private text that is locked. */
export class LockedError extends Error {
	constructor() {
		super('The app is locked: unlock it to export the private text');
		this.name = 'LockedError';
	}
}

/** Whether an error says the app must be unlocked first. */
export function isLockedError(error: unknown): error is LockedError {
	return error instanceof LockedError;
}
