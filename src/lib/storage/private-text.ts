/**
 * Which stored text is private (the person's own words), and the codec that keeps it sealed
 * while the app lock is on. Stores write private text through the codec's `write` and `open`
 * it where it is shown; with no lock both leave the text as it is.
 */
import type { Table } from 'dexie';
import { mayShowWhenLocked } from '../records/safety-plan';
import { isSealed, SEALED_PREFIX } from '../security/lock-crypto';

/** Seals one text for the lock as it is when the write begins (text as it is with no lock). */
export type Seal = (text: string) => Promise<string>;

/** Writes and opens private text; `open` gives undefined for text it cannot read (locked). */
export interface PrivateTextCodec {
	/**
	 * Writes private text. `prepare` seals it, outside any transaction (one would end while
	 * WebCrypto works); `write` then runs in one transaction over `tables` that first checks
	 * that the lock is still the one `prepare` sealed for. When another tab turned the lock on
	 * or off in between, everything is prepared again: no words are written in the clear under
	 * a lock, nor sealed for a lock that is gone.
	 */
	write<T, R>(
		tables: readonly Table[],
		prepare: (seal: Seal) => Promise<T>,
		write: (prepared: T) => Promise<R>
	): Promise<R>;
	open(value: string): Promise<string | undefined>;
}

/**
 * The person's words as they may be stored: without the control character that starts sealed
 * text, so nothing typed or imported can pass for sealed text (and skip the lock).
 */
export function ownWords(text: string): string {
	return text.replaceAll(SEALED_PREFIX[0]!, '');
}

/** No lock: text is stored as written; sealed text (from a lock since removed) stays unread. */
export const PLAIN_TEXT: PrivateTextCodec = {
	write: async (_tables, prepare, write) =>
		write(await prepare((text) => Promise.resolve(ownWords(text)))),
	open: (value) => Promise.resolve(isSealed(value) ? undefined : value)
};

/** The tables that hold private text. */
export type PrivateTable = 'sessions' | 'urges' | 'lists';

/** A change of one text; undefined means it cannot be read, and is left out. */
type TextChange = (text: string) => string | undefined;

const URGE_TEXT = ['hope', 'bodyPlace', 'giveInstead', 'unsent'] as const;

/**
 * The record with every private text replaced by `change`. Any shape is accepted: a damaged
 * record's words are private too, so a lock seals them like any other. An unreadable note or
 * answer is left out, a noticed entry keeps its count with empty text, and an unreadable list
 * item is left out. A safety plan's list of people to call that the person lets show on the
 * lock screen holds no private text: it is never sealed.
 */
export function replaceTexts<R>(table: PrivateTable, record: R, change: TextChange): R {
	if (typeof record !== 'object' || record === null) return record;
	const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
	const replace = (key: string) => {
		const value = out[key];
		if (typeof value !== 'string') return;
		const text = change(value);
		if (text === undefined) delete out[key];
		else out[key] = text;
	};
	if (table === 'sessions') {
		replace('note');
		if (Array.isArray(out.noticed)) {
			out.noticed = out.noticed.map((entry: unknown) =>
				typeof entry === 'object' && entry !== null && 'text' in entry
					? typeof entry.text === 'string'
						? { ...entry, text: change(entry.text) ?? '' }
						: entry
					: entry
			);
		}
	} else if (table === 'urges') {
		URGE_TEXT.forEach(replace);
	} else if (
		Array.isArray(out.items) &&
		!(out.onLockScreen === true && mayShowWhenLocked(out.id))
	) {
		// The safety plan's numbers the person lets show on the lock screen stay unsealed.
		out.items = out.items.flatMap((item: unknown) => {
			if (typeof item !== 'string') return [item];
			const text = change(item);
			return text === undefined ? [] : [text];
		});
	}
	return out as R;
}

/** Every private text in a record (empty texts left out: they reveal nothing). */
export function textsOf(table: PrivateTable, record: unknown): string[] {
	const texts: string[] = [];
	replaceTexts(table, record, (text) => {
		if (text !== '') texts.push(text);
		return text;
	});
	return texts;
}

/**
 * The record with every private text changed by an asynchronous `change` (seal or open),
 * each occurrence on its own: the same words twice are sealed twice, and look unalike.
 */
export async function mapTexts<R>(
	table: PrivateTable,
	record: R,
	change: (text: string) => Promise<string | undefined>
): Promise<R> {
	const changed = await Promise.all(textsOf(table, record).map(change));
	let next = 0;
	return replaceTexts(table, record, (text) => (text === '' ? text : changed[next++]));
}
