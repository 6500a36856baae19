/**
 * The app lock on the device's database: the lock record and wrong tries in the settings
 * table (keys `lock`, `lockAttempts`, never exported), the unlocked key in memory only, and
 * turning the lock on, off or to a new secret, which seals or opens every private text.
 */
import {
	afterFailure,
	isLockAttempts,
	NO_ATTEMPTS,
	waitLeft,
	type LockAttempts
} from '../security/attempts';
import {
	createLock,
	importPublicKey,
	isLockRecord,
	isSealed,
	openText,
	rewrapLock,
	sealText,
	unwrapPrivateKey,
	PBKDF2_ITERATIONS,
	type LockRecord,
	type SecretKind
} from '../security/lock-crypto';
import type { RustpuntDb } from './db';
import {
	mapListText,
	mapSessionText,
	mapUrgeText,
	sessionHasText,
	urgeHasText,
	type PrivateTextCodec
} from './private-text';
import { isSessionRecord, type SessionRecord } from './sessions';
import type { ListRecord, UrgeRecord } from './urges';

/** Settings keys of the lock; they stay on the device. */
export const LOCK_KEY = 'lock';
export const ATTEMPTS_KEY = 'lockAttempts';

/** What an unlock attempt came to. */
export type UnlockResult = { ok: true } | { ok: false; waitMs: number; failures: number };

/** The app lock, and the codec every store uses for private text. */
export class Vault implements PrivateTextCodec {
	#db: RustpuntDb;
	#iterations: number;
	/** The imported public key, for the stored key it was imported from. */
	#publicKey: { base64: string; key: Promise<CryptoKey> } | undefined;
	#privateKey: CryptoKey | undefined;

	/** `iterations` is for tests only: the app always uses the full count. */
	constructor(db: RustpuntDb, iterations = PBKDF2_ITERATIONS) {
		this.#db = db;
		this.#iterations = iterations;
	}

	/**
	 * The stored lock, or null when there is none (a damaged record counts as a lock). Read
	 * on every use, never cached: another tab, an import or "delete everything" may change it,
	 * and text must never be written in the clear because this tab missed a new lock.
	 */
	async lockRecord(): Promise<LockRecord | null> {
		const row = await this.#db.settings.get(LOCK_KEY);
		if (row === undefined) {
			// No lock (any more): a key kept from before opens nothing now.
			this.#privateKey = undefined;
			return null;
		}
		// A lock that cannot be read must not silently become "no lock".
		if (!isLockRecord(row.value)) throw new Error('The stored lock is damaged');
		return row.value;
	}

	/** Whether the lock is on. */
	async isOn(): Promise<boolean> {
		return (await this.lockRecord()) !== null;
	}

	/** Whether the private text can be read now (the lock is on and was opened). */
	get unlocked(): boolean {
		return this.#privateKey !== undefined;
	}

	/** Forgets the key: the private text is unreadable until the next unlock. */
	lock(): void {
		this.#privateKey = undefined;
	}

