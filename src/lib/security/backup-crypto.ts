/**
 * The encrypted backup: the whole export (the same JSON as the plain export) sealed with a
 * passphrase the person chooses, in a small binary file that only Rustpunt opens. WebCrypto
 * only; nothing leaves the phone.
 *
 * The file, byte by byte (numbers big-endian):
 *
 *   0   4  magic, "RPVB" (a format mark, no word in it that says what the app is)
 *   4   1  format version (1)
 *   5   4  PBKDF2 iterations
 *   9  16  PBKDF2 salt (random)
 *  25  16  check value: tells a wrong passphrase from a damaged file
 *  41  12  AES-GCM IV (random)
 *  53   8  header sum: the first 8 bytes of SHA-256 over bytes 0 to 53
 *  61   …  AES-GCM-256 ciphertext of the export's UTF-8 text, with its 16-byte tag
 *
 * Why this shape:
 * - PBKDF2-SHA-256 (600,000 rounds, the lock's count) stretches the passphrase into 256 bits;
 *   HKDF-SHA-256 splits those into the AES key and a 16-byte check value. The check value costs
 *   a guesser the same 600,000 rounds as trying the key itself, so it gives nothing away, but it
 *   lets the screen say plainly "this passphrase does not open this file" rather than "wrong
 *   passphrase or damaged file".
 * - The header sum is no secret (everything it covers is public); it catches a byte changed
 *   in the salt, the rounds or the check value, which would otherwise read as a wrong
 *   passphrase. Such a file is refused as damaged before the passphrase is asked.
 * - The whole header (bytes 0 to 61) is AES-GCM's additional data: a changed byte anywhere in
 *   the file fails the tag, and the file is refused as damaged before anything is read from it.
 * - The iteration count travels in the file so a later version can raise it; a count below
 *   the minimum (or absurdly high) is refused, so a forged header cannot weaken or stall it.
 */
import type { BackupProblem } from '../records/export-file';
import { PBKDF2_ITERATIONS } from './lock-crypto';

/** The first bytes of every sealed backup. */
export const BACKUP_MAGIC = new Uint8Array([0x52, 0x50, 0x56, 0x42]);
/** The format version this code writes and reads. */
export const BACKUP_VERSION = 1;
/** Shortest passphrase accepted for a backup, in characters. */
export const MIN_BACKUP_PASSPHRASE_CHARS = 10;
/** Fewest rounds a backup may claim when it is opened by the app. */
export const MIN_BACKUP_ITERATIONS = PBKDF2_ITERATIONS;
/** Most rounds a file may ask for: more would keep the phone busy for minutes. */
export const MAX_BACKUP_ITERATIONS = 10_000_000;

const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const IV_BYTES = 12;
const SUM_BYTES = 8;
const TAG_BYTES = 16;
/** Bytes the header sum covers. */
const SUMMED_BYTES = 4 + 1 + 4 + SALT_BYTES + CHECK_BYTES + IV_BYTES;
/** Bytes before the ciphertext. */
export const BACKUP_HEADER_BYTES = SUMMED_BYTES + SUM_BYTES;
const KEY_INFO = new TextEncoder().encode('backup key v1');
const CHECK_INFO = new TextEncoder().encode('backup check v1');

export type { BackupProblem };

/** A sealed backup's header, read before the passphrase is asked. */
export interface BackupHeader {
	version: number;
	iterations: number;
	salt: Uint8Array<ArrayBuffer>;
	check: Uint8Array<ArrayBuffer>;
	iv: Uint8Array<ArrayBuffer>;
}

/** Whether `bytes` start like a sealed backup (anything else is read as a plain export). */
export function isSealedBackup(bytes: Uint8Array): boolean {
	return bytes.length >= BACKUP_MAGIC.length && BACKUP_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The header of a sealed backup, or why it cannot be opened at all: a newer format, or a file
 * too short, with a header that does not match its sum, or with a count of rounds out of
 * range. `minIterations` is lowered by tests only.
 */
export async function readBackupHeader(
	bytes: Uint8Array,
	minIterations = MIN_BACKUP_ITERATIONS
): Promise<{ ok: true; header: BackupHeader } | { ok: false; problem: BackupProblem }> {
	if (!isSealedBackup(bytes) || bytes.length < BACKUP_MAGIC.length + 1) {
		return { ok: false, problem: 'damaged' };
	}
	const version = bytes[4]!;
	if (version > BACKUP_VERSION) return { ok: false, problem: 'newer-version' };
	if (version !== BACKUP_VERSION || bytes.length < BACKUP_HEADER_BYTES + TAG_BYTES) {
		return { ok: false, problem: 'damaged' };
	}
	const sum = await headerSum(bytes.slice(0, SUMMED_BYTES));
	if (!sameBytes(sum, bytes.subarray(SUMMED_BYTES, BACKUP_HEADER_BYTES))) {
		return { ok: false, problem: 'damaged' };
	}
	const iterations = new DataView(bytes.buffer, bytes.byteOffset + 5, 4).getUint32(0);
	if (iterations < minIterations || iterations > MAX_BACKUP_ITERATIONS) {
		return { ok: false, problem: 'damaged' };
	}
	let at = 9;
	const take = (n: number) => bytes.slice(at, (at += n));
	return {
		ok: true,
		header: {
			version,
			iterations,
			salt: take(SALT_BYTES),
			check: take(CHECK_BYTES),
			iv: take(IV_BYTES)
		}
	};
}

/**
 * Seals the export's text with `passphrase`. The app always uses PBKDF2_ITERATIONS; tests may
 * pass fewer. Takes a moment (the rounds are the point), without blocking the page.
 */
export async function sealBackup(
	text: string,
	passphrase: string,
	iterations = PBKDF2_ITERATIONS
): Promise<Uint8Array<ArrayBuffer>> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const { key, check } = await deriveBackupKeys(passphrase, salt, iterations);
	const header = new Uint8Array(BACKUP_HEADER_BYTES);
	header.set(BACKUP_MAGIC, 0);
	header[4] = BACKUP_VERSION;
	new DataView(header.buffer).setUint32(5, iterations);
	header.set(salt, 9);
	header.set(check, 9 + SALT_BYTES);
	header.set(iv, 9 + SALT_BYTES + CHECK_BYTES);
	header.set(await headerSum(header.slice(0, SUMMED_BYTES)), SUMMED_BYTES);
	const cipher = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: header },
		key,
		new TextEncoder().encode(text)
	);
	const out = new Uint8Array(BACKUP_HEADER_BYTES + cipher.byteLength);
	out.set(header, 0);
	out.set(new Uint8Array(cipher), BACKUP_HEADER_BYTES);
	return out;
}

