import type { JournalStore } from './journal-store';

/** What the browser says about keeping Rustpunt's data, where it says anything at all. */
export interface StorageStatus {
	/** True when the browser promised not to clear the data under storage pressure. */
	persisted?: boolean;
	/** Bytes used by this site (IndexedDB, caches with the offline app included). */
	usageBytes?: number;
	quotaBytes?: number;
}

/** Reads the storage status; browsers without the Storage API report nothing. */
export async function storageStatus(): Promise<StorageStatus> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage) return {};
	const [persisted, estimate] = await Promise.all([
		storage.persisted?.().catch(() => undefined),
		storage.estimate?.().catch(() => undefined)
	]);
	return {
		...(persisted !== undefined && { persisted }),
		...(estimate?.usage !== undefined && { usageBytes: estimate.usage }),
		...(estimate?.quota !== undefined && { quotaBytes: estimate.quota })
	};
}

/**
 * After the first completed session, asks the browser once to keep the data (Chromium
 * decides by itself, without a prompt, for an installed or often used app; Firefox may ask
 * the person). Asking once is enough: the answer is then shown on the data screen.
 */
export async function askToKeepDataOnce(journal: JournalStore): Promise<void> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage?.persist || (await journal.settings()).persistAsked) return;
	await journal.setSetting('persistAsked', true);
	await storage.persist();
}
