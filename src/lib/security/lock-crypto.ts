/**
 * The app lock's cryptography, on WebCrypto only (no library, nothing leaves the phone).
 *
 * Design, and why:
 * - The PIN or passphrase is stretched by PBKDF2-SHA-256 (random 16-byte salt, a high
 *   iteration count) into a key-encryption key (AES-GCM-256). It is never stored.
 * - Private text is sealed to an ECDH P-256 key pair made when the lock is turned on: each
 *   text gets a fresh ephemeral key pair, the shared secret goes through HKDF-SHA-256 into a
 *   one-time AES-GCM-256 key, and the text is encrypted with a fresh random 96-bit IV.
 *   Sealing needs only the PUBLIC key, which is stored in the clear: so text written while
 *   the app is locked ("breathe now"'s note after the exercise, the urge flow's answers from
 *   the lock screen) is protected at once, without asking for the PIN first.
 * - Reading needs the PRIVATE key, stored only wrapped (AES-GCM, fresh IV) by the PIN's key.
 *   A wrong PIN fails AES-GCM's authentication when unwrapping: that failure is the verifier,
 *   so nothing else derived from the PIN is stored. Changing the PIN re-wraps this one key;
 *   no text has to be encrypted again.
 * - The unwrapped private key is made non-extractable and lives only in memory.
 */

/** PBKDF2-SHA-256 rounds. 600,000 is OWASP's 2023 figure for this hash; see README "App lock". */
export const PBKDF2_ITERATIONS = 600_000;
/** Fewer rounds are refused when a stored lock is read: a tampered record cannot weaken it. */
export const MIN_ITERATIONS = 100_000;
/** Sealed text starts with this: a character no one types, then the format version. */
export const SEALED_PREFIX = '\u0001rp1:';

const SALT_BYTES = 16;
const IV_BYTES = 12;
const HKDF_INFO = new TextEncoder().encode('rustpunt private text v1');
const ECDH: EcKeyImportParams = { name: 'ECDH', namedCurve: 'P-256' };
// A raw uncompressed P-256 public key is 65 bytes.
const POINT_BYTES = 65;

/** How the person unlocks: digits only, or any words. */
export type SecretKind = 'pin' | 'passphrase';

/** Shortest PIN (digits) and passphrase (characters) accepted. */
export const MIN_PIN_DIGITS = 6;
export const MIN_PASSPHRASE_CHARS = 8;

/** The lock as stored in the settings table (key `lock`). Never exported. */
export interface LockRecord {
	v: 1;
	kind: SecretKind;
	/** Base64 of the PBKDF2 salt. */
	salt: string;
	iterations: number;
	/** Base64 of the raw ECDH public key (sealing text needs only this). */
	publicKey: string;
	/** Base64 of IV + AES-GCM(pkcs8 private key) under the PIN's key. */
	wrappedKey: string;
}

/** Whether a secret is acceptable for its kind: a PIN is 6 or more digits. */
export function isAcceptableSecret(kind: SecretKind, secret: string): boolean {
	return kind === 'pin'
		? new RegExp(`^\\d{${MIN_PIN_DIGITS},64}$`).test(secret)
		: secret.trim().length >= MIN_PASSPHRASE_CHARS && secret.length <= 256;
}

/** True for a stored lock record with the shape and strength this code relies on. */
export function isLockRecord(value: unknown): value is LockRecord {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		r.v === 1 &&
		(r.kind === 'pin' || r.kind === 'passphrase') &&
		typeof r.salt === 'string' &&
		typeof r.publicKey === 'string' &&
		typeof r.wrappedKey === 'string' &&
		typeof r.iterations === 'number' &&
		Number.isInteger(r.iterations) &&
		r.iterations >= MIN_ITERATIONS
	);
}

/** Stretches the secret into the key that wraps the private key. */
export async function deriveWrappingKey(
	secret: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(secret.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['wrapKey', 'unwrapKey']
	);
}

/** A new lock for `secret`: the record to store and the private key to keep in memory. */
export async function createLock(
	kind: SecretKind,
	secret: string,
	iterations = PBKDF2_ITERATIONS
): Promise<{ record: LockRecord; privateKey: CryptoKey }> {
	const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
	const salt = randomBytes(SALT_BYTES);
	const record = await wrapPrivateKey(pair.privateKey, kind, secret, salt, iterations, {
		publicKey: toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)))
	});
	// The key kept in memory is a non-extractable copy: no script can read it out.
	const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
	const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveBits']);
	return { record, privateKey };
}