/**
 * Opens a sealed backup into the export's text, or says why not: a passphrase that does not
 * fit, a file changed or cut short, or a format newer than this app. `minIterations` is
 * lowered by tests only.
 */
export async function openBackup(
	bytes: Uint8Array,
	passphrase: string,
	minIterations = MIN_BACKUP_ITERATIONS
): Promise<{ ok: true; text: string } | { ok: false; problem: BackupProblem }> {
	const read = await readBackupHeader(bytes, minIterations);
	if (!read.ok) return read;
	const { header } = read;
	const { key, check } = await deriveBackupKeys(passphrase, header.salt, header.iterations);
	if (!sameBytes(check, header.check)) return { ok: false, problem: 'wrong-passphrase' };
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: header.iv, additionalData: bytes.slice(0, BACKUP_HEADER_BYTES) },
			key,
			bytes.slice(BACKUP_HEADER_BYTES)
		);
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
	} catch {
		// The tag did not match (a changed or missing byte), or the text was not UTF-8.
		return { ok: false, problem: 'damaged' };
	}
}

/** The first bytes of SHA-256 over the header before the sum: catches a changed byte there. */
async function headerSum(summed: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	const digest = await crypto.subtle.digest('SHA-256', summed);
	return new Uint8Array(digest, 0, SUM_BYTES);
}

/** PBKDF2 once, then HKDF into the AES key and the check value. */
async function deriveBackupKeys(
	passphrase: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<{ key: CryptoKey; check: Uint8Array<ArrayBuffer> }> {
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(passphrase.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveBits']
	);
	const stretched = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		256
	);
	const hkdf = await crypto.subtle.importKey('raw', stretched, 'HKDF', false, [
		'deriveKey',
		'deriveBits'
	]);
	const params = (info: Uint8Array<ArrayBuffer>) => ({
		name: 'HKDF',
		hash: 'SHA-256',
		salt: new Uint8Array(32),
		info
	});
	const [key, check] = await Promise.all([
		crypto.subtle.deriveKey(params(KEY_INFO), hkdf, { name: 'AES-GCM', length: 256 }, false, [
			'encrypt',
			'decrypt'
		]),
		crypto.subtle.deriveBits(params(CHECK_INFO), hkdf, CHECK_BYTES * 8)
	]);
	return { key, check: new Uint8Array(check) };
}

/** Compares without stopping at the first difference. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
	return diff === 0;
}

/** How strong a passphrase is, to be said in words. */
export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong' | 'very-strong';

/**
 * A rough, honest measure: length counts most; a phrase of one repeated character or only
 * digits is weak however long; several words or 20 characters and more are strong.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
	const text = passphrase.normalize('NFC').trim();
	const length = [...text].length;
	if (length < MIN_BACKUP_PASSPHRASE_CHARS) return 'too-short';
	const distinct = new Set(text.toLowerCase()).size;
	if (distinct < 5 || /^\d+$/.test(text)) return 'weak';
	const words = text.split(/\s+/).filter((w) => w.length >= 2).length;
	if (length >= 28 || (words >= 4 && length >= 20)) return 'very-strong';
	if (length >= 18 || (words >= 3 && length >= 14)) return 'strong';
	return 'fair';
}

/** Why a new backup passphrase cannot be used yet: too short, or the repeat differs. */
export function newBackupPassphraseProblem(
	passphrase: string,
	repeat: string
): 'too-short' | 'mismatch' | undefined {
	if (passphraseStrength(passphrase) === 'too-short') return 'too-short';
	if (passphrase !== repeat) return 'mismatch';
	return undefined;
}
