import { webSessionLocks } from '../platform/session-locks';
import { getDb } from './db';
import { takeHandedOver } from './take-handed-over';
import { JournalStore } from './journal-store';
import { LiveSessions } from './live-sessions';
import { askToKeepDataOnce } from './persistence';
import { ProgrammeStore } from './programme-store';
import { PatternStore } from './pattern-store';
import { PlanStore } from './plan-store';
import { SessionStore } from './session-store';
import { SettingsStore } from './settings-store';
import { UrgeStore } from './urge-store';
import { Vault } from './vault';

export { JournalStore, type JournalCursor, type JournalPage } from './journal-store';
export { ProgrammeStore, type DayCompletion, type ProgrammeSnapshot } from './programme-store';
export { PatternStore } from './pattern-store';
export { PlanStore, type SafetyPlan } from './plan-store';
export { SessionStore } from './session-store';
export { SettingsStore } from './settings-store';
export { UrgeStore } from './urge-store';
export { Vault, type UnlockResult } from './vault';

let vaultInstance: Vault | undefined;

/** The app lock; every store seals and opens private text through it. */
export function vault(): Vault {
	vaultInstance ??= new Vault(getDb());
	return vaultInstance;
}

let live: LiveSessions | undefined;

/** This tab's view of which sessions run (here or in another tab) and which were left. */
export function liveSessions(): LiveSessions {
	live ??= new LiveSessions(getDb(), webSessionLocks);
	return live;
}

let store: SessionStore | undefined;

/** The app's session store on the device's database. */
export function sessionStore(): SessionStore {
	// The first completed session is the moment to ask the browser to keep the data.
	store ??= new SessionStore(
		getDb(),
		() => askToKeepDataOnce(journalStore()),
		vault(),
		liveSessions()
	);
	return store;
}

/** Takes in the sessions an earlier page handed over before its database opened. */
export function takeHandedOverSessions(): Promise<void> {
	return takeHandedOver(sessionStore());
}

let urges: UrgeStore | undefined;

/** The app's store of urge moments and the reality list. */
export function urgeStore(): UrgeStore {
	urges ??= new UrgeStore(getDb(), vault());
	return urges;
}

let journal: JournalStore | undefined;

/** The app's reader of the journal (pages, ranges, notes, journal settings). */
export function journalStore(): JournalStore {
	journal ??= new JournalStore(getDb(), vault(), liveSessions());
	return journal;
}

let programmes: ProgrammeStore | undefined;

/** The app's store of programmes followed and programme days completed. */
export function programmeStore(): ProgrammeStore {
	programmes ??= new ProgrammeStore(getDb());
	return programmes;
}

let settings: SettingsStore | undefined;

/** The app's settings in the database. */
export function settingsStore(): SettingsStore {
	settings ??= new SettingsStore(getDb());
	return settings;
}

let patterns: PatternStore | undefined;

/** The person's own breathing patterns. */
export function patternStore(): PatternStore {
	patterns ??= new PatternStore(getDb());
	return patterns;
}

let plan: PlanStore | undefined;

/** The person's safety plan. */
export function planStore(): PlanStore {
	plan ??= new PlanStore(getDb(), vault());
	return plan;
}
