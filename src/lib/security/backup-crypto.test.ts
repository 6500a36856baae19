import { describe, expect, it } from 'vitest';
import {
	BACKUP_HEADER_BYTES,
	BACKUP_VERSION,
	isSealedBackup,
	MAX_BACKUP_ITERATIONS,
	MIN_BACKUP_ITERATIONS,
	newBackupPassphraseProblem,
	openBackup,
	passphraseStrength,
	readBackupHeader,
	sealBackup
} from './backup-crypto';
import { PBKDF2_ITERATIONS } from './lock-crypto';

// Few rounds keep these tests quick; the app always seals with PBKDF2_ITERATIONS.
const FAST = 1_000;
const PASSPHRASE = 'drie rustige woorden';
const TEXT = JSON.stringify({ format: 'rustpunt-export', version: 1, note: 'ik mis hem 💙' });

/** Seals TEXT quickly, for tests. */
function seal(text = TEXT, passphrase = PASSPHRASE) {
	return sealBackup(text, passphrase, FAST);
}

/** Writes a header sum that fits again, as a forger would, after changing the header. */
async function resum(bytes: Uint8Array<ArrayBuffer>) {
	const summed = BACKUP_HEADER_BYTES - 8;
	const digest = await crypto.subtle.digest('SHA-256', bytes.slice(0, summed));
	bytes.set(new Uint8Array(digest, 0, 8), summed);
	return bytes;
}

/** Opens with the test's low minimum of rounds. */
function open(bytes: Uint8Array, passphrase = PASSPHRASE) {
	return openBackup(bytes, passphrase, FAST);
}

