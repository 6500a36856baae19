/**
 * Reads and writes Rustpunt's keys in localStorage (named in ./storage-keys.ts). Storage can be
 * blocked (private mode, policies) or full: every helper swallows that, so a blocked storage
 * reads as empty and the app carries on with the database and its defaults.
 */
import { isOwnKey, type OwnKey } from './storage-keys';

/** Reads a stored text; blocked storage (private mode, policies) reads as nothing. */
export function readStored(key: OwnKey): string | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
	} catch {
		return null;
	}
}

/** Stores a text; blocked or full storage keeps nothing, and says nothing. */
export function writeStored(key: OwnKey, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// Private mode or full storage: the database, or the next write, still has it.
	}
}

/** Removes a stored text; blocked storage holds nothing to remove. */
export function removeStored(key: OwnKey): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// Blocked storage holds nothing to remove.
	}
}

/** Rustpunt's own entries in localStorage, key and text (none when storage is blocked). */
export function storedEntries(): Record<OwnKey, string> {
	const entries: Record<OwnKey, string> = {};
	try {
		if (typeof localStorage === 'undefined') return entries;
		for (const key of Object.keys(localStorage)) {
			const value = isOwnKey(key) ? localStorage.getItem(key) : null;
			if (value !== null) entries[key as OwnKey] = value;
		}
	} catch {
		// Blocked storage: nothing stored.
	}
	return entries;
}
