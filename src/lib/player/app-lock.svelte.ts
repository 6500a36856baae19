import { beforeQuickExit, tellOtherTabs } from '../safety/quick-exit';
import { LOCK_AFTER_HIDDEN_MS } from '../security/routes';
import type { SecretKind } from '../security/lock-crypto';
import type { UnlockResult, Vault } from '../storage';
import { loadVault } from './gateway';
import { removeStored, writeStored } from '../platform/local-storage';
import { STORAGE_KEYS } from '../platform/storage-keys';

/** unknown: not read yet (nothing private is shown); off: no lock; locked; unlocked. */
export type LockStatus = 'unknown' | 'off' | 'locked' | 'unlocked';

/**
 * App-wide: whether the app lock is on and open. The key itself stays in the storage module's
 * memory; this only says what the screens may show. The storage module (Dexie, WebCrypto)
 * loads on demand, so "breathe now" does not wait for it.
 */
class AppLock {
	#status = $state<LockStatus>('unknown');
	#kind = $state<SecretKind>('pin');
	#vault: Promise<Vault> | undefined;
	#hiddenAt: number | undefined;
	#otherTabs: Promise<import('../platform/other-tabs').JoinedTabs> | undefined;
	#started = false;

	get status(): LockStatus {
		return this.#status;
	}

	/**
	 * What is now known of the lock. Whether one is set is copied to localStorage, where the
	 * home screen's boot reads it before any module (src/lib/platform/crisis-page.ts).
	 */
	#become(status: Exclude<LockStatus, 'unknown'>): void {
		this.#status = status;
		if (status === 'off') removeStored(STORAGE_KEYS.lockSet);
		else writeStored(STORAGE_KEYS.lockSet, '1');
	}

	/** What the lock asks for: a PIN (digits) or a passphrase. */
	get kind(): SecretKind {
		return this.#kind;
	}

	#load(): Promise<Vault> {
		this.#vault ??= loadVault();
		return this.#vault;
	}

	/** Reads whether a lock is on, and locks again after a while hidden and on quick exit. */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		void this.refresh();
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'hidden') this.#hiddenAt = Date.now();
			else if (
				this.#hiddenAt !== undefined &&
				Date.now() - this.#hiddenAt >= LOCK_AFTER_HIDDEN_MS
			) {
				this.lock();
			}
		});
		beforeQuickExit(() => this.lock());
		this.#joinOtherTabs();
	}

	/**
	 * Listens to the app's other open tabs (loaded apart: "breathe now" carries none of it).
	 * A lock from another tab also reads the lock again: this tab may not have seen it go on.
	 */
	#joinOtherTabs(then?: (tabs: import('../platform/other-tabs').JoinedTabs) => void): void {
		this.#otherTabs ??= import('../platform/other-tabs').then((tabs) =>
			tabs.joinOtherTabs(() => {
				this.lock();
				void this.refresh();
			})
		);
		this.#otherTabs.then(then).catch((error: unknown) => {
			this.#otherTabs = undefined;
			console.warn('Could not listen to the other tabs', error);
		});
	}

	/** Reads the stored lock again. A lock that cannot be read keeps the private screens shut. */
	async refresh(): Promise<void> {
		try {
			const vault = await this.#load();
			const record = await vault.lockRecord();
			if (record) this.#kind = record.kind;
			this.#become(!record ? 'off' : vault.unlocked ? 'unlocked' : 'locked');
		} catch (error) {
			console.warn('Could not read the app lock', error);
			this.#become('locked');
		}
	}

	/** Forgets the key at once (nothing happens when no lock is on). */
	lock(): void {
		void this.#vault?.then((vault) => vault.lock());
		if (this.#status === 'unlocked') this.#become('locked');
	}

	/** "Lock now": locks this tab and every other open tab of the app. */
	lockEverywhere(): void {
		this.lock();
		tellOtherTabs(false);
	}

	/** Tries a PIN or passphrase. */
	async unlock(secret: string): Promise<UnlockResult> {
		const result = await (await this.#load()).unlock(secret, Date.now());
		if (result.ok) this.#opened();
		return result;
	}

	/** Milliseconds until another try is allowed, after wrong tries (0: allowed now). */
	async waitLeft(): Promise<number> {
		const [vault, attempts] = await Promise.all([this.#load(), import('../security/attempts')]);
		return attempts.waitLeft(await vault.attempts(), Date.now());
	}

	/** Turns the lock on (the app stays open). */
	async turnOn(kind: SecretKind, secret: string): Promise<void> {
		await (await this.#load()).turnOn(kind, secret);
		this.#kind = kind;
		this.#opened();
	}

	/** Open now: only a lock from another tab after this moment locks this tab again. */
	#opened(): void {
		this.#become('unlocked');
		this.#joinOtherTabs((tabs) => tabs.unlocked());
	}

	/** Turns the lock off with the current secret. */
	async turnOff(secret: string): Promise<UnlockResult> {
		const result = await (await this.#load()).turnOff(secret, Date.now());
		if (result.ok) this.#become('off');
		return result;
	}

	/** A new PIN or passphrase. */
	async change(oldSecret: string, kind: SecretKind, newSecret: string): Promise<UnlockResult> {
		const result = await (await this.#load()).change(oldSecret, kind, newSecret, Date.now());
		if (result.ok) this.#kind = kind;
		return result;
	}
}

export const appLock = new AppLock();
