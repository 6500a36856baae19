import {
	encodeShareCode,
	validatePattern,
	type OwnPattern,
	type PatternCheck
} from '../engine/own-pattern';
import { BUILT_IN_BREATHE_NOW, OWN_PREFIX } from '../settings/schema';
import type { PatternRecord } from '../records/patterns';
import { loadPatternStore } from './gateway';
import { forgetPatternNames, loadPatternNames } from './pattern-names.svelte';
import { preferences } from './preferences.svelte';

/** An own pattern as stored, with the verdict of the rules on it. */
export interface PatternItem {
	readonly id: string;
	/** The stored name, or the id when even that is damaged. */
	readonly label: string;
	readonly check: PatternCheck;
	readonly record: unknown;
}

function store() {
	return loadPatternStore();
}

function toItem(record: unknown): PatternItem | undefined {
	const { id, name } = (record ?? {}) as { id?: unknown; name?: unknown };
	if (typeof id !== 'string') return undefined;
	const label = typeof name === 'string' && name.trim() !== '' ? name.slice(0, 60) : id;
	return { id, label, check: validatePattern(record), record };
}

/** Every own pattern, the most recently changed first; a damaged one is kept, for repair. */
export async function listPatterns(): Promise<PatternItem[]> {
	const records = await (await store()).list();
	return records.flatMap((record) => toItem(record) ?? []);
}

/** One own pattern, or undefined when it is not on this phone. */
export async function findPattern(id: string): Promise<PatternItem | undefined> {
	return toItem(await (await store()).get(id));
}

/** Saves a valid pattern under an id (a new one when none is given); returns the id. */
export async function savePattern(
	pattern: OwnPattern,
	id?: string,
	nowMs = Date.now()
): Promise<string> {
	const patterns = await store();
	const existing = id
		? ((await patterns.get(id)) as Partial<PatternRecord> | undefined)
		: undefined;
	const patternId = id ?? crypto.randomUUID();
	const createdAt =
		typeof existing?.createdAt === 'number' && Number.isFinite(existing.createdAt)
			? existing.createdAt
			: nowMs;
	await patterns.save({
		id: patternId,
		name: pattern.name,
		inhale: pattern.inhale,
		inhaleTop: pattern.inhaleTop,
		holdIn: pattern.holdIn,
		exhale: pattern.exhale,
		holdOut: pattern.holdOut,
		length: { ...pattern.length },
		createdAt,
		updatedAt: nowMs
	});
	// "Breathe now" starts the saved version at once, without the database.
	if (preferences.get('breatheNow') === OWN_PREFIX + patternId) {
		preferences.setBreatheNow(OWN_PREFIX + patternId, encodeShareCode(pattern));
	}
	await refreshNames();
	return patternId;
}

/** Adds a copy of a valid pattern, named as a copy; returns the new id. */
export function duplicatePattern(pattern: OwnPattern, copyName: string): Promise<string> {
	const check = validatePattern({ ...pattern, name: copyName });
	// A name made too long by the suffix keeps the original name.
	return savePattern(check.ok ? check.pattern : pattern);
}

/** Deletes a pattern; "breathe now" goes back to the built-in default if it started it. */
export async function deletePattern(id: string): Promise<void> {
	await (await store()).delete(id);
	if (preferences.get('breatheNow') === OWN_PREFIX + id) {
		preferences.setBreatheNow(BUILT_IN_BREATHE_NOW);
	}
	await refreshNames();
}

/** Makes "breathe now" start this valid pattern. */
export function useForBreatheNow(id: string, pattern: OwnPattern): void {
	preferences.setBreatheNow(OWN_PREFIX + id, encodeShareCode(pattern));
}

async function refreshNames(): Promise<void> {
	forgetPatternNames();
	await loadPatternNames();
}

/** The link that opens a pattern on another phone (this app, any origin it is served from). */
export function shareLink(origin: string, localizedPath: string, pattern: OwnPattern): string {
	return `${origin}${localizedPath}?code=${encodeShareCode(pattern)}`;
}
