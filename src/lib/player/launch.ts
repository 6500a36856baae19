/**
 * A practice asked to start at once, without questions first: "too much?" switches straight
 * into grounding, and someone overwhelmed should not meet a rating or options on the way.
 */
let pending: string | null = null;

/** Asks the next page of this practice to start it immediately. */
export function startImmediately(exerciseId: string): void {
	pending = exerciseId;
}

/** True (once) when this practice was asked to start immediately. */
export function takeImmediateStart(exerciseId: string): boolean {
	if (pending !== exerciseId) return false;
	pending = null;
	return true;
}
