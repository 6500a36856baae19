import { afterEach, describe, expect, it } from 'vitest';
import { contactItem, dialNumber, MAX_PLAN_ITEMS, parseContact } from '../records/safety-plan';
import { isLockedError } from '../security/locked-error';
import { exportAll } from './portable/export';
import { parseImport } from './portable/import-check';
import { applyImport } from './portable/import-write';
import { PlanStepFullError, PlanStore } from './plan-store';
import { deleteOpened, rawText, setUp } from './vault-test-data';

afterEach(deleteOpened);

const SIGN = 'ik trek me terug onder de dekens';
const REASON = 'mijn zus en haar kinderen';
const FRIEND = { name: 'Noor de Wit', phone: '06 12 34 56 78' };
const GP = { name: 'Huisarts Meijer', phone: '+31 (0)20 555 0101' };

function planSetUp() {
	const s = setUp();
	return { ...s, plan: new PlanStore(s.db, s.vault) };
}

describe('the safety plan', () => {
	it('keeps each step in the order written, and an empty step stays empty', async () => {
		const { plan } = planSetUp();
		await plan.saveStep('signs', [SIGN, '  ', 'slecht slapen']);
		await plan.saveStep('people', [contactItem(FRIEND)]);
		const read = await plan.read();
		expect(read.steps.signs).toEqual([SIGN, 'slecht slapen']);
		expect(read.steps.people.map(parseContact)).toEqual([FRIEND]);
		expect(read.steps.safer).toEqual([]);
		expect(read.onLockScreen).toBe(false);
	});

	it('seals every step when the lock goes on, and opens it again when it goes off', async () => {
		const { plan, vault, db } = planSetUp();
		await plan.saveStep('signs', [SIGN]);
		await plan.saveStep('reasons', [REASON]);
		await plan.saveStep('people', [contactItem(FRIEND)]);
		await vault.turnOn('pin', '482913');
		const raw = await rawText(db);
		for (const secret of [SIGN, REASON, FRIEND.name, '56 78']) expect(raw).not.toContain(secret);
		vault.lock();
		expect((await plan.read()).steps.signs).toEqual([]);
		expect((await plan.read()).unreadable).toBe(true);
		await expect(plan.saveStep('signs', [])).rejects.toSatisfy(isLockedError);

		expect(await vault.turnOff('482913', Date.now())).toEqual({ ok: true });
		expect((await plan.read()).steps.reasons).toEqual([REASON]);
		expect(await rawText(db)).toContain(SIGN);
	});

	it('shows the numbers on the lock screen unsealed only when the person chose so', async () => {
		const { plan, vault, db } = planSetUp();
		await plan.saveStep('people', [contactItem(FRIEND)]);
		await plan.saveStep('pros', [contactItem(GP)]);
		await plan.saveStep('signs', [SIGN]);
		await vault.turnOn('pin', '482913');
		expect(await plan.lockScreenContacts()).toEqual({ people: [], pros: [] });

		await plan.setOnLockScreen(true);
		vault.lock();
		expect(await plan.lockScreenContacts()).toEqual({ people: [FRIEND], pros: [GP] });
		const raw = await rawText(db);
		expect(raw).toContain(FRIEND.name);
		expect(raw).not.toContain(SIGN);
	});

	it('keeps the chosen numbers unsealed through the lock going off and on again', async () => {
		const { plan, vault, db } = planSetUp();
		await plan.saveStep('people', [contactItem(FRIEND)]);
		await plan.setOnLockScreen(true);
		await vault.turnOn('pin', '482913');
		expect(await rawText(db)).toContain(FRIEND.name);
		await plan.saveStep('people', [contactItem(FRIEND), contactItem(GP)]);
		expect(await rawText(db)).toContain(GP.name);
		expect(await vault.turnOff('482913', Date.now())).toEqual({ ok: true });
		await vault.turnOn('pin', '111222');
		expect((await plan.lockScreenContacts()).people).toEqual([FRIEND, GP]);
	});

	it('seals the numbers again when the person takes them off the lock screen', async () => {
		const { plan, vault, db } = planSetUp();
		await plan.saveStep('people', [contactItem(FRIEND)]);
		await plan.setOnLockScreen(true);
		await vault.turnOn('pin', '482913');
		await plan.setOnLockScreen(false);
		expect(await rawText(db)).not.toContain(FRIEND.name);
		expect(await plan.lockScreenContacts()).toEqual({ people: [], pros: [] });
		expect((await plan.read()).steps.people.map(parseContact)).toEqual([FRIEND]);
	});

	it('travels in the export and comes back sealed in an import while the lock is on', async () => {
		const a = planSetUp();
		await a.plan.saveStep('reasons', [REASON]);
		await a.plan.saveStep('people', [contactItem(FRIEND)]);
		await a.plan.setOnLockScreen(true);
		const { file } = await exportAll(a.db, {}, Date.now(), a.vault);

		const b = planSetUp();
		await b.vault.turnOn('pin', '482913');
		await applyImport(b.db, file, b.vault);
		const raw = await rawText(b.db);
		expect(raw).not.toContain(REASON);
		// The choice doesn't travel: only the person on this device lets the numbers show.
		expect(await b.plan.lockScreenContacts()).toEqual({ people: [], pros: [] });
		expect(raw).not.toContain(FRIEND.name);
		expect((await b.plan.read()).steps.reasons).toEqual([REASON]);
		expect((await b.plan.read()).steps.people.map(parseContact)).toEqual([FRIEND]);
	});
});

