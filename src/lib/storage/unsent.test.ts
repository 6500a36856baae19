import { afterEach, describe, expect, it } from 'vitest';
import { isUrgeRecord, MAX_TEXT_LENGTH } from '../records/urges';
import { exportAll } from './portable/export';
import { applyImport } from './portable/import-write';
import type { ExportFile } from './portable/schema';
import { deleteOpened, rawText, setUp, START } from './vault-test-data';

afterEach(deleteOpened);

const WORDS = 'Ik mis je nog elke avond';

describe('the unsent message in storage', () => {
	it('keeps the words cleaned and bounded, and letting go deletes them but keeps the choice', async () => {
		const s = setUp();
		await s.urges.start('u1', START);
		await s.urges.update('u1', { unsent: `  ${WORDS}${'!'.repeat(MAX_TEXT_LENGTH)}  ` });
		expect((await s.urges.get('u1'))?.unsent).toHaveLength(MAX_TEXT_LENGTH);
		await s.urges.update('u1', { unsentChoice: 'letGo', unsent: undefined });
		const stored = await s.db.urges.get('u1');
		expect(stored).toEqual({ id: 'u1', startedAt: START, unsentChoice: 'letGo' });
		expect(await rawText(s.db)).not.toContain('Ik mis je');
	});

	it('seals the words written while locked, and shows them after unlocking', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		s.vault.lock();
		await s.urges.start('u1', START);
		await s.urges.update('u1', { unsent: WORDS, unsentChoice: 'keep' });
		const raw = await rawText(s.db);
		expect(raw).not.toContain('mis je');
		expect(raw).toContain('keep');
		expect((await s.urges.get('u1'))?.unsent).toBeUndefined();
		expect(await s.vault.unlock('482913', Date.now())).toEqual({ ok: true });
		expect(await s.urges.get('u1')).toMatchObject({ unsent: WORDS, unsentChoice: 'keep' });
	});

	it('seals words already stored when the lock goes on, and opens them when it goes off', async () => {
		const s = setUp();
		await s.urges.start('u1', START);
		await s.urges.update('u1', { unsent: WORDS });
		await s.vault.turnOn('passphrase', 'een lange zin');
		expect(await rawText(s.db)).not.toContain('mis je');
		expect(await s.vault.turnOff('een lange zin', Date.now())).toEqual({ ok: true });
		expect((await s.db.urges.get('u1'))?.unsent).toBe(WORDS);
	});

	it('lets the sealed words go while locked, leaving no sealed copy behind', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		s.vault.lock();
		await s.urges.start('u1', START);
		await s.urges.update('u1', { unsent: WORDS });
		expect(typeof (await s.db.urges.get('u1'))?.unsent).toBe('string');
		await s.urges.update('u1', { unsentChoice: 'letGo', unsent: undefined });
		expect(await s.db.urges.get('u1')).not.toHaveProperty('unsent');
	});

	it('travels in an export when unlocked and is sealed again by an import under a lock', async () => {
		const source = setUp();
		await source.urges.start('u1', START);
		await source.urges.update('u1', { unsent: WORDS, unsentChoice: 'send' });
		const { file } = await exportAll(source.db, {}, Date.now());
		expect(file.urges[0]).toMatchObject({ unsent: WORDS, unsentChoice: 'send' });
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		await applyImport(s.db, file as ExportFile, s.vault);
		expect(await rawText(s.db)).not.toContain('mis je');
		expect((await s.urges.get('u1'))?.unsent).toBe(WORDS);
	});
});

describe('letting an unsent message go later, from the journal', () => {
	it('deletes the kept words and records the choice, keeping the urge moment and its answers', async () => {
		const s = setUp();
		await s.urges.start('u1', START);
		await s.urges.update('u1', { intensity: 6, hope: 'rust', unsent: WORDS, unsentChoice: 'keep' });
		expect(await s.urges.letUnsentGo('u1')).toBe(true);
		expect(await s.db.urges.get('u1')).toEqual({
			id: 'u1',
			startedAt: START,
			intensity: 6,
			hope: 'rust',
			unsentChoice: 'letGo'
		});
		expect(await rawText(s.db)).not.toContain('mis je');
	});

	it('deletes sealed words too, under the lock, without opening them', async () => {
		const s = setUp();
		await s.vault.turnOn('pin', '482913');
		await s.urges.start('u1', START);
		await s.urges.update('u1', { unsent: WORDS });
		s.vault.lock();
		expect(await s.urges.letUnsentGo('u1')).toBe(true);
		const stored = await s.db.urges.get('u1');
		expect(stored).not.toHaveProperty('unsent');
		expect(stored).toMatchObject({ id: 'u1', unsentChoice: 'letGo' });
	});

	it('changes nothing for a moment without a message, or one that is not there', async () => {
		const s = setUp();
		await s.urges.start('u1', START);
		await s.urges.update('u1', { intensity: 3 });
		expect(await s.urges.letUnsentGo('u1')).toBe(false);
		expect(await s.urges.letUnsentGo('gone')).toBe(false);
		expect(await s.db.urges.get('u1')).toEqual({ id: 'u1', startedAt: START, intensity: 3 });
		expect(await s.db.urges.count()).toBe(1);
	});
});

describe('an urge record with an unsent message', () => {
	const base = { id: 'u1', startedAt: START };

	it('is valid with words and any of the three choices', () => {
		for (const unsentChoice of ['send', 'keep', 'letGo']) {
			expect(isUrgeRecord({ ...base, unsent: WORDS, unsentChoice })).toBe(true);
		}
	});

	it('is refused with a choice that does not exist or words that are not text', () => {
		expect(isUrgeRecord({ ...base, unsentChoice: 'sent' })).toBe(false);
		expect(isUrgeRecord({ ...base, unsent: 42 })).toBe(false);
	});
});
