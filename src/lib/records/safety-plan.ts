/**
 * The safety plan (Stanley and Brown's safety planning intervention): the person's own words
 * in six steps and "what keeps me going". Each step is kept as one record of the `lists`
 * table, next to the reality list, its items sealed one by one like the reality list's. Pure.
 */

/** The steps, in the plan's order; `reasons` is "what keeps me going". */
export const PLAN_STEPS = [
	'signs',
	'alone',
	'distract',
	'people',
	'pros',
	'safer',
	'reasons'
] as const;
/** One step of the plan. */
export type PlanStep = (typeof PLAN_STEPS)[number];

/** The id of the `lists` record that holds one step. */
export type PlanListId = `plan-${PlanStep}`;

/** The `lists` record id of a step. */
export function planListId(step: PlanStep): PlanListId {
	return `plan-${step}`;
}

/** Every `lists` record id of the plan, in the plan's order. */
export const PLAN_LIST_IDS: readonly PlanListId[] = PLAN_STEPS.map(planListId);

/**
 * The steps whose entries are people to call (a name and a number). Only these may be shown
 * on the lock screen without the code, when the person chooses so.
 */
export const CONTACT_STEPS: readonly PlanStep[] = ['people', 'pros'];

/** True for a `lists` record id whose items the person may let show on the lock screen. */
export function mayShowWhenLocked(id: unknown): boolean {
	return id === 'plan-people' || id === 'plan-pros';
}

/** Most entries in one step: a plan, not an address book. */
export const MAX_PLAN_ITEMS = 50;

/** A person or professional to call: the name and the number as the person wrote them. */
export interface PlanContact {
	name: string;
	phone: string;
}

/** The people to call that the person lets show on the lock screen, per step. */
export interface LockScreenContacts {
	people: PlanContact[];
	pros: PlanContact[];
}

/**
 * A contact as one stored item: the name, a line break, the number. One item is sealed as
 * one text, so a name never lies in the clear beside a sealed number.
 */
export function contactItem({ name, phone }: PlanContact): string {
	const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();
	const number = oneLine(phone);
	return number === '' ? oneLine(name) : `${oneLine(name)}\n${number}`;
}

/**
 * A stored item read back as a contact. An item without a line break is a name, or a number
 * written without a name (stored text is trimmed, so its empty name and line break are gone).
 */
export function parseContact(item: string): PlanContact {
	const at = item.indexOf('\n');
	if (at >= 0) return { name: item.slice(0, at), phone: item.slice(at + 1) };
	return dialNumber(item) === undefined ? { name: item, phone: '' } : { name: '', phone: item };
}

/**
 * The number for a `tel:` link: digits only, a leading + kept (written as + or 00), or
 * undefined when what was written cannot be called (letters, or too few or too many digits).
 * The person's own writing is what is shown.
 */
export function dialNumber(phone: string): string | undefined {
	const written = phone.trim();
	if (!/^\+?[\d\s\-().]+$/u.test(written)) return undefined;
	const digits = written.replace(/\D/gu, '');
	if (digits.length < 3 || digits.length > 15) return undefined;
	return written.startsWith('+') ? `+${digits}` : digits;
}
