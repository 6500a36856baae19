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
 * Then, in a few more tabs (--breathe-runs), it watches the pacer breathe for --breathe
 * seconds from the moment it began (the session-start mark), while the app's code takes over
 * and sound and storage load: main-thread tasks over 50 ms (long-task observer), the main
 * thread's busy time (trace: top-level tasks), and the frames presented (trace:
 * PipelineReporter), with how many of them moved by a compositor animation and how many by the
 * main thread, and the longest wait between two of them, also within the longest task.
 * Target: no long task, and the pacer drawn by the compositor, a frame lost to none.
 *
 * Usage: node bench/first-frame.js [--no-build] [--runs 10] [--cpu 4] [--path /nu] [--dpr 3]
 *          [--breathe 5] [--breathe-runs 3]
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
	sleep,
	startPreview,
	summarize,
	topLevelTasks,
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
 *   but before the app's code drove the pacer (the code that takes over)
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
			dpr: { type: 'string', default: String(PHONE.deviceScaleFactor) },
			breathe: { type: 'string', default: '5' },
			'breathe-runs': { type: 'string', default: '3' }
		},
		strict: true
	});
	const runs = Number(values.runs);
	const cpuRate = Number(values.cpu);
	const breatheSeconds = Number(values.breathe);
	const breatheRuns = Number(values['breathe-runs']);
	const device = { ...PHONE, deviceScaleFactor: Number(values.dpr) };
	if (!(runs >= 1) || !(cpuRate >= 1) || !(device.deviceScaleFactor > 0)) {
		throw new Error('--runs and --cpu must be numbers >= 1, --dpr a number > 0');
	}
	if (!(breatheSeconds >= 0) || !(breatheRuns >= 0)) {
		throw new Error('--breathe and --breathe-runs must be numbers >= 0');
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
		compareWithBundleSize(results);

		/** @type {Breathing[]} */
		const breathing = [];
		if (breatheSeconds > 0 && breatheRuns > 0) {
			console.log(
				`\nThe pacer's first ${breatheSeconds} s of breathing, from its first frame (${breatheRuns} runs):`
			);
			for (let i = 0; i < breatheRuns; i++) {
				const run = await watchBreathing(browser, context, `${preview.origin}${values.path}`, {
					cpuRate,
					seconds: breatheSeconds
				});
				breathing.push(run);
				console.log(
					`  run ${String(i + 1).padStart(2)}: ${run.longTasks.length} long task(s)` +
						(run.longTasks.length ? ` (longest ${run.longestTaskMs.toFixed(0)} ms)` : '') +
						`, main thread busy ${run.busyMsPerSecond.toFixed(0)} ms/s, ` +
						`${run.framesPerSecond.toFixed(1)} frames/s (worst second ${run.worstSecondFrames}, ` +
						`longest wait ${run.longestFrameGapMs.toFixed(0)} ms, ` +
						`${run.framesInLongestTask} during the longest task) ` +
						`(${run.compositorFrames} by a compositor animation, ${run.mainFrames} by the main thread), ` +
						`${run.rafCallbacksPerSecond.toFixed(1)} rAF callbacks/s`
				);
			}
			const stat = (/** @type {(b: Breathing) => number} */ pick) => {
				const s = summarize(breathing.map(pick));
				return [s.p50, s.min, s.max].map((v) => v.toFixed(1));
			};
			console.log('');
			console.log(
				formatTable(
					[`the first ${breatheSeconds} s of breathing`, 'p50', 'min', 'max'],
					[
						['long tasks (> 50 ms)', ...stat((b) => b.longTasks.length)],
						['longest task (ms)', ...stat((b) => b.longestTaskMs)],
						['main thread busy (ms per s)', ...stat((b) => b.busyMsPerSecond)],
						['frames presented per s', ...stat((b) => b.framesPerSecond)],
						['  in the worst second', ...stat((b) => b.worstSecondFrames)],
						['  longest wait between two (ms)', ...stat((b) => b.longestFrameGapMs)],
						['  while the longest task ran', ...stat((b) => b.framesInLongestTask)],
						['  of which by a compositor animation', ...stat((b) => b.compositorFrames)],
						['  of which by the main thread', ...stat((b) => b.mainFrames)],
						['rAF callbacks per s', ...stat((b) => b.rafCallbacksPerSecond)]
					]
				)
			);
		}
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
			breathing: { seconds: breatheSeconds, runs: breathing },
			problems: [...new Set(problems)]
		});
		console.log(`\nWrote ${relative(process.cwd(), path)}`);
	} finally {
		await browser.close();
		await preview.close();
	}
}

/** Trace categories: presented frames, the main thread's tasks, and the app's marks. */
const BREATHING_TRACE = [
	'disabled-by-default-devtools.timeline.frame',
	'toplevel',
	'blink.user_timing',
	'__metadata'
];

