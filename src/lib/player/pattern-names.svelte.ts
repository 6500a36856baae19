import { SvelteMap } from 'svelte/reactivity';
import { loadPatternStore } from './gateway';

/**
 * The names of the person's own patterns by id, for titles in the journal and lists (which
 * are synchronous). Filled once the patterns are read; a screen showing a title re-renders.
 */
export const patternNames = new SvelteMap<string, string>();

let loading: Promise<void> | undefined;

/** Reads the names of every own pattern once (again after `forget`). */
export function loadPatternNames(): Promise<void> {
	// The rules load with the database, after the first frame: never among the bytes before it.
	loading ??= Promise.all([loadPatternStore(), import('../engine/own-pattern')])
		.then(async ([patterns, { validatePattern }]) => ({
			records: await patterns.list(),
			validatePattern
		}))
		.then(({ records, validatePattern }) => {
			patternNames.clear();
			for (const record of records) {
				const id = (record as { id?: unknown }).id;
				const check = validatePattern(record);
				if (typeof id === 'string' && check.ok) patternNames.set(id, check.pattern.name);
			}
		})
		.catch((error: unknown) => console.error('Own patterns could not be read', error));
	return loading;
}

/** Reads the names again next time (after an import, a save or a delete). */
export function forgetPatternNames(): void {
	loading = undefined;
}