describe('a full step', () => {
	const full = Array.from({ length: MAX_PLAN_ITEMS }, (_, i) => `regel ${i + 1}`);

	it('keeps its entries and refuses one more, writing nothing', async () => {
		const { plan } = planSetUp();
		await plan.saveStep('safer', full);
		await expect(plan.saveStep('safer', [...full, 'nog een'])).rejects.toBeInstanceOf(
			PlanStepFullError
		);
		expect((await plan.read()).steps.safer).toEqual(full);
	});

	it('is refused in an import file, before anything is written', async () => {
		const { plan, vault, db } = planSetUp();
		const { file } = await exportAll(db, {}, Date.now(), vault);
		const parsed = parseImport(
			JSON.stringify({
				...file,
				lists: [{ id: 'plan-safer', items: [...full, 'nog een'] }]
			})
		);
		expect(parsed).toMatchObject({
			ok: false,
			problem: { code: 'plan-step-full', path: 'lists[0].items', max: MAX_PLAN_ITEMS }
		});
		expect((await plan.read()).steps.safer).toEqual([]);
	});

	it('may come in an import file with as many entries as a step holds', () => {
		const parsed = parseImport(
			JSON.stringify({
				format: 'rustpunt-export',
				version: 1,
				exportedAt: Date.now(),
				lists: [{ id: 'plan-safer', items: full }],
				preferences: {}
			})
		);
		expect(parsed.ok).toBe(true);
	});

	it('refuses an import that, joined with the device, would pass the limit', async () => {
		const { plan, vault, db } = planSetUp();
		await plan.saveStep('safer', full.slice(0, 40));
		await vault.turnOn('pin', '482913');
		const { file } = await exportAll(db, {}, Date.now(), vault);
		const more = Array.from({ length: 20 }, (_, i) => `nieuw ${i + 1}`);
		const parsed = parseImport(
			JSON.stringify({
				...file,
				lists: [{ id: 'plan-safer', items: [...full.slice(0, 30), ...more] }]
			})
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
		await expect(applyImport(db, parsed.file, vault)).rejects.toBeInstanceOf(PlanStepFullError);
		expect((await plan.read()).steps.safer).toEqual(full.slice(0, 40));
		// The same entries again add nothing new, and come in.
		const again = parseImport(
			JSON.stringify({ ...file, lists: [{ id: 'plan-safer', items: full.slice(0, 40) }] })
		);
		if (!again.ok) throw new Error(JSON.stringify(again.problem));
		await applyImport(db, again.file, vault);
		expect((await plan.read()).steps.safer).toEqual(full.slice(0, 40));
	});
});

describe('a safety plan in an import file', () => {
	it('never lets the file itself turn the lock-screen numbers on; every step stays sealed', async () => {
		const { plan, vault, db } = planSetUp();
		const { file } = await exportAll(db, {}, Date.now(), vault);
		const parsed = parseImport(
			JSON.stringify({
				...file,
				lists: [
					{ id: 'plan-reasons', items: [REASON], onLockScreen: true },
					{ id: 'plan-people', items: [contactItem(FRIEND)], onLockScreen: true }
				]
			})
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
		await vault.turnOn('pin', '482913');
		await applyImport(db, parsed.file, vault);
		vault.lock();
		const raw = await rawText(db);
		expect(raw).not.toContain(REASON);
		expect(raw).not.toContain(FRIEND.name);
		expect(await plan.lockScreenContacts()).toEqual({ people: [], pros: [] });
	});
});

describe('a number to call', () => {
	it('written without a name is still a number to call once saved and read back', async () => {
		const { plan } = planSetUp();
		await plan.saveStep('people', [contactItem({ name: '', phone: '113' })]);
		const [only] = (await plan.read()).steps.people.map(parseContact);
		expect(only).toEqual({ name: '', phone: '113' });
		expect(dialNumber(only!.phone)).toBe('113');
	});

	it('becomes digits for the call link, keeping an international plus', () => {
		expect(dialNumber('06 12 34 56 78')).toBe('0612345678');
		expect(dialNumber('+31 (0)20-555 0101')).toBe('+310205550101');
		expect(dialNumber('113')).toBe('113');
	});

	it('is no link when it cannot be called, yet is kept as written', () => {
		expect(dialNumber('bel na achten')).toBeUndefined();
		expect(dialNumber('12')).toBeUndefined();
		expect(parseContact(contactItem({ name: 'Sam', phone: 'bel na achten' }))).toEqual({
			name: 'Sam',
			phone: 'bel na achten'
		});
	});
});