/**
 * @typedef {object} Breathing
 * @property {{ startMs: number, durationMs: number }[]} longTasks over 50 ms, in the window
 * @property {number} longestTaskMs longest main-thread task in the window (trace), long or not,
 *   its part in the window
 * @property {number} busyMsPerSecond main-thread task time per second of the window
 * @property {number} framesPerSecond frames presented per second of the window
 * @property {number} worstSecondFrames frames presented in the worst whole second of it
 * @property {number} compositorFrames frames with a compositor animation in them
 * @property {number} mainFrames frames with a main-thread animation (script, style) in them
 * @property {number} rafCallbacksPerSecond requestAnimationFrame callbacks run per second
 * @property {number} runningAnimations animations running on the page at the end
 * @property {number} longestFrameGapMs the longest wait between two frames presented (from one
 *   frame's start to the next, the window's ends counted as frames)
 * @property {number} framesInLongestTask frames presented while the longest task ran
 */

/**
 * Runs in the page before its scripts: keeps every long task and counts rAF callbacks.
 */
function instrumentBreathing() {
	/** @type {{ startTime: number, duration: number }[]} */
	const longTasks = [];
	/** @type {number[]} */
	const rafCalls = [];
	/** @type {any} */ (window).__rustpuntBreathing = { longTasks, rafCalls };
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				longTasks.push({ startTime: e.startTime, duration: e.duration });
			}
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No long-task observer: the trace still has every task.
	}
	const raf = window.requestAnimationFrame.bind(window);
	window.requestAnimationFrame = (callback) =>
		raf((ts) => {
			rafCalls.push(performance.now());
			callback(ts);
		});
}

/**
 * Opens `url` in a new tab with the CPU slowed `cpuRate` times, and watches the first
 * `seconds` of the pacer breathing (from rustpunt:session-start, its first frame): the app's
 * code takes over within them.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {{ cpuRate: number, seconds: number }} options
 * @returns {Promise<Breathing>}
 */
