import type { PlanListId } from './safety-plan';

/** Whether contact happened after an urge; the person may keep it to themselves. */
export type ContactAnswer = 'no' | 'yes' | 'unsaid';

/**
 * What the person chose, after the wait, for the message they wrote instead of sending it:
 * still send it (the app never does), keep it here, or let it go (its words are deleted).
 */
export type UnsentChoice = 'send' | 'keep' | 'letGo';

/** Something kind to do instead of making contact. */
export type InsteadChoice = 'breathe' | 'someone' | 'body' | 'write';

/** One moment of urge to make contact, as kept on the device. */
export interface UrgeRecord {
	id: string;
	/** Epoch ms when the person opened the urge flow. */
	startedAt: number;
	/** How strong the urge was, 0-10, when they chose to say. */
	intensity?: number;
	/** Their own words for the three questions, each optional. */
	hope?: string;
	bodyPlace?: string;
	giveInstead?: string;
	/** What they chose to do instead. */
	helped?: InsteadChoice;
	/** How long they actually waited before answering, in ms. */
	waitedMs?: number;
	contact?: ContactAnswer;
	/** The message they wrote instead of sending it (private text, sealed under the lock). */
	unsent?: string;
	/** What they chose for that message after the wait; replaces the question about contact. */
	unsentChoice?: UnsentChoice;
	/** The breathing sessions done inside this urge's flow, in order: the journal shows them in it. */
	sessionIds?: string[];
}

/** The most breathing sessions one urge moment names. */
export const MAX_URGE_SESSIONS = 20;

/** A list the person keeps: the reality list, or one step of the safety plan. */
export interface ListRecord {
	id: 'reality' | PlanListId;
	items: string[];
	/**
	 * A safety plan's people to call whom the person lets show on the lock screen: their
	 * items are then kept unsealed (see records/safety-plan.ts, mayShowWhenLocked).
	 */
	onLockScreen?: true;
}

/** What can be added to an urge record as the person goes through the flow. */
export type UrgeUpdate = Partial<Omit<UrgeRecord, 'id' | 'startedAt'>>;

/**
 * One entry of the reality list as shown: the person's words, and what finds the entry as
 * stored: its stored (maybe sealed) form, and which entry of that form it is (the same words
 * written twice with no lock look the same). Entries that cannot be read are not shown, so a
 * position on the screen is not a position in the stored list.
 */
export interface RealityEntry {
	text: string;
	key: string;
	nth: number;
}

/** The longest entry in a personal list or answer: text, not a document. */
export const MAX_TEXT_LENGTH = 2000;

const CONTACT: ReadonlySet<unknown> = new Set(['no', 'yes', 'unsaid']);
const HELPED: ReadonlySet<unknown> = new Set(['breathe', 'someone', 'body', 'write']);
const UNSENT_CHOICE: ReadonlySet<unknown> = new Set(['send', 'keep', 'letGo']);

/** True for a stored urge the journal can show (checked when read). */
export function isUrgeRecord(value: unknown): value is UrgeRecord {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
	return (
		typeof r.id === 'string' &&
		typeof r.startedAt === 'number' &&
		Number.isFinite(r.startedAt) &&
		(r.intensity === undefined ||
			(typeof r.intensity === 'number' &&
				Number.isInteger(r.intensity) &&
				r.intensity >= 0 &&
				r.intensity <= 10)) &&
		optionalText(r.hope) &&
		optionalText(r.bodyPlace) &&
		optionalText(r.giveInstead) &&
		(r.helped === undefined || HELPED.has(r.helped)) &&
		(r.contact === undefined || CONTACT.has(r.contact)) &&
		optionalText(r.unsent) &&
		(r.unsentChoice === undefined || UNSENT_CHOICE.has(r.unsentChoice)) &&
		(r.sessionIds === undefined ||
			(Array.isArray(r.sessionIds) &&
				r.sessionIds.length <= MAX_URGE_SESSIONS &&
				r.sessionIds.every((id) => typeof id === 'string')))
	);
}
