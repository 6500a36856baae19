import { beforeQuickExit } from '../safety/quick-exit';
import { LOCK_AFTER_HIDDEN_MS } from '../security/routes';
import type { SecretKind } from '../security/lock-crypto';
import type { UnlockResult, Vault } from '../storage';

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
	#unlockedAt = 0;
	#otherTabs: Promise<typeof import('../device/other-tabs')> | undefined;
	#started = false;

	get status(): LockStatus {
		return this.#status;
	}

	/** When this tab was last unlocked (epoch ms; 0 when never): other tabs may have locked since. */
	get unlockedAt(): number {
		return this.#unlockedAt;
	}

	/** What the lock asks for: a PIN (digits) or a passphrase. */
	get kind(): SecretKind {
		return this.#kind;
	}

	#load(): Promise<Vault> {
		this.#vault ??= import('../storage').then((m) => m.vault());
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
		void this.#joinOtherTabs();
	}

	/** The app's other open tabs: loaded apart, so "breathe now" carries none of it. */
	#joinOtherTabs() {
		this.#otherTabs ??= import('../device/other-tabs').then((tabs) => {
			tabs.joinOtherTabs(this);
			return tabs;
		});
		return this.#otherTabs;
	}

	/** Reads the stored lock again. A lock that cannot be read keeps the private screens shut. */
	async refresh(): Promise<void> {
		try {
			const vault = await this.#load();
			const record = await vault.lockRecord();
			if (record) this.#kind = record.kind;
			this.#status = !record ? 'off' : vault.unlocked ? 'unlocked' : 'locked';
		} catch (error) {
			console.warn('Could not read the app lock', error);
			this.#status = 'locked';
		}
	}

	/** Forgets the key at once (nothing happens when no lock is on). */
	lock(): void {
		void this.#vault?.then((vault) => vault.lock());
		if (this.#status === 'unlocked') this.#status = 'locked';
	}

	/** "Lock now": locks this tab and every other open tab of the app. */
	lockEverywhere(): void {
		this.lock();
		void this.#joinOtherTabs().then((tabs) => tabs.announceLock(Date.now()));
	}

	/** Tries a PIN or passphrase. */
	async unlock(secret: string): Promise<UnlockResult> {
		const result = await (await this.#load()).unlock(secret, Date.now());
		if (result.ok) {
			this.#unlockedAt = Date.now();
			this.#status = 'unlocked';
		}
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
		this.#unlockedAt = Date.now();
		this.#status = 'unlocked';
	}

	/** Turns the lock off with the current secret. */
	async turnOff(secret: string): Promise<UnlockResult> {
		const result = await (await this.#load()).turnOff(secret, Date.now());
		if (result.ok) this.#status = 'off';
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
