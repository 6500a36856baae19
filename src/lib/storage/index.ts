import { getDb } from './db';
import { SessionStore } from './session-store';

export type { SessionRecord, StoredSessionStatus } from './sessions';
export { SessionStore } from './session-store';

let store: SessionStore | undefined;

/** The app's session store on the device's database. */
export function sessionStore(): SessionStore {
	store ??= new SessionStore(getDb());
	return store;
}
