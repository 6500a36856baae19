// @ts-check
/**
 * Does a long history slow the app down? The same screens are timed with an empty database,
 * with one page of 30 sessions, and with 10,000 sessions (about ten years of a few sessions a day), on a phone-sized page
 * with the CPU slowed down 4x:
 *
 *   home          the app's code running, and the recent sessions on screen
 *   /nu           the pacer driven by the app's code ("breathe now")
 *   journal       the first page of sessions, then the week and month totals and charts
 *   more          tapping "show more" until the next page is on screen
 *
 * Times are from navigation start (or from the tap), read in the page by a MutationObserver,
 * so polling from outside adds nothing. Prints numbers; never passes or fails on time.
 *
 * Usage: node bench/journal.js [--no-build] [--runs 5] [--cpu 4] [--sessions 10000]
 */
import { parseArgs } from 'node:util';
import { PHONE } from './first-frame.js';
import {
	ensureBuild,
	environment,
	formatTable,
	isMain,
	launchChromium,
	round,
	startPreview,
	summarize,
	writeResult
} from './lib/common.js';
import { makeSessions, seedSessions } from './lib/seed-journal.js';

/** What each screen waits for, as CSS selectors; the time each first matches is recorded. */
const WATCH = {
	hydrated: 'html[data-app]',
	// The prerendered home page already says "nothing yet": only a stored session counts.
	recent: '#recent-title ~ ul li',
	firstPage: 'section[aria-labelledby="history-title"] a, p.journal-empty',
	summary: '.card .big',
	changes: '#changes-title'
};

/** Records in the page when each watched selector first matches. */
function watchScript(/** @type {Record<string, string>} */ watch) {
	const seen = /** @type {Record<string, number>} */ ({});
	/** @type {any} */ (window).__seen = seen;
	const check = () => {
		for (const [name, selector] of Object.entries(watch)) {
			if (seen[name] === undefined && document.querySelector(selector))
				seen[name] = performance.now();
		}
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		attributes: true
	});
}

/**
 * Opens `path` in a new tab and returns when `names` have all appeared (ms from navigation).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {string[]} names
 * @param {number} cpu
 */
async function timeScreen(context, url, names, cpu) {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
	await page.addInitScript(watchScript, WATCH);
	await page.goto(url);
	await page.waitForFunction(
		(wanted) => wanted.every((n) => /** @type {any} */ (window).__seen[n] !== undefined),
		names,
		{ timeout: 60_000 }
	);
	const seen = await page.evaluate(
		() => /** @type {Record<string, number>} */ (/** @type {any} */ (window).__seen)
	);
	return { page, seen };
}

async function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			runs: { type: 'string', default: '5' },
			cpu: { type: 'string', default: '4' },
			sessions: { type: 'string', default: '10000' }
		},
		strict: true
	});
	const runs = Number(values.runs);
	const cpu = Number(values.cpu);
	// 30 sessions fill exactly the first page: against that, 10,000 shows what the size of the
	// history costs, apart from drawing a full page.
	const sizes = [0, 30, Number(values.sessions)];
	ensureBuild({ noBuild: values['no-build'] });
	const preview = await startPreview();
	const browser = await launchChromium();
	/** @type {Record<string, Record<string, ReturnType<typeof summarize>>>} */
	const results = {};
	try {
		for (const size of sizes) {
			const context = await browser.newContext({ ...PHONE });
			const setup = await context.newPage();
			await setup.goto(`${preview.origin}/`);
			await setup.waitForSelector('html[data-app]', { state: 'attached' });
			const t0 = Date.now();
			if (size > 0) await seedSessions(setup, makeSessions(size, Date.now()));
			console.log(`${size} sessions stored (${Date.now() - t0} ms to write them)`);
			await setup.close();

			/** @type {Record<string, number[]>} */
			const times = {
				home: [],
				recent: [],
				nu: [],
				journalFirstPage: [],
				journalSummary: [],
				journalChanges: [],
				more: []
			};
			for (let i = 0; i < runs; i++) {
				const home = await timeScreen(
					context,
					`${preview.origin}/`,
					size > 0 ? ['hydrated', 'recent'] : ['hydrated'],
					cpu
				);
				times.home.push(home.seen.hydrated ?? NaN);
				if (size > 0) times.recent.push(home.seen.recent ?? NaN);
				await home.page.close();

				const nu = await context.newPage();
				const cdp = await context.newCDPSession(nu);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
				await nu.goto(`${preview.origin}/nu`);
				await nu.waitForFunction(
					() => performance.getEntriesByName('rustpunt:pacer-first-frame').length > 0
				);
				times.nu.push(
					await nu.evaluate(
						() => performance.getEntriesByName('rustpunt:pacer-first-frame')[0]?.startTime ?? NaN
					)
				);
				await nu.close();

				const journal = await timeScreen(
					context,
					`${preview.origin}/dagboek`,
					size > 0 ? ['firstPage', 'summary', 'changes'] : ['firstPage'],
					cpu
				);
				times.journalFirstPage.push(journal.seen.firstPage ?? NaN);
				if (size > 0) {
					times.journalSummary.push(journal.seen.summary ?? NaN);
					times.journalChanges.push(journal.seen.changes ?? NaN);
				}
				if (size > 30) {
					const more = await journal.page.evaluate(async () => {
						const links = () =>
							document.querySelectorAll('section[aria-labelledby="history-title"] a').length;
						const before = links();
						const button = /** @type {HTMLButtonElement} */ (document.querySelector('button.more'));
						const start = performance.now();
						button.click();
						while (links() === before) await new Promise((r) => requestAnimationFrame(r));
						return performance.now() - start;
					});
					times.more.push(more);
				}
				await journal.page.close();
			}
			results[size] = Object.fromEntries(
				Object.entries(times)
					.filter(([, v]) => v.length > 0)
					.map(([k, v]) => [k, summarize(v)])
			);
			await context.close();
		}
	} finally {
		await browser.close();
		await preview.close();
	}

	const labels = {
		home: 'home: app code running',
		recent: 'home: recent sessions shown',
		nu: '/nu: pacer driven by the app',
		journalFirstPage: 'journal: first page shown',
		journalSummary: 'journal: totals and charts',
		journalChanges: 'journal: tension by exercise (all rated)',
		more: 'journal: next page after tap'
	};
	console.log(`\nCPU ${cpu}x slower, ${runs} runs, p50 (min-max) in ms`);
	console.log(
		formatTable(
			['screen', ...sizes.map((s) => `${s} sessions`)],
			Object.entries(labels).map(([key, label]) => [
				label,
				...sizes.map((s) => {
					const r = results[s]?.[key];
					return r ? `${r.p50.toFixed(0)} (${r.min.toFixed(0)}-${r.max.toFixed(0)})` : '-';
				})
			])
		)
	);
	writeResult('journal', {
		measuredAt: new Date().toISOString(),
		environment: environment(),
		cpu,
		runs,
		results: Object.fromEntries(
			Object.entries(results).map(([size, r]) => [
				size,
				Object.fromEntries(
					Object.entries(r).map(([k, v]) => [
						k,
						{ p50: round(v.p50), min: round(v.min), max: round(v.max) }
					])
				)
			])
		)
	});
}

if (isMain(import.meta.url)) {
	main().catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
