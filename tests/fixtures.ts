import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { SessionRecord } from '../src/lib/records/sessions';

/** A stored session as the app writes it. */
export type StoredSession = SessionRecord;

/**
 * Every test also proves that nothing leaves the app's own origin: each request the pages
 * and the service worker make is recorded, and the test fails on any other origin.
 */
export const test = base.extend<{
	foreignRequests: string[];
	pageErrors: string[];
	allowedOrigins: string[];
}>({
	/** Other origins a test may visit on purpose (the neutral site of quick exit). */
	allowedOrigins: [[], { option: true }],
	// Every test also fails on an uncaught error or a console.error in the app.
	pageErrors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			const watch = (page: Page) => {
				page.on('pageerror', (error) => errors.push(`${error.message}\n${error.stack ?? ''}`));
				page.on('console', (message) => {
					if (message.type() === 'error') errors.push(message.text());
				});
			};
			context.pages().forEach(watch);
			context.on('page', watch);
			await use(errors);
			expect(errors, 'errors in the page').toEqual([]);
		},
		{ auto: true }
	],
	foreignRequests: [
		async ({ context, baseURL, allowedOrigins }, use) => {
			const origin = new URL(baseURL!).origin;
			const foreign: string[] = [];
			context.on('request', (request) => {
				const url = request.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				const other = new URL(url).origin;
				if (other !== origin && !allowedOrigins.includes(other)) foreign.push(url);
			});
			await use(foreign);
			expect(foreign, 'requests to another origin').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/**
 * Every record of one table in the app's IndexedDB, read the way the browser stores them. A
 * database the app has not made yet reads as empty and is not made here (a test that made it
 * would race the app's own first opening).
 */
export async function storedRecords<T>(page: Page, table: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('rustpunt');
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains(name)) {
						db.close();
						resolve([]);
						return;
					}
					const all = db.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => {
						db.close();
						resolve(all.result as T[]);
					};
					all.onerror = () => reject(all.error);
				};
			}),
		table
	);
}

/**
 * Writes records straight into one table of the app's IndexedDB (as a damaged or older phone
 * might hold them), once the app has made its database: it opens it when the page is idle.
 */
export async function putRecords(page: Page, table: string, records: unknown[]): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(
					({ name, rows }) =>
						new Promise<boolean>((resolve, reject) => {
							const open = indexedDB.open('rustpunt');
							open.onupgradeneeded = () => open.transaction?.abort();
							open.onerror = () =>
								open.error?.name === 'AbortError' ? resolve(false) : reject(open.error);
							open.onsuccess = () => {
								const db = open.result;
								if (!db.objectStoreNames.contains(name)) {
									db.close();
									resolve(false);
									return;
								}
								const tx = db.transaction(name, 'readwrite');
								for (const row of rows) tx.objectStore(name).put(row);
								tx.oncomplete = () => {
									db.close();
									resolve(true);
								};
								tx.onerror = () => reject(tx.error);
							};
						}),
					{ name: table, rows: records }
				),
			{ timeout: 15_000, message: `the app's database has a ${table} table` }
		)
		.toBe(true);
}

/** All sessions in the app's IndexedDB, newest first. */
export async function storedSessions(page: Page): Promise<StoredSession[]> {
	const sessions = await storedRecords<StoredSession>(page, 'sessions');
	return sessions.sort((a, b) => b.startedAt - a.startedAt);
}

/** Waits until the sessions in IndexedDB satisfy `check`. */
export async function expectSessions(page: Page, check: (sessions: StoredSession[]) => boolean) {
	let last: StoredSession[] = [];
	await expect
		.poll(
			async () => {
				last = await storedSessions(page);
				return check(last);
			},
			{ timeout: 10_000, message: 'stored sessions' }
		)
		.toBe(true)
		.catch((error: Error) => {
			throw new Error(`${error.message}\nStored sessions: ${JSON.stringify(last)}`);
		});
}

/** The accessibility check: axe finds no violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

/** Loads the app once and waits until the service worker controls the page. */
export async function visitUntilOffline(page: Page, path = '/') {
	await page.goto(path);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
		await page.reload();
	}
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
}

/**
 * Where a test's clock starts: now, but never in the last hour before midnight (the browser
 * keeps this machine's time zone). A test that runs an exercise for minutes and then reads
 * "today" would otherwise see the day change under it: in CI at 23:59 a practice landed under
 * "Gisteren" (yesterday) in the journal. From an hour before, the day stays the test's own
 * and the date the same as this process's.
 */
export function clockStart(now = new Date()): Date {
	const lastHour = new Date(now);
	lastHour.setHours(23, 0, 0, 0);
	return now < lastHour ? now : lastHour;
}

/**
 * Installs Playwright's clock before the page loads, so the test can move time forward with
 * runFor: long exercises take no real time. The clock keeps flowing between steps (a
 * stopped clock would also stop Playwright's own waiting in the page), so assertions about
 * phases leave a margin of a second or more; bench/phase-accuracy measures the milliseconds.
 */
export async function controlTime(page: Page, path: string) {
	await page.clock.install({ time: clockStart() });
	await page.goto(path);
	await waitForApp(page);
}

/** Stops time where it is (it flowed while the app came): from here only runFor moves it. */
export async function pauseTime(page: Page) {
	for (let aheadMs = 50; ; aheadMs *= 2) {
		const now = await page.evaluate(() => Date.now());
		try {
			return await page.clock.pauseAt(now + aheadMs);
		} catch (error) {
			// Time went on past that moment meanwhile: a little further ahead, then.
			if (aheadMs > 1000) throw error;
		}
	}
}

/**
 * With time stopped (pauseTime), moves it `totalMs` forward and returns the phases the pacer
 * announced meanwhile, in order, each with how long it showed on the page's clock. Exact
 * however busy the machine, since time only moves here.
 */
export async function phasesOver(page: Page, totalMs: number) {
	await page.evaluate(() => {
		const status = document.querySelector('[role="status"]')!;
		const log = [{ label: status.textContent?.trim() ?? '', at: Date.now() }];
		Object.assign(window, { __phaseLog: log });
		new MutationObserver(() => {
			const label = status.textContent?.trim() ?? '';
			if (label !== log.at(-1)!.label) log.push({ label, at: Date.now() });
		}).observe(status, { childList: true, characterData: true, subtree: true });
	});
	await page.clock.runFor(totalMs);
	const log = await page.evaluate(
		() => (window as unknown as { __phaseLog: { label: string; at: number }[] }).__phaseLog
	);
	return log.map((entry, i) => ({ label: entry.label, ms: (log[i + 1]?.at ?? NaN) - entry.at }));
}

/** Opens "Aanpassen" (or "Adjust") on an exercise page, where its choices are folded away. */
export async function openAdjust(page: Page, name = 'Aanpassen') {
	await page.getByText(name, { exact: true }).click();
}

/**
 * Waits until the pages have kept `wish` as the language a launch goes to, where the service
 * worker reads it (src/lib/platform/launch-language.ts).
 */
export async function expectLaunchWish(page: Page, wish: string) {
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const kept = await caches.match('/launch-language', { cacheName: 'rustpunt-launch' });
				return kept ? kept.text() : null;
			})
		)
		.toBe(wish);
}

/** Waits until the app's code runs (it marks <html data-app>), before pressing keys. */
export async function waitForApp(page: Page) {
	await page.locator('html[data-app]').waitFor({ state: 'attached' });
}