async function watchBreathing(browser, context, url, { cpuRate, seconds }) {
	const page = await context.newPage();
	await page.addInitScript(instrumentBreathing);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
	await browser.startTracing(page, { categories: BREATHING_TRACE });
	try {
		await page.goto(url, { waitUntil: 'load' });
		// Polled on a timer: the default polls in animation frames, which would add a loop.
		await page.waitForFunction(
			() =>
				performance.getEntriesByName('rustpunt:pacer-first-frame').length > 0 &&
				performance.getEntriesByName('rustpunt:session-start').length > 0,
			undefined,
			{ timeout: 30_000, polling: 100 }
		);
		const [breathingMs, firstFrameMs] = await page.evaluate(() =>
			['rustpunt:session-start', 'rustpunt:pacer-first-frame'].map(
				(name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN
			)
		);
		const endMs = breathingMs + seconds * 1000;
		for (;;) {
			const now = await page.evaluate(() => performance.now());
			if (now >= endMs + 100) break;
			await sleep(endMs + 100 - now);
		}
		const inPage = await page.evaluate(
			([from, to]) => {
				const bench = /** @type {any} */ (window).__rustpuntBreathing;
				const longTasks = /** @type {{ startTime: number, duration: number }[]} */ (bench.longTasks)
					.filter((t) => t.startTime + t.duration > from && t.startTime < to)
					.map((t) => ({ startMs: t.startTime - from, durationMs: t.duration }));
				const rafCalls = /** @type {number[]} */ (bench.rafCalls).filter(
					(t) => t >= from && t < to
				).length;
				const running = document.getAnimations().filter((a) => a.playState === 'running');
				return { longTasks, rafCalls, runningAnimations: running.length };
			},
			[breathingMs, endMs]
		);
		const trace = JSON.parse((await browser.stopTracing()).toString());
		return {
			longTasks: inPage.longTasks,
			rafCallbacksPerSecond: inPage.rafCalls / seconds,
			runningAnimations: inPage.runningAnimations,
			// The marks are read on the page's clock; the trace has the app's first frame's mark, set
			// when it happened, and the session's start is that much before it.
			...analyseTrace(trace.traceEvents, seconds, firstFrameMs - breathingMs)
		};
	} finally {
		await cdp.detach().catch(() => undefined);
		await page.close();
	}

	/**
	 * @param {any[]} events
	 * @param {number} windowSeconds
	 * @param {number} markAfterStartMs how long after the window's start the mark was set
	 */
	function analyseTrace(events, windowSeconds, markAfterStartMs) {
		const mark = events.find((e) => e.name === 'rustpunt:pacer-first-frame');
		if (!mark) throw new Error('The trace has no rustpunt:pacer-first-frame mark');
		const from = mark.ts - markAfterStartMs * 1000;
		const to = from + windowSeconds * 1e6;
		// The mark is set on the renderer's main thread: its tasks and its frames count, each
		// task only for its part in the window.
		let busyUs = 0;
		let longest = { from, to: from };
		for (const task of topLevelTasks(events, mark, from, to)) {
			const part = { from: Math.max(from, task.ts), to: Math.min(to, task.ts + task.dur) };
			busyUs += part.to - part.from;
			if (part.to - part.from > longest.to - longest.from) longest = part;
		}
		/** @type {Map<number, { compositor: boolean, main: boolean, ts: number }>} */
		const frames = new Map();
		for (const e of events) {
			const reporter = e.args?.frame_reporter;
			if (e.name !== 'PipelineReporter' || e.pid !== mark.pid || !reporter) continue;
			if (e.ts < from || e.ts >= to || !String(reporter.state).startsWith('STATE_PRESENTED'))
				continue;
			const seen = frames.get(reporter.frame_sequence) ?? {
				compositor: false,
				main: false,
				ts: e.ts
			};
			seen.ts = Math.min(seen.ts, e.ts);
			seen.compositor ||= !!reporter.has_compositor_animation;
			seen.main ||= !!reporter.has_main_animation;
			frames.set(reporter.frame_sequence, seen);
		}
		const all = [...frames.values()].sort((a, b) => a.ts - b.ts);
		// Between the frames' starts, and from the window's start and to its end.
		const times = [from, ...all.map((f) => f.ts), to];
		let longestGapUs = 0;
		for (let i = 1; i < times.length; i++) {
			longestGapUs = Math.max(longestGapUs, (times[i] ?? to) - (times[i - 1] ?? from));
		}
		const perSecond = Array.from(
			{ length: Math.floor(windowSeconds) },
			(_, i) => all.filter((f) => f.ts >= from + i * 1e6 && f.ts < from + (i + 1) * 1e6).length
		);
		return {
			worstSecondFrames: Math.min(...perSecond),
			longestTaskMs: (longest.to - longest.from) / 1000,
			longestFrameGapMs: longestGapUs / 1000,
			framesInLongestTask: all.filter((f) => f.ts >= longest.from && f.ts < longest.to).length,
			busyMsPerSecond: busyUs / 1000 / windowSeconds,
			framesPerSecond: all.length / windowSeconds,
			compositorFrames: all.filter((f) => f.compositor).length,
			mainFrames: all.filter((f) => f.main).length
		};
	}
}

/**
 * Compares bench/bundle-size.js's static analysis with what the browser really requested: the
 * stylesheets before the pacer breathes, and how many loads asked for JavaScript before it (its
 * first frame is CSS); before the app's code drives it, the files the page boots with. Lazy
 * loads asked for by then (the pacer's motion, for one) are listed.
 * @param {Run[]} results
 */
function compareWithBundleSize(results) {
	const last = results[results.length - 1];
	if (!last) return;
	const expected = new Set(measureBreatheNowBytes(BUILD_DIR).files.map((f) => f.file));
	const sum = (/** @type {Asset[]} */ assets) => assets.reduce((total, a) => total + a.bytes, 0);
	const styles = last.neededToStart.filter((a) => a.file.endsWith('.css'));
	// The boot asks for the app's code once the main thread has drawn the pacer's first frame;
	// the screen shows that frame a little later, later still on a slow machine, so a load may
	// ask for code a few ms before the pacer breathed by the page's clock.
	const early = results.filter((r) => r.neededToStart.some((a) => a.file.endsWith('.js')));
	const firstEarly = early[0]?.neededToStart.filter((a) => a.file.endsWith('.js')) ?? [];
	console.log(
		`\nRequested before the pacer breathed: ${styles.length} CSS files (${sum(styles)} bytes ` +
			`decoded); JavaScript in ${early.length} of ${results.length} loads` +
			(early[0]
				? ` (${firstEarly.length} files, the first ${(
						(early[0].sessionStartMs ?? NaN) - Math.min(...firstEarly.map((a) => a.startMs))
					).toFixed(0)} ms before)`
				: '')
	);
	const boot = [...last.neededToStart, ...last.requestedBeforeFirstFrame];
	const seen = new Set(boot.map((a) => a.file));
	console.log(
		`Requested before the app's code drove the pacer: ${seen.size} files, ${sum(boot)} bytes ` +
			`decoded (bench/bundle-size.js counts ${expected.size} files)`
	);
	const extra = [...seen].filter((f) => !expected.has(f));
	const unused = [...expected].filter((f) => !seen.has(f));
	if (unused.length)
		console.log(`  in the static analysis but not requested: ${unused.join(', ')}`);
	if (extra.length) console.log(`  lazy loads asked for by then: ${extra.join(', ')}`);
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
