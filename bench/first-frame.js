// @ts-check
/**
 * Time from navigation start to the pacer's first frame on /nu, offline from the service
 * worker, on a phone-sized viewport with the CPU slowed down 4x. Target: under 300 ms.
 *
 * Procedure: open / once online, wait until the service worker is ready and controls the
 * page, go offline, then N times open a new tab on /nu and read the marks the app sets.
 *
 * The prerendered pacer starts breathing (a CSS animation of the first inhale) at the first
 * paint, and the app backdates the session to that moment when its code runs: the
 * 'rustpunt:session-start' mark is therefore the pacer's first breathing frame. The
 * 'rustpunt:pacer-first-frame' mark is the first animation frame driven by the app's code
 * (hydration done); both are printed, the target applies to the first.
 *
 * Usage: node bench/first-frame.js [--no-build] [--runs 10] [--cpu 4] [--path /nu] [--dpr 3]
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBreatheNowBytes } from './bundle-size.js';
import {
	BUILD_DIR,
	ensureBuild,
	environment,
	formatTable,
	installServiceWorker,
	isMain,
	launchChromium,
	round,
	startPreview,
	summarize,
	writeResult
} from './lib/common.js';

export const TARGET_MS = 300;
export const PHONE = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 3,
	isMobile: true,
	hasTouch: true,
	// Dutch, so that the start-up script in the page does not redirect to /en/.
	locale: 'nl-NL'
};

/**
 * @typedef {object} Run
 * @property {number} firstFrameMs pacer-first-frame mark, from navigation start
 * @property {number} fcpMs first-contentful-paint
 * @property {number | null} sessionStartMs rustpunt:session-start mark
 * @property {number} responseEndMs navigation response fully received
 * @property {number} domContentLoadedMs
 * @property {boolean} fromServiceWorker the page came from the service worker
 * @property {Asset[]} neededToStart JS and CSS requested before the session started
 * @property {Asset[]} requestedBeforeFirstFrame JS and CSS requested after the session started
 *   but before the first frame (dynamic imports that compete with that frame)
 */

/**
 * @typedef {object} Asset
 * @property {string} file path without the leading slash, as in bench/bundle-size.js
 * @property {number} startMs when it was requested
 * @property {number} bytes decoded body size
 */

