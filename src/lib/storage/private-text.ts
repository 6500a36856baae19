/**
 * Which stored text is private (the person's own words), and the codec that keeps it sealed
 * while the app lock is on. Stores call `seal` before every write of private text and `open`
 * where the text is shown; with no lock both leave the text as it is.
 */
import { isSealed } from '../security/lock-crypto';
import type { SessionRecord } from './sessions';
import type { ListRecord, UrgeRecord } from './urges';

/** Seals and opens private text; `open` gives undefined for text it cannot read (locked). */
export interface PrivateTextCodec {
	seal(text: string): Promise<string>;
	open(value: string): Promise<string | undefined>;
}

/** No lock: text is stored as written; sealed text (from a lock since removed) stays unread. */
export const PLAIN_TEXT: PrivateTextCodec = {
	seal: (text) => Promise.resolve(text),
	open: (value) => Promise.resolve(isSealed(value) ? undefined : value)
};

type TextChange = (text: string) => Promise<string | undefined>;

/** A session with its note and typed answers changed by `change` (unreadable ones left out). */
export async function mapSessionText<R extends Partial<SessionRecord>>(
	record: R,
	change: TextChange
): Promise<R> {
	const out = { ...record };
	if (record.note !== undefined) {
		const note = await change(record.note);
		if (note === undefined) delete out.note;
		else out.note = note;
	}
	if (record.noticed) {
		out.noticed = await Promise.all(
			record.noticed.map(async (entry) => ({ ...entry, text: (await change(entry.text)) ?? '' }))
		);
	}
	return out;
}

const URGE_TEXT = ['hope', 'bodyPlace', 'giveInstead'] as const;

/** An urge with its three answers changed by `change`. */
export async function mapUrgeText<R extends Partial<UrgeRecord>>(
	record: R,
	change: TextChange
): Promise<R> {
	const out = { ...record };
	for (const key of URGE_TEXT) {
		const value = record[key];
		if (value === undefined) continue;
		const text = await change(value);
		if (text === undefined) delete out[key];
		else out[key] = text;
	}
	return out;
}

/** List items changed by `change`; items that cannot be read are left out. */
export async function mapItems(items: readonly string[], change: TextChange): Promise<string[]> {
	const changed = await Promise.all(items.map(change));
	return changed.filter((item): item is string => item !== undefined);
}

/** A list record with its items changed by `change`. */
export async function mapListText(record: ListRecord, change: TextChange): Promise<ListRecord> {
	return { ...record, items: await mapItems(record.items, change) };
}

/** Whether a session has text a lock would seal (so turning it on touches only those). */
export function sessionHasText(record: SessionRecord): boolean {
	return record.note !== undefined || (record.noticed ?? []).some((entry) => entry.text !== '');
}

/** Whether an urge has any of the three answers. */
export function urgeHasText(record: UrgeRecord): boolean {
	return URGE_TEXT.some((key) => record[key] !== undefined);
}
