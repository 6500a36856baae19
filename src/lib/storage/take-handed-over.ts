import { readHandedOver, writeHandedOver } from './handed-over';
import type { SessionStore } from './session-store';

/**
 * Moves the sessions handed over by an earlier page into the database, once (a session the
 * database has already is left alone); one that cannot be written is kept for next time.
 */
export async function takeHandedOver(
	store: Pick<SessionStore, 'get' | 'start' | 'update'>
): Promise<void> {
	const taken = new Set<string>();
	for (const entry of readHandedOver()) {
		try {
			if (!(await store.get(entry.start.id))) {
				await store.start(entry.start);
				if (entry.progress) await store.update(entry.start.id, entry.progress);
			}
			taken.add(entry.start.id);
		} catch (error) {
			console.warn('A session kept for later could not be stored yet', error);
		}
	}
	// Read again: another tab may have handed one over meanwhile.
	writeHandedOver(readHandedOver().filter((e) => !taken.has(e.start.id)));
}
