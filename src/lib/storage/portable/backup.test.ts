import { describe, expect, it } from 'vitest';
import { BACKUP_HEADER_BYTES, openBackup, sealBackup } from '../../security/backup-crypto';
import { deleteAllData } from './delete-all';
import { db, exportText, fill, importText, snapshot, useFreshDb } from './test-data';

useFreshDb('backup');

// Few rounds keep the test quick; the app always seals with 600,000.
const FAST = 1_000;
const PASSPHRASE = 'blauwe fiets in de regen';

/** What the data screen does with a backup: open it, then check and write it as an import. */
async function restore(bytes: Uint8Array, passphrase: string) {
	const opened = await openBackup(bytes, passphrase, FAST);
	if (!opened.ok) return opened;
	return importText(opened.text);
}

describe('the encrypted backup of everything', () => {
	it('brings every record back equal after a backup, deleting everything and a restore', async () => {
		await fill();
		await db.settings.delete('persistAsked');
		const before = await snapshot();
		const sealed = await sealBackup(await exportText(), PASSPHRASE, FAST);

		await deleteAllData(db);
		expect(await db.sessions.count()).toBe(0);
		expect(await restore(sealed, PASSPHRASE)).toMatchObject({ ok: true });
		expect(await snapshot()).toEqual(before);
	});

	it('writes nothing for a wrong passphrase, a cut file, a newer version or a changed byte', async () => {
		await fill();
		const sealed = await sealBackup(await exportText(), PASSPHRASE, FAST);
		await deleteAllData(db);
		const empty = await snapshot();

		const newer = sealed.slice();
		newer[4] = 2;
		const changed = sealed.slice();
		changed[BACKUP_HEADER_BYTES + 10]! ^= 0x20;
		const changedSalt = sealed.slice();
		changedSalt[12]! ^= 0x04;
		const refusals = [
			[sealed, 'blauwe fiets in de regem', 'wrong-passphrase'],
			[sealed.slice(0, sealed.length - 100), PASSPHRASE, 'damaged'],
			[sealed.slice(0, BACKUP_HEADER_BYTES - 3), PASSPHRASE, 'damaged'],
			[newer, PASSPHRASE, 'newer-version'],
			[changed, PASSPHRASE, 'damaged'],
			[changedSalt, PASSPHRASE, 'damaged']
		] as const;
		for (const [bytes, passphrase, problem] of refusals) {
			expect(await restore(bytes, passphrase)).toEqual({ ok: false, problem });
		}
		expect(await snapshot()).toEqual(empty);
	});
});
