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
import type { Table } from 'dexie';
import type { RustpuntDb } from './db';
import {
	replaceTexts,
	textsOf,
	ownWords,
	type PrivateTable,
	type PrivateTextCodec,
	type Seal
} from './private-text';

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

	/**
	 * The opened key, to hand to the import worker (same origin, kept in memory only): an
	 * import compares the list items already stored with the file's, as text.
	 */
	get keyForWorker(): CryptoKey | undefined {
		return this.#privateKey;
	}

	/** Opens with a key another context unlocked (the import worker is handed the page's). */
	useKey(key: CryptoKey): void {
		this.#privateKey = key;
	}

	/** Forgets the key: the private text is unreadable until the next unlock. */
	lock(): void {
		this.#privateKey = undefined;
	}

	/**
	 * Writes private text sealed for the lock as it is at the moment of writing (see
	 * PrivateTextCodec). The lock is read once per try, and only when there is text to seal.
	 */
	async write<T, R>(
		tables: readonly Table[],
		prepare: (seal: Seal) => Promise<T>,
		write: (prepared: T) => Promise<R>
	): Promise<R> {
		for (let round = 1; ; round++) {
			let lock: Promise<LockRecord | null> | undefined;
			const seal: Seal = async (text) => {
				const words = ownWords(text);
				if (words === '') return words;
				const record = await (lock ??= this.lockRecord());
				return record ? sealText(await this.#importPublic(record), words) : words;
			};
			const prepared = await prepare(seal);
			// No text at all: there is no lock to check.
			if (!lock) return write(prepared);
			const sealedFor = lockId(await lock);
			const done = await this.#db.transaction('rw', [...tables, this.#db.settings], async () => {
				const now = await this.#db.settings.get(LOCK_KEY);
				if (lockId(now?.value) !== sealedFor) return undefined;
				return { result: await write(prepared) };
			});
			if (done) return done.result;
			if (round === MAX_ROUNDS) throw new Error('The app lock kept changing while writing');
		}
	}

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

	/**
	 * Tries the secret, unless a wait after wrong tries is still running. The try is counted
	 * before the secret is checked, in one transaction with the check of the wait, and the
	 * count is cleared only when the secret fits: tries made at once in several tabs are
	 * counted, and waited for, like tries made one after another.
	 */
	async unlock(secret: string, nowMs: number): Promise<UnlockResult> {
		const record = await this.lockRecord();
		if (!record) return { ok: true };
		const result = await this.#try(record, nowMs, () => unwrapPrivateKey(record, secret));
		if (!result.ok) return result;
		this.#privateKey = result.opened;
		return { ok: true };
	}

	/**
	 * One counted try of the secret against `record`: `open` derives the key from the secret
	 * and does with it what the caller needs (undefined: the secret is wrong).
	 */
	async #try<T>(
		record: LockRecord,
		nowMs: number,
		open: () => Promise<T | undefined>
	): Promise<{ ok: true; opened: T } | Extract<UnlockResult, { ok: false }>> {
		const { attempts, waitMs } = await this.#db.transaction('rw', this.#db.settings, async () => {
			const row = await this.#db.settings.get(ATTEMPTS_KEY);
			const before = isLockAttempts(row?.value) ? row.value : NO_ATTEMPTS;
			const wait = waitLeft(before, nowMs);
			if (wait > 0) return { attempts: before, waitMs: wait };
			const counted = afterFailure(before, nowMs);
			await this.#db.settings.put({ key: ATTEMPTS_KEY, value: counted });
			return { attempts: counted, waitMs: 0 };
		});
		if (waitMs > 0) return { ok: false, waitMs, failures: attempts.failures };
		const opened = await open();
		if (opened === undefined) {
			return { ok: false, waitMs: waitLeft(attempts, nowMs), failures: attempts.failures };
		}
		await this.#db.settings.delete(ATTEMPTS_KEY);
		return { ok: true, opened };
	}

	/**
	 * Turns the lock on: every private text already stored is sealed, in one transaction with
	 * the lock record, and the app stays unlocked. Text written meanwhile in another tab is
	 * sealed too (see #rewriteAll).
	 */
	async turnOn(kind: SecretKind, secret: string): Promise<void> {
		if (await this.isOn()) throw new Error('The lock is already on');
		const { record, privateKey } = await createLock(kind, secret, this.#iterations);
		const publicKey = await importPublicKey(record.publicKey);
		await this.#rewriteAll(
			(text) => !isSealed(text),
			(text) => sealText(publicKey, text),
			async () => {
				// Another tab may have turned a lock on meanwhile: its text would be lost.
				if (await this.#db.settings.get(LOCK_KEY)) throw new Error('The lock is already on');
				await this.#db.settings.put({ key: LOCK_KEY, value: record });
				await this.#db.settings.delete(ATTEMPTS_KEY);
			}
		);
		this.#publicKey = { base64: record.publicKey, key: Promise.resolve(publicKey) };
		this.#privateKey = privateKey;
	}

	/** Turns the lock off with the secret: every private text is opened and stored as text. */
	async turnOff(secret: string, nowMs: number): Promise<UnlockResult> {
		const record = await this.lockRecord();
		if (!record) return { ok: true };
		const result = await this.unlock(secret, nowMs);
		if (!result.ok) return result;
		await this.#rewriteAll(
			isSealed,
			async (text) => {
				const opened = await this.open(text);
				if (opened === undefined) throw new Error('Some private text could not be opened');
				return opened;
			},
			async () => {
				const now = await this.#db.settings.get(LOCK_KEY);
				if (lockId(now?.value) !== record.publicKey) throw new Error('The lock was changed');
				await this.#db.settings.bulkDelete([LOCK_KEY, ATTEMPTS_KEY]);
			}
		);
		this.#publicKey = undefined;
		this.#privateKey = undefined;
		return { ok: true };
	}

	/**
	 * A new secret for the same lock (the sealed text is not touched). The old secret is
	 * checked by re-wrapping with it, a counted try like any unlock.
	 */
	async change(
		oldSecret: string,
		kind: SecretKind,
		newSecret: string,
		nowMs: number
	): Promise<UnlockResult> {
		const record = await this.lockRecord();
		if (!record) throw new Error('There is no lock to change');
		const result = await this.#try(record, nowMs, () =>
			rewrapLock(record, oldSecret, kind, newSecret, this.#iterations)
		);
		if (!result.ok) return result;
		const next = result.opened;
		// Another tab may have turned the lock off (or on anew) while the keys were derived.
		await this.#db.transaction('rw', this.#db.settings, async () => {
			const now = await this.#db.settings.get(LOCK_KEY);
			if (lockId(now?.value) !== record.publicKey) throw new Error('The lock was changed');
			await this.#db.settings.put({ key: LOCK_KEY, value: next });
		});
		return { ok: true };
	}

	/**
	 * Changes every private text for which `needs` holds, and runs `finish` in the same
	 * transaction. WebCrypto cannot work inside a transaction, so the texts are changed first
	 * (after a read-only look at what there is) and then written in a transaction that reads
	 * every record again: a text written by another tab meanwhile, not changed yet, is changed
	 * in another round before anything is written. Only the texts are replaced: the rest of
	 * each record stays as it is now. Each occurrence gets its own copy (the same words sealed
	 * twice look unalike).
	 */
	async #rewriteAll(
		needs: (text: string) => boolean,
		change: (text: string) => Promise<string>,
		finish: () => Promise<void>
	): Promise<void> {
		const copies = new Map<string, string[]>();
		for (let round = 1; ; round++) {
			const looking = round === 1;
			const tables = [...PRIVATE_TABLES.map((name) => this.#db.table(name)), this.#db.settings];
			const missing = await this.#db.transaction(looking ? 'r' : 'rw', tables, async () => {
				const rows = await Promise.all(
					PRIVATE_TABLES.map((name) => this.#db.table(name).toArray())
				);
				const wanted = new Map<string, number>();
				rows.forEach((list, i) => {
					for (const row of list) {
						for (const text of textsOf(PRIVATE_TABLES[i]!, row).filter(needs)) {
							wanted.set(text, (wanted.get(text) ?? 0) + 1);
						}
					}
				});
				const missing = [...wanted].flatMap(([text, count]) =>
					Array<string>(Math.max(0, count - (copies.get(text)?.length ?? 0))).fill(text)
				);
				if (looking || missing.length > 0) return missing;
				const used = new Map<string, number>();
				const take = (text: string) => {
					if (text === '' || !needs(text)) return text;
					const at = used.get(text) ?? 0;
					used.set(text, at + 1);
					return copies.get(text)![at];
				};
				await Promise.all(
					PRIVATE_TABLES.map((name, i) =>
						this.#db
							.table(name)
							.bulkPut(
								rows[i]!.filter((row) => textsOf(name, row).some(needs)).map((row) =>
									replaceTexts(name, row, take)
								)
							)
					)
				);
				await finish();
				return undefined;
			});
			if (missing === undefined) return;
			if (round === MAX_ROUNDS) throw new Error('Private text kept changing while locking');
			for (let at = 0; at < missing.length; at += BATCH) {
				const batch = missing.slice(at, at + BATCH);
				const changed = await Promise.all(batch.map(change));
				batch.forEach((text, i) => copies.set(text, [...(copies.get(text) ?? []), changed[i]!]));
			}
		}
	}

	/** The stored public key, imported once for as long as it stays the same. */
	#importPublic(record: LockRecord): Promise<CryptoKey> {
		if (this.#publicKey?.base64 !== record.publicKey) {
			this.#publicKey = { base64: record.publicKey, key: importPublicKey(record.publicKey) };
		}
		return this.#publicKey.key;
	}
}

/** Tries before a write gives up on a lock that keeps changing (another tab at work). */
const MAX_ROUNDS = 4;
/** Texts sealed or opened at once when the lock goes on or off. */
const BATCH = 32;

const PRIVATE_TABLES: readonly PrivateTable[] = ['sessions', 'urges', 'lists'];

/** What identifies a stored lock: its public key; null for none, and a damaged one apart. */
function lockId(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	return isLockRecord(value) ? value.publicKey : 'damaged';
}
