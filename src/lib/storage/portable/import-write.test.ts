import { afterEach, describe, expect, it } from 'vitest';
import { contactItem } from '../../records/safety-plan';
import { PlanStore } from '../plan-store';
import { deleteOpened, rawText, setUp } from '../vault-test-data';
import { applyImport } from './import-write';
import { at, db, fill, parsedFile, session, snapshot, validData, useFreshDb } from './test-data';

useFreshDb('import-write');

describe('writing an import', () => {
	const many = () => {
		const data = validData();
		data.sessions = Array.from({ length: 5000 }, (_, i) => session(`m${i}`, at(1, 0) + i * 60_000));
		return parsedFile(JSON.stringify(data));
	};

	it('tells its progress, batch by batch, up to every record', async () => {
		const seen: number[] = [];
		await applyImport(db, many(), undefined, {
			onProgress: ({ done, total }) => {
				expect(total).toBe(5000 + 2 + 1 + 1);
				seen.push(done);
			}
		});
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(5004);
		expect(seen.length).toBeGreaterThan(3);
		expect(await db.sessions.count()).toBe(5000);
	});

	it('leaves the database exactly as it was when cancelled part-way through', async () => {
		await fill();
		const before = await snapshot();
		const stop = new AbortController();
		const written: number[] = [];
		const importing = applyImport(db, many(), undefined, {
			signal: stop.signal,
			onProgress: ({ done }) => {
				written.push(done);
				if (done >= 2000) stop.abort();
			}
		});

		await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
		expect(Math.max(...written)).toBeGreaterThanOrEqual(2000);
		expect(await snapshot()).toEqual(before);
	});

	it('writes nothing when cancelled before it starts', async () => {
		await fill();
		const before = await snapshot();
		const stop = new AbortController();
		stop.abort();
		await expect(applyImport(db, many(), undefined, { signal: stop.signal })).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
	});
});

describe('the safety plan’s numbers on the lock screen, in an import', () => {
	afterEach(deleteOpened);

	const FRIEND = { name: 'Noor de Wit', phone: '06 12 34 56 78' };
	const GP = { name: 'Huisarts Meijer', phone: '020 555 0101' };

	/** A file whose steps 4 and 5 say `people` and `pros` about the lock screen. */
	function planFile(people: boolean, pros: boolean) {
		const data = validData();
		const flag = (on: boolean) => (on ? { onLockScreen: true } : {});
		data.lists = [
			{ id: 'plan-people', items: [contactItem(FRIEND)], ...flag(people) },
			{ id: 'plan-pros', items: [contactItem(GP)], ...flag(pros) }
		];
		return parsedFile(JSON.stringify(data));
	}

	/** A device with the app lock on, and a plan step with the lock-screen choice as given. */
	async function lockedDevice(chosen?: boolean) {
		const s = setUp();
		const plan = new PlanStore(s.db, s.vault);
		if (chosen !== undefined) {
			await plan.saveStep('people', [contactItem({ name: 'Sam', phone: '112' })]);
			await plan.setOnLockScreen(chosen);
		}
		await s.vault.turnOn('pin', '482913');
		return { ...s, plan };
	}

	it('stays sealed, without the choice, when a file asks for it on a locked device with no plan', async () => {
		const device = await lockedDevice();
		await applyImport(device.db, planFile(true, true), device.vault);
		device.vault.lock();

		const raw = await rawText(device.db);
		for (const secret of [FRIEND.name, GP.name, '56 78']) expect(raw).not.toContain(secret);
		const stored = await device.db.lists.toArray();
		expect(stored.map((row) => row.id).sort()).toEqual(['plan-people', 'plan-pros']);
		for (const row of stored) expect(row).not.toHaveProperty('onLockScreen');
		expect(await device.plan.lockScreenContacts()).toEqual({ people: [], pros: [] });
	});

	it('keeps both steps open when the person chose so on this device, whatever the file says', async () => {
		const device = await lockedDevice(true);
		await applyImport(device.db, planFile(false, false), device.vault);
		device.vault.lock();

		const shown = await device.plan.lockScreenContacts();
		expect(shown.people).toContainEqual(FRIEND);
		expect(shown.pros).toEqual([GP]);
		const stored = await device.db.lists.bulkGet(['plan-people', 'plan-pros']);
		expect(stored.map((row) => row?.onLockScreen)).toEqual([true, true]);
	});

	it('never splits steps 4 and 5 when the file’s values differ', async () => {
		for (const [people, pros] of [
			[true, false],
			[false, true]
		] as const) {
			for (const chosen of [true, false]) {
				const device = await lockedDevice(chosen);
				await applyImport(device.db, planFile(people, pros), device.vault);
				const stored = await device.db.lists.bulkGet(['plan-people', 'plan-pros']);
				const flags = stored.map((row) => row?.onLockScreen === true);
				expect(flags, `file ${people}/${pros}, device ${chosen}`).toEqual([chosen, chosen]);
			}
		}
	});

	it('leaves the device’s choice off when a file with the choice on comes in', async () => {
		const device = await lockedDevice(false);
		await applyImport(device.db, planFile(true, true), device.vault);
		expect((await device.plan.read()).onLockScreen).toBe(false);
		device.vault.lock();
		expect(await device.plan.lockScreenContacts()).toEqual({ people: [], pros: [] });
	});
});

describe('a plan step in an import, joined with the device’s', () => {
	it('is refused before anything is written when together they would overfill the step', async () => {
		const device = Array.from({ length: 40 }, (_, i) => `op de telefoon ${i}`);
		await db.lists.put({ id: 'plan-signs', items: device });
		const before = await snapshot();
		const data = validData();
		// Ten lines the device has already, and eleven new: 51 once joined.
		const known = device.slice(0, 10);
		const fresh = Array.from({ length: 11 }, (_, i) => `uit het bestand ${i}`);
		data.lists = [{ id: 'plan-signs', items: [...known, ...fresh] }];

		await expect(applyImport(db, parsedFile(JSON.stringify(data)))).rejects.toMatchObject({
			name: 'PlanStepFullError',
			listId: 'plan-signs'
		});
		expect(await snapshot()).toEqual(before);
	});

	it('is joined when the lines the device already has leave room', async () => {
		const device = Array.from({ length: 40 }, (_, i) => `op de telefoon ${i}`);
		await db.lists.put({ id: 'plan-signs', items: device });
		const data = validData();
		const fresh = Array.from({ length: 10 }, (_, i) => `uit het bestand ${i}`);
		data.lists = [{ id: 'plan-signs', items: [...device.slice(0, 30), ...fresh] }];

		await applyImport(db, parsedFile(JSON.stringify(data)));
		expect((await db.lists.get('plan-signs'))?.items).toEqual([...device, ...fresh]);
	});
});