describe('the encrypted backup', () => {
	it('opens again into exactly the text that was sealed, with the right passphrase', async () => {
		expect(await open(await seal())).toEqual({ ok: true, text: TEXT });
	});

	it('keeps neither the text nor the passphrase readable in the file', async () => {
		const bytes = await seal();
		const asText = new TextDecoder('latin1').decode(bytes);
		expect(asText).not.toContain('rustpunt');
		expect(asText).not.toContain('ik mis hem');
		expect(asText).not.toContain('rustige');
	});

	it('says a wrong passphrase plainly, apart from a damaged file', async () => {
		expect(await open(await seal(), 'drie rustige woordem')).toEqual({
			ok: false,
			problem: 'wrong-passphrase'
		});
	});

	it('refuses a file with one byte changed in its text as damaged', async () => {
		const bytes = await seal();
		bytes[BACKUP_HEADER_BYTES + 3]! ^= 0x01;
		expect(await open(bytes)).toEqual({ ok: false, problem: 'damaged' });
	});

	it('refuses a file with a changed IV, which the tag covers too', async () => {
		const bytes = await seal();
		bytes[BACKUP_HEADER_BYTES - 9]! ^= 0x80;
		expect(await open(bytes)).toEqual({ ok: false, problem: 'damaged' });
	});

	it('refuses a changed header byte as damaged, not as a wrong passphrase', async () => {
		const sealed = await seal();
		// The rounds, a byte of the salt, of the check value, of the IV and of the sum itself.
		for (const at of [8, 9, 24, 25, 40, 41, BACKUP_HEADER_BYTES - 1]) {
			const bytes = sealed.slice();
			bytes[at]! ^= 0x01;
			expect(await readBackupHeader(bytes, FAST), `byte ${at}`).toEqual({
				ok: false,
				problem: 'damaged'
			});
			expect(await open(bytes), `byte ${at}`).toEqual({ ok: false, problem: 'damaged' });
		}
	});

	it('still refuses a changed IV whose header sum was written anew, by its tag', async () => {
		const bytes = await seal();
		bytes[BACKUP_HEADER_BYTES - 9]! ^= 0x80;
		expect(await open(await resum(bytes))).toEqual({ ok: false, problem: 'damaged' });
	});

	it('refuses a file whose first bytes are not the format mark as damaged', async () => {
		const bytes = await seal();
		bytes[0] = 0x00;
		expect(await open(bytes)).toEqual({ ok: false, problem: 'damaged' });
	});

	it('refuses a file cut short, wherever it is cut', async () => {
		const bytes = await seal();
		for (const length of [0, 3, 5, 20, BACKUP_HEADER_BYTES, bytes.length - 1]) {
			expect(await open(bytes.slice(0, length)), `cut at ${length}`).toEqual({
				ok: false,
				problem: 'damaged'
			});
		}
	});

	it('refuses a file from a newer format version, before asking the passphrase', async () => {
		const bytes = await seal();
		bytes[4] = BACKUP_VERSION + 1;
		expect(await readBackupHeader(bytes, FAST)).toEqual({ ok: false, problem: 'newer-version' });
		expect(await open(bytes)).toEqual({ ok: false, problem: 'newer-version' });
	});

	it('refuses a header that claims fewer rounds than the app uses, or absurdly many', async () => {
		const weak = await seal();
		expect(await readBackupHeader(weak)).toEqual({ ok: false, problem: 'damaged' });
		const stalling = await seal();
		new DataView(stalling.buffer).setUint32(5, MAX_BACKUP_ITERATIONS + 1);
		expect(await readBackupHeader(await resum(stalling), FAST)).toEqual({
			ok: false,
			problem: 'damaged'
		});
		expect(MIN_BACKUP_ITERATIONS).toBeGreaterThanOrEqual(600_000);
	});

	it('writes the app’s full count of rounds by default, and reads it back from the header', async () => {
		const bytes = await sealBackup('{}', PASSPHRASE);
		const read = await readBackupHeader(bytes);
		expect(read.ok && read.header.iterations).toBe(PBKDF2_ITERATIONS);
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
	});

	it('uses a fresh salt and IV every time, so one text sealed twice looks different', async () => {
		const [a, b] = await Promise.all([seal(), seal()]);
		expect(isSealedBackup(a) && isSealedBackup(b)).toBe(true);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
		const [ha, hb] = await Promise.all([readBackupHeader(a, FAST), readBackupHeader(b, FAST)]);
		expect(ha.ok && hb.ok && Buffer.from(ha.header.salt).equals(Buffer.from(hb.header.salt))).toBe(
			false
		);
	});

	it('tells a plain export apart from a sealed backup by its first bytes', () => {
		expect(isSealedBackup(new TextEncoder().encode(TEXT))).toBe(false);
		expect(isSealedBackup(new Uint8Array([0x52, 0x50]))).toBe(false);
	});

	it('opens a passphrase typed in another Unicode form (composed or not) the same', async () => {
		const bytes = await seal(TEXT, 'café in de zon, rustig');
		expect(await open(bytes, 'cafe\u0301 in de zon, rustig')).toEqual({ ok: true, text: TEXT });
	});
});

describe('how strong a passphrase is', () => {
	it('calls anything under 10 characters too short', () => {
		expect(passphraseStrength('kort')).toBe('too-short');
		expect(passphraseStrength('  negen 9  ')).toBe('too-short');
	});

	it('calls one repeated character or only digits weak, however long', () => {
		expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa')).toBe('weak');
		expect(passphraseStrength('12345678901234')).toBe('weak');
	});

	it('grows with length and with words', () => {
		expect(passphraseStrength('Zonnebloem7')).toBe('fair');
		expect(passphraseStrength('blauwe fiets regen')).toBe('strong');
		expect(passphraseStrength('blauwe fiets in de regen')).toBe('very-strong');
	});
});

describe('a new backup passphrase', () => {
	it('is refused when shorter than 10 characters, or when the repeat differs', () => {
		expect(newBackupPassphraseProblem('kort', 'kort')).toBe('too-short');
		expect(newBackupPassphraseProblem('blauwe fiets', 'blauwe fiest')).toBe('mismatch');
		expect(newBackupPassphraseProblem('blauwe fiets', 'blauwe fiets')).toBeUndefined();
	});
});
