/**
 * A breathing pattern the person made. Seconds per phase (steps of 0.5); a phase of 0 is left
 * out. Only `id` and `updatedAt` are indexed (database version 4); other fields may grow.
 */
export interface PatternRecord {
	id: string;
	name: string;
	/** Seconds breathing in. */
	inhale: number;
	/** Seconds of a second, shorter breath in on top (0: none). */
	inhaleTop: number;
	/** Seconds held after breathing in (0: none). */
	holdIn: number;
	/** Seconds breathing out. */
	exhale: number;
	/** Seconds held after breathing out (0: none). */
	holdOut: number;
	/** How long a session of it lasts: a number of cycles or minutes. */
	length: { kind: 'cycles'; cycles: number } | { kind: 'minutes'; minutes: number };
	/** Epoch ms. */
	createdAt: number;
	/** Epoch ms; the list shows the most recently changed first. */
	updatedAt: number;
}