	/** Seals text when the lock is on (needs no unlock); empty or sealed text stays as it is. */
	// Arrow functions: stores pass `seal` and `open` around as plain functions.
	seal = async (text: string): Promise<string> => {
		if (text === '' || isSealed(text)) return text;
		const record = await this.lockRecord();
		if (!record) return text;
		if (this.#publicKey?.base64 !== record.publicKey) {
			this.#publicKey = { base64: record.publicKey, key: importPublicKey(record.publicKey) };
		}
		return sealText(await this.#publicKey.key, text);
	};

	/** The text to show: as stored, opened when unlocked, undefined when it cannot be read. */
	open = async (value: string): Promise<string | undefined> => {
		if (!isSealed(value)) return value;
		if (!this.#privateKey) return undefined;
		try {
			return await openText(this.#privateKey, value);
		} catch {
			return undefined;
		}
	};

	/** Wrong tries so far and when the next is allowed. */
	async attempts(): Promise<LockAttempts> {
		const row = await this.#db.settings.get(ATTEMPTS_KEY);
		return isLockAttempts(row?.value) ? row.value : NO_ATTEMPTS;
	}

	/** Tries the secret, unless a wait after wrong tries is still running. */
	async unlock(secret: string, nowMs: number): Promise<UnlockResult> {
		const record = await this.lockRecord();
		if (!record) return { ok: true };
		const attempts = await this.attempts();
		const wait = waitLeft(attempts, nowMs);
		if (wait > 0) return { ok: false, waitMs: wait, failures: attempts.failures };
		const key = await unwrapPrivateKey(record, secret);
		if (!key) {
			const next = afterFailure(attempts, nowMs);
			await this.#db.settings.put({ key: ATTEMPTS_KEY, value: next });
			return { ok: false, waitMs: waitLeft(next, nowMs), failures: next.failures };
		}
		this.#privateKey = key;
		await this.#db.settings.delete(ATTEMPTS_KEY);
		return { ok: true };
	}

	/**
	 * Turns the lock on: every private text already stored is sealed, in one transaction with
	 * the lock record, and the app stays unlocked. The sealing itself happens before the
	 * transaction (an IndexedDB transaction ends while WebCrypto works); text written in that
	 * moment by another tab could be overwritten, which is why this is done from a screen where
	 * nothing else is being written.
	 */
	async turnOn(kind: SecretKind, secret: string): Promise<void> {
		if (await this.isOn()) throw new Error('The lock is already on');
		const { record, privateKey } = await createLock(kind, secret, this.#iterations);
		const publicKey = await importPublicKey(record.publicKey);
		const seal = (text: string) =>
			text === '' || isSealed(text) ? Promise.resolve(text) : sealText(publicKey, text);
		const changed = await this.#rewriteAll(seal);
		await this.#db.transaction(
			'rw',
			this.#db.sessions,
			this.#db.urges,
			this.#db.lists,
			this.#db.settings,
			async () => {
				await this.#putAll(changed);
				await this.#db.settings.put({ key: LOCK_KEY, value: record });
				await this.#db.settings.delete(ATTEMPTS_KEY);
			}
		);
		this.#publicKey = { base64: record.publicKey, key: Promise.resolve(publicKey) };
		this.#privateKey = privateKey;
	}

	/** Turns the lock off with the secret: every private text is opened and stored as text. */
	async turnOff(secret: string, nowMs: number): Promise<UnlockResult> {
		const result = await this.unlock(secret, nowMs);
		if (!result.ok) return result;
		const open = async (text: string) => {
			const opened = await this.open(text);
			if (opened === undefined) throw new Error('Some private text could not be opened');
			return opened;
		};
		const changed = await this.#rewriteAll(open);
		await this.#db.transaction(
			'rw',
			this.#db.sessions,
			this.#db.urges,
			this.#db.lists,
			this.#db.settings,
			async () => {
				await this.#putAll(changed);
				await this.#db.settings.bulkDelete([LOCK_KEY, ATTEMPTS_KEY]);
			}
		);
		this.#publicKey = undefined;
		this.#privateKey = undefined;
		return { ok: true };
	}

	/** A new secret for the same lock (the sealed text is not touched). */
	async change(
		oldSecret: string,
		kind: SecretKind,
		newSecret: string,
		nowMs: number
	): Promise<UnlockResult> {
		const result = await this.unlock(oldSecret, nowMs);
		if (!result.ok) return result;
		const record = await this.lockRecord();
		const next = record && (await rewrapLock(record, oldSecret, kind, newSecret, this.#iterations));
		if (!next) throw new Error('The lock could not be changed');
		await this.#db.settings.put({ key: LOCK_KEY, value: next });
		return { ok: true };
	}

	/** Every stored record with private text, changed by `change`. */
	async #rewriteAll(change: (text: string) => Promise<string>): Promise<Rewritten> {
		const [sessions, urges, lists] = await this.#db.transaction(
			'r',
			this.#db.sessions,
			this.#db.urges,
			this.#db.lists,
			() =>
				Promise.all([
					this.#db.sessions.toArray(),
					this.#db.urges.toArray(),
					this.#db.lists.toArray()
				])
		);
		return {
			sessions: await Promise.all(
				sessions
					.filter((s) => isSessionRecord(s) && sessionHasText(s))
					.map((s) => mapSessionText(s, change))
			),
			urges: await Promise.all(urges.filter(urgeHasText).map((u) => mapUrgeText(u, change))),
			lists: await Promise.all(
				lists.filter((l) => Array.isArray(l.items)).map((l) => mapListText(l, change))
			)
		};
	}

	async #putAll(changed: Rewritten): Promise<void> {
		await this.#db.sessions.bulkPut(changed.sessions);
		await this.#db.urges.bulkPut(changed.urges);
		await this.#db.lists.bulkPut(changed.lists);
	}
}

interface Rewritten {
	sessions: SessionRecord[];
	urges: UrgeRecord[];
	lists: ListRecord[];
}
