// Small on purpose and free of dependencies: the players import it to notice a full phone.

// Wrapped errors are walked this deep, and no further (an error can refer to itself).
const MAX_ERROR_DEPTH = 6;

/**
 * True when storage is full, however the error arrives: a DOMException (or its legacy code
 * 22 / Firefox name), Dexie's own QuotaExceededError, or any of those inside a Dexie error's
 * `inner`, an error's `cause`, or a BulkError's `failures`.
 */
export function isQuotaError(error: unknown): boolean {
	return quotaWithin(error, 0, new Set());
}

function quotaWithin(error: unknown, depth: number, seen: Set<object>): boolean {
	if (depth > MAX_ERROR_DEPTH || typeof error !== 'object' || error === null) return false;
	if (seen.has(error)) return false;
	seen.add(error);
	const e = error as {
		name?: unknown;
		code?: unknown;
		inner?: unknown;
		cause?: unknown;
		failures?: unknown;
	};
	if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22) {
		return true;
	}
	const failures = Array.isArray(e.failures) ? e.failures : [];
	return [e.inner, e.cause, ...failures].some((inner) => quotaWithin(inner, depth + 1, seen));
}
