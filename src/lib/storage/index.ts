import { getDb } from './db';
import { SessionStore } from './session-store';
import { UrgeStore } from './urge-store';

export type { NoticedEntry, SessionDetails, SessionRecord, StoredSessionStatus } from './sessions';
export { SessionStore } from './session-store';
export { UrgeStore } from './urge-store';
export type { ContactAnswer, InsteadChoice, UrgeRecord } from './urges';

let store: SessionStore | undefined;

/** The app's session store on the device's database. */
export function sessionStore(): SessionStore {
	store ??= new SessionStore(getDb());
	return store;
}

let urges: UrgeStore | undefined;

/** The app's store of urge moments and the reality list. */
export function urgeStore(): UrgeStore {
	urges ??= new UrgeStore(getDb());
	return urges;
}
