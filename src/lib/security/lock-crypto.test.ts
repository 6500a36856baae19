import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_WAIT_MS, NO_ATTEMPTS, waitAfter, waitLeft } from './attempts';
import {
	createLock,
	importPublicKey,
	isAcceptableSecret,
	isLockRecord,
	isSealed,
	MIN_ITERATIONS,
	openText,
	PBKDF2_ITERATIONS,
	rewrapLock,
	sealText,
	unwrapPrivateKey
} from './lock-crypto';

// The lowest count a stored lock may have keeps these tests quick; the app uses the full one.
const FAST = MIN_ITERATIONS;

describe('lock crypto', () => {
	it('seals text that only the key from the right PIN opens again', async () => {
		const { record } = await createLock('pin', '482913', FAST);
		const sealed = await sealText(await importPublicKey(record.publicKey), 'ik mis hem');
		const key = await unwrapPrivateKey(record, '482913');
		expect(key).toBeDefined();
		expect(await openText(key!, sealed)).toBe('ik mis hem');
	});

	it('refuses a wrong PIN', async () => {
		const { record } = await createLock('pin', '482913', FAST);
		expect(await unwrapPrivateKey(record, '482914')).toBeUndefined();
	});

	it('keeps neither the PIN nor the text readable in what is stored', async () => {
		const { record } = await createLock('passphrase', 'zeven lange woorden', FAST);
		const sealed = await sealText(await importPublicKey(record.publicKey), 'mijn geheim');
		expect(isSealed(sealed)).toBe(true);
		expect(sealed).not.toContain('geheim');
		expect(JSON.stringify(record)).not.toContain('zeven');
		expect(record.salt).toMatch(/^[A-Za-z0-9+/]{22}==$/);
	});

	it('uses a fresh key and IV for every text, so equal texts look different', async () => {
		const { record } = await createLock('pin', '111111', FAST);
		const pub = await importPublicKey(record.publicKey);
		const [a, b] = await Promise.all([sealText(pub, 'zelfde'), sealText(pub, 'zelfde')]);
		expect(a).not.toBe(b);
	});

	it('refuses sealed text that was changed', async () => {
		const { record, privateKey } = await createLock('pin', '111111', FAST);
		const sealed = await sealText(await importPublicKey(record.publicKey), 'tekst');
		// A character well inside the text: every one of its bits is data. (The one before the
		// padding carries bits that decoding drops, so changing it can leave the bytes alone.)
		const at = sealed.length - 10;
		const changed = sealed[at] === 'A' ? 'B' : 'A';
		await expect(
			openText(privateKey, sealed.slice(0, at) + changed + sealed.slice(at + 1))
		).rejects.toThrow();
	});

	it('keeps the key in memory unexportable', async () => {
		const { privateKey } = await createLock('pin', '111111', FAST);
		expect(privateKey.extractable).toBe(false);
		const unlocked = await unwrapPrivateKey(
			(await createLock('pin', '222222', FAST)).record,
			'222222'
		);
		expect(unlocked?.extractable).toBe(false);
	});

	it('changes the PIN without sealing the text again', async () => {
		const { record } = await createLock('pin', '111111', FAST);
		const sealed = await sealText(await importPublicKey(record.publicKey), 'blijft');
		expect(await rewrapLock(record, '000000', 'pin', '999999')).toBeUndefined();
		const changed = await rewrapLock(record, '111111', 'passphrase', 'een nieuwe zin');
		expect(changed?.kind).toBe('passphrase');
		expect(changed?.salt).not.toBe(record.salt);
		expect(changed?.iterations).toBe(PBKDF2_ITERATIONS);
		expect(await unwrapPrivateKey(changed!, '111111')).toBeUndefined();
		expect(await openText((await unwrapPrivateKey(changed!, 'een nieuwe zin'))!, sealed)).toBe(
			'blijft'
		);
	});

	it('stores the iteration count and refuses a record weakened below the minimum', async () => {
		const { record } = await createLock('pin', '111111', FAST);
		expect(isLockRecord(record)).toBe(true);
		expect(isLockRecord({ ...record, iterations: 1000 })).toBe(false);
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
	});

	it('accepts a PIN of six or more digits, or a passphrase of eight or more characters', () => {
		expect(isAcceptableSecret('pin', '12345')).toBe(false);
		expect(isAcceptableSecret('pin', '123456')).toBe(true);
		expect(isAcceptableSecret('pin', '12345a')).toBe(false);
		expect(isAcceptableSecret('passphrase', 'kort')).toBe(false);
		expect(isAcceptableSecret('passphrase', 'lang genoeg')).toBe(true);
	});
});

describe('wrong PIN slow-down', () => {
	it('lets three tries go by, then waits longer each time, up to a limit', () => {
		expect([1, 2, 3, 4, 5, 6].map(waitAfter)).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000]);
		expect(waitAfter(40)).toBe(MAX_WAIT_MS);
	});

	it('counts failures and says how long is left', () => {
		let attempts = NO_ATTEMPTS;
		for (let i = 0; i < 3; i++) attempts = afterFailure(attempts, 1000);
		expect(attempts).toEqual({ failures: 3, nextAllowedAt: 31_000 });
		expect(waitLeft(attempts, 11_000)).toBe(20_000);
		expect(waitLeft(attempts, 40_000)).toBe(0);
	});

	it('never makes a person wait longer than the limit when the clock was set back', () => {
		expect(waitLeft({ failures: 9, nextAllowedAt: 10 * MAX_WAIT_MS }, 0)).toBe(MAX_WAIT_MS);
	});
});