/** The same lock under a new secret (a fresh salt too); the sealed text stays as it is. */
export async function rewrapLock(
	record: LockRecord,
	oldSecret: string,
	kind: SecretKind,
	newSecret: string,
	iterations = PBKDF2_ITERATIONS
): Promise<LockRecord | undefined> {
	const key = await openWrapping(record, oldSecret, true);
	if (!key) return undefined;
	return wrapPrivateKey(key, kind, newSecret, randomBytes(SALT_BYTES), iterations, {
		publicKey: record.publicKey
	});
}

/** The private key, or undefined when the secret is wrong. */
export function unwrapPrivateKey(
	record: LockRecord,
	secret: string
): Promise<CryptoKey | undefined> {
	return openWrapping(record, secret, false);
}

async function openWrapping(
	record: LockRecord,
	secret: string,
	extractable: boolean
): Promise<CryptoKey | undefined> {
	const kek = await deriveWrappingKey(secret, fromBase64(record.salt), record.iterations);
	const wrapped = fromBase64(record.wrappedKey);
	try {
		return await crypto.subtle.unwrapKey(
			'pkcs8',
			wrapped.slice(IV_BYTES),
			kek,
			{ name: 'AES-GCM', iv: wrapped.slice(0, IV_BYTES) },
			ECDH,
			extractable,
			['deriveBits']
		);
	} catch {
		// AES-GCM's tag did not match: the wrong secret (or a damaged record).
		return undefined;
	}
}

async function wrapPrivateKey(
	privateKey: CryptoKey,
	kind: SecretKind,
	secret: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number,
	rest: { publicKey: string }
): Promise<LockRecord> {
	const kek = await deriveWrappingKey(secret, salt, iterations);
	const iv = randomBytes(IV_BYTES);
	const wrapped = await crypto.subtle.wrapKey('pkcs8', privateKey, kek, { name: 'AES-GCM', iv });
	return {
		v: 1,
		kind,
		salt: toBase64(salt),
		iterations,
		publicKey: rest.publicKey,
		wrappedKey: toBase64(concat(iv, new Uint8Array(wrapped)))
	};
}

/** The stored public key, ready to seal text. */
export function importPublicKey(base64: string): Promise<CryptoKey> {
	return crypto.subtle.importKey('raw', fromBase64(base64), ECDH, true, []);
}

/** Whether a stored string is sealed text rather than the person's words. */
export function isSealed(value: unknown): value is string {
	return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

/** Seals one text to the lock's public key: only the private key can open it again. */
export async function sealText(publicKey: CryptoKey, text: string): Promise<string> {
	const ephemeral = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
	const key = await messageKey(ephemeral.privateKey, publicKey, 'encrypt');
	const iv = randomBytes(IV_BYTES);
	const cipher = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		key,
		new TextEncoder().encode(text)
	);
	const point = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
	return SEALED_PREFIX + toBase64(concat(point, iv, new Uint8Array(cipher)));
}

/** Opens sealed text; throws when the key does not fit or the text was changed. */
export async function openText(privateKey: CryptoKey, sealed: string): Promise<string> {
	if (!isSealed(sealed)) throw new Error('Not sealed text');
	const bytes = fromBase64(sealed.slice(SEALED_PREFIX.length));
	const point = await crypto.subtle.importKey('raw', bytes.slice(0, POINT_BYTES), ECDH, false, []);
	const key = await messageKey(privateKey, point, 'decrypt');
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: bytes.slice(POINT_BYTES, POINT_BYTES + IV_BYTES) },
		key,
		bytes.slice(POINT_BYTES + IV_BYTES)
	);
	return new TextDecoder().decode(plain);
}

/** The one-time AES key of a message: ECDH, then HKDF (a raw ECDH secret is not a key). */
async function messageKey(
	own: CryptoKey,
	other: CryptoKey,
	use: 'encrypt' | 'decrypt'
): Promise<CryptoKey> {
	const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: other }, own, 256);
	const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: HKDF_INFO },
		hkdf,
		{ name: 'AES-GCM', length: 256 },
		false,
		[use]
	);
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(n));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