async function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			runs: { type: 'string', default: '10' },
			cpu: { type: 'string', default: '4' },
			path: { type: 'string', default: '/nu' },
			dpr: { type: 'string', default: String(PHONE.deviceScaleFactor) }
		},
		strict: true
	});
	const runs = Number(values.runs);
	const cpuRate = Number(values.cpu);
	const device = { ...PHONE, deviceScaleFactor: Number(values.dpr) };
	if (!(runs >= 1) || !(cpuRate >= 1) || !(device.deviceScaleFactor > 0)) {
		throw new Error('--runs and --cpu must be numbers >= 1, --dpr a number > 0');
	}
	ensureBuild({ noBuild: values['no-build'] });

	const preview = await startPreview();
	const browser = await launchChromium();
	/** @type {string[]} */
	const problems = [];
	try {
		const context = await browser.newContext({ ...device, serviceWorkers: 'allow' });

		// 1. Online: let the service worker install (precaching everything) and take control.
		await installServiceWorker(context, `${preview.origin}/`, problems);

		// 2. Offline from here on: every byte must come from the precache.
		await context.setOffline(true);

		/** @type {Run[]} */
		const results = [];
		console.log(
			`First frame of ${values.path}: offline, CPU ${cpuRate}x slower, ${device.viewport.width}x${device.viewport.height} @${device.deviceScaleFactor}x, ${runs} runs`
		);
		for (let i = 0; i < runs; i++) {
			// A new tab each run: a fresh navigation with nothing of the app in memory.
			const page = await context.newPage();
			page.on('console', (message) => {
				if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
			});
			page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });

			const response = await page.goto(`${preview.origin}${values.path}`, { waitUntil: 'load' });
			await page.waitForFunction(
				() =>
					performance.getEntriesByName('rustpunt:pacer-first-frame').length > 0 &&
					performance.getEntriesByName('first-contentful-paint').length > 0,
				undefined,
				{ timeout: 30_000 }
			);
			const timing = await page.evaluate(() => {
				const first = performance.getEntriesByName('rustpunt:pacer-first-frame')[0];
				const fcp = performance.getEntriesByName('first-contentful-paint')[0];
				const start = performance.getEntriesByName('rustpunt:session-start')[0];
				const nav = /** @type {PerformanceNavigationTiming | undefined} */ (
					performance.getEntriesByType('navigation')[0]
				);
				const firstFrameMs = first?.startTime ?? NaN;
				const sessionStartMs = start ? start.startTime : null;
				// JS and CSS by when they were requested: before the session started (what the
				// page needed to start) and between that and the first frame (lazy loads).
				const assets = /** @type {PerformanceResourceTiming[]} */ (
					performance.getEntriesByType('resource')
				)
					.filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname))
					.map((r) => ({
						file: new URL(r.name).pathname.replace(/^\//, ''),
						startMs: r.startTime,
						bytes: r.decodedBodySize
					}));
				const cut = sessionStartMs ?? firstFrameMs;
				return {
					firstFrameMs,
					fcpMs: fcp?.startTime ?? NaN,
					sessionStartMs,
					responseEndMs: nav?.responseEnd ?? NaN,
					domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN,
					neededToStart: assets.filter((a) => a.startMs < cut),
					requestedBeforeFirstFrame: assets.filter(
						(a) => a.startMs >= cut && a.startMs < firstFrameMs
					)
				};
			});
			const run = { ...timing, fromServiceWorker: response?.fromServiceWorker() ?? false };
			if (!run.fromServiceWorker)
				problems.push(`run ${i + 1}: the page did not come from the service worker`);
			results.push(run);
			console.log(
				`  run ${String(i + 1).padStart(2)}: first frame ${run.firstFrameMs.toFixed(1)} ms, FCP ${run.fcpMs.toFixed(1)} ms`
			);
			await cdp.detach();
			await page.close();
		}

		const firstFrame = summarize(results.map((r) => r.firstFrameMs));
		const fcp = summarize(results.map((r) => r.fcpMs));
		const sessionStart = summarize(
			results.flatMap((r) => (r.sessionStartMs === null ? [] : [r.sessionStartMs]))
		);
		console.log('');
		console.log(
			formatTable(
				['from navigation start (ms)', 'p50', 'min', 'max'],
				[
					[
						'pacer breathing (session start)',
						...[sessionStart.p50, sessionStart.min, sessionStart.max].map((v) => v.toFixed(1))
					],
					['first contentful paint', ...[fcp.p50, fcp.min, fcp.max].map((v) => v.toFixed(1))],
					[
						'app code drives the pacer',
						...[firstFrame.p50, firstFrame.min, firstFrame.max].map((v) => v.toFixed(1))
					]
				]
			)
		);
		compareWithBundleSize(results, problems);
		console.log(
			`\nTarget: pacer breathing under ${TARGET_MS} ms. p50 ${sessionStart.p50.toFixed(0)} ms: ` +
				(sessionStart.p50 < TARGET_MS ? 'under the target' : 'OVER the target') +
				`; max ${sessionStart.max.toFixed(0)} ms.`
		);
		if (problems.length) {
			const distinct = [...new Set(problems)];
			console.log(`\nProblems seen (${distinct.length} distinct, ${problems.length} in all):`);
			for (const p of distinct) console.log(`  - ${p}`);
		}

		const path = writeResult('first-frame', {
			measuredAt: new Date().toISOString(),
			environment: environment(),
			path: values.path,
			cpuThrottlingRate: cpuRate,
			device,
			offline: true,
			targetMs: TARGET_MS,
			firstFrameMs: roundSummary(firstFrame),
			fcpMs: roundSummary(fcp),
			sessionStartMs: roundSummary(sessionStart),
			runs: results,
			problems: [...new Set(problems)]
		});
		console.log(`\nWrote ${relative(process.cwd(), path)}`);
	} finally {
		await browser.close();
		await preview.close();
	}
}

/**
 * Checks bench/bundle-size.js's static analysis against what the browser really requested
 * before the session started, and names the lazy loads that start before the first frame.
 * @param {Run[]} results
 * @param {string[]} problems
 */
function compareWithBundleSize(results, problems) {
	const last = results[results.length - 1];
	if (!last) return;
	const expected = new Set(measureBreatheNowBytes(BUILD_DIR).files.map((f) => f.file));
	const seen = new Set(last.neededToStart.map((a) => a.file));
	const bytes = last.neededToStart.reduce((sum, a) => sum + a.bytes, 0);
	console.log(
		`\nJS + CSS requested before the session started: ${seen.size} files, ${bytes} bytes decoded` +
			` (bench/bundle-size.js counts ${expected.size} files)`
	);
	const extra = [...seen].filter((f) => !expected.has(f));
	const unused = [...expected].filter((f) => !seen.has(f));
	if (extra.length) console.log(`  requested but not in the static analysis: ${extra.join(', ')}`);
	if (unused.length)
		console.log(`  in the static analysis but not requested: ${unused.join(', ')}`);
	const lazy = last.requestedBeforeFirstFrame;
	if (lazy.length) {
		const lazyBytes = lazy.reduce((sum, a) => sum + a.bytes, 0);
		const message =
			`${lazy.length} lazy file(s) (${lazyBytes} bytes) are requested after the session ` +
			`starts but before the pacer's first frame: ${lazy.map((a) => a.file).join(', ')}`;
		console.log(`  ${message}`);
		problems.push(message);
	}
}

/**
 * @param {import('./lib/common.js').Summary} s
 */
function roundSummary(s) {
	return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 1)]));
}

if (isMain(import.meta.url)) {
	main().catch((error) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	});
}
