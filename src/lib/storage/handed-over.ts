import { readStored, removeStored, writeStored } from '../platform/local-storage';
import { STORAGE_KEYS } from '../platform/storage-keys';
import type { SessionProgress, SessionStore } from './session-store';

type SessionStart = Parameters<SessionStore['start']>[0];

/** One session kept for later: how it started, and how far it came. */
interface HandedOver {
	start: SessionStart;
	progress?: SessionProgress;
}

const KEY = STORAGE_KEYS.handedOverSessions;

function isHandedOver(value: unknown): value is HandedOver {
	const start = (value as Partial<HandedOver> | null)?.start;
	return typeof start?.id === 'string' && Number.isFinite(start.startedAt);
}

/** Every session kept for later, as stored; anything unreadable is left out. */
export function readHandedOver(): HandedOver[] {
	try {
		const stored: unknown = JSON.parse(readStored(KEY) ?? '[]');
		return Array.isArray(stored) ? stored.filter(isHandedOver) : [];
	} catch {
		return [];
	}
}

/** Stores the sessions kept for later (none: the key goes). */
export function writeHandedOver(entries: HandedOver[]): void {
	if (entries.length > 0) writeStored(KEY, JSON.stringify(entries));
	else removeStored(KEY);
}

/**
 * Sessions for a page that leaves before its database was opened: "breathe now" opens it only
 * after the first breaths (platform/idle.ts), and quick exit waits at most a moment. Each
 * write lands synchronously in localStorage, which outlives the page; the next time the
 * database opens, takeHandedOver (take-handed-over.ts) moves them into it.
 */
export const handOverSessions: Pick<SessionStore, 'start' | 'update'> = {
	async start(record) {
		writeHandedOver([
			...readHandedOver().filter((e) => e.start.id !== record.id),
			{ start: record }
		]);
	},
	async update(id, progress) {
		writeHandedOver(readHandedOver().map((e) => (e.start.id === id ? { ...e, progress } : e)));
	}
};

/** Forgets every session kept for later (when everything is deleted). */
export function forgetHandedOver(): void {
	removeStored(KEY);
}
