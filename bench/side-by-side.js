// @ts-check
/**
 * The first breath, side by side with the framework's floor (issue 17). Rustpunt's build and
 * a SvelteKit 2 hello world with a service worker (bench/lib/floor-app.js) are served beside
 * each other, and every way in to a breathing pacer is opened in turn, round after round:
 * interleaved, so that whatever else the machine does hits all of them alike. Each opening
 * gets a fresh browser context, opened online once until the service worker controls it,
 * then offline, on a 390x844 phone with the CPU slowed down 4x.
 *
 * Per way in and round (times from the navigation start of the way in's first page):
 *  - JS requested before the pacer breathes, and in the first 5 s: distinct files, gzip -9 of
 *    the file the service worker serves (as bench/bundle-size.js counts);
 *  - first contentful paint of the first page that paints;
 *  - pacer breathing: the first frame in which a pacer disc is on screen with a running
 *    animation (the prerendered CSS first inhale, the home page's preview after a tap, or the
 *    app's own animation), never before its page's first paint. For the floor: its first
 *    paint, or its first handled tap (its counter counts);
 *  - app running: the 'rustpunt:session-start' mark, when the app's code has taken the
 *    session over (labels, sound, Stop);
 *  - for the ways that tap, the same from the tap;
 *  - the longest main-thread task in the 3 s after the pacer starts breathing (long-task
 *    observer; a task that began earlier but overlaps counts);
 *  - page loads, and how many of them were redirects (src/app.html's language script).
 * Prints medians (min–max) and ratios per round; never passes or fails on a number.
 *
 * Usage: node bench/side-by-side.js [--no-build] [--runs 7] [--cpu 4] [--port 4180]
 * --no-build applies to Rustpunt's build; the floor is built whenever its source changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSize } from './bundle-size.js';
import { PHONE } from './first-frame.js';
import { FLOOR_SOURCE, ensureFloorBuild } from './lib/floor-app.js';
import {
	BUILD_DIR,
	FIRST_BENCH_PORT,
	ROOT,
	ensureBuild,
	environment,
	formatTable,
	freePort,
	installServiceWorker,
	isMain,
	launchChromium,
	round,
	sleep,
	startPreview,
	summarize,
	writeResult
} from './lib/common.js';

/** JS counted "in the first load": requested within this long after the way in starts. */
const FIRST_LOAD_MS = 5000;
/** Long tasks are looked for in this long after the pacer starts breathing. */
const AFTER_BREATHING_MS = 3000;
/** How long a way in may take to breathe before it counts as failed. */
const TIMEOUT_MS = 30_000;
/** Where the probe keeps its trail across the page loads of one tab. */
const TRAIL_KEY = 'bench:side-by-side';

/**
 * @typedef {'rustpunt' | 'floor'} App
 *
 * @typedef {object} Tap
 * @property {'link' | 'button'} role what to tap, found the way a screen reader would
 * @property {RegExp} name
 * @property {'painted' | 'running'} once at the first paint, or once the app's code runs
 * @property {string} [handledText] tap again until the page's text matches this (the floor's
 *   counter): its first match is the moment the way in is timed to
 *
 * @typedef {object} WayIn
 * @property {string} id
 * @property {string} label
 * @property {App} app
 * @property {string} path opened first
 * @property {string} locale the phone's language, and its Accept-Language
 * @property {'pacer-on-screen' | 'first-paint' | 'handled-tap'} breathes the moment that counts
 * @property {Tap} [tap]
 * @property {string} [floor] Rustpunt's only: the floor's way in it is compared with
 */

/** @type {Record<App, { running: string | null, home: (locale: string) => string }>} */
const APPS = {
	// src/lib/player/app-start.ts marks <html data-app> once the app's code runs (the router's
	// layout, or an island's: the home screen opened as a page has one while no lock is set);
	// the service worker is installed from the home page in the phone's language (no redirect).
	rustpunt: { running: 'html[data-app]', home: (locale) => (/^en\b/.test(locale) ? '/en' : '/') },
	floor: { running: null, home: () => '/' }
};

const ADEM_NU = /** @type {const} */ ({ role: 'link', name: /Adem nu/ });

/** @type {WayIn[]} */
const WAYS_IN = [
	{
		id: 'nu',
		label: 'Rustpunt /nu opened directly',
		app: 'rustpunt',
		path: '/nu',
		locale: 'nl-NL',
		breathes: 'pacer-on-screen',
		floor: 'floor'
	},
	{
		id: 'home-tap',
		label: 'Rustpunt home, tap "Adem nu" once running',
		app: 'rustpunt',
		path: '/',
		locale: 'nl-NL',
		breathes: 'pacer-on-screen',
		tap: { ...ADEM_NU, once: 'running' },
		floor: 'floor-tap'
	},
	{
		id: 'home-early-tap',
		label: 'Rustpunt home, tap "Adem nu" at first paint',
		app: 'rustpunt',
		path: '/',
		locale: 'nl-NL',
		breathes: 'pacer-on-screen',
		tap: { ...ADEM_NU, once: 'painted' },
		floor: 'floor-tap'
	},
	{
		id: 'nu-english',
		label: 'Rustpunt /nu on an English phone',
		app: 'rustpunt',
		path: '/nu',
		locale: 'en-GB',
		breathes: 'pacer-on-screen',
		floor: 'floor'
	},
	{
		id: 'en-nu',
		label: 'Rustpunt /en/nu opened directly',
		app: 'rustpunt',
		path: '/en/nu',
		locale: 'en-GB',
		breathes: 'pacer-on-screen',
		floor: 'floor'
	},
	{
		id: 'floor',
		label: 'floor: page load (first paint)',
		app: 'floor',
		path: '/',
		locale: 'en-GB',
		breathes: 'first-paint'
	},
	{
		id: 'floor-tap',
		label: 'floor: a handled tap',
		app: 'floor',
		path: '/',
		locale: 'en-GB',
		breathes: 'handled-tap',
		tap: { role: 'button', name: /Clicked/, once: 'painted', handledText: 'Clicked [1-9]' }
	}
];

/** Ratios between Rustpunt's ways in that the issue sets goals for (at most 1.1x). */
const AGAINST_NU = ['home-tap', 'home-early-tap', 'en-nu', 'nu-english'];

/**
 * @typedef {object} Trail what the probe keeps in sessionStorage, across page loads
 * @property {{ url: string, timeOrigin: number, fcpMs: number | null }[]} documents
 * @property {{ epochMs: number, document: number } | null} [pacer] the first frame with a
 *   breathing pacer on screen, and in which of the documents
 * @property {{ epochMs: number, clickEpochMs: number | null, appRunningAtClick: boolean | null }[]} taps
 *   epochMs: when the finger touched; clickEpochMs: when the page took the click, before any
 *   of its own listeners; appRunningAtClick: whether the app's code ran then (without a lock,
 *   /nu is loaded as a new page either way: by src/app.html, and then by the home screen's
 *   island)
 *
 * @typedef {object} Probe what the probe keeps on the current page
 * @property {{ startMs: number, durationMs: number }[]} longTasks
 * @property {number | null} handledAtMs
 */

/**
 * Runs in every page of the measured tab before the page's own scripts (addInitScript). Keeps
 * in sessionStorage, which lives as long as the tab, when each page started and first painted
 * and when the person tapped; and on the page, its long tasks and when a tap was handled.
 * @param {{ key: string, running: string | null, handledText: string | null }} options
 */
function installProbe({ key, running, handledText }) {
	// The tab's first document, about:blank, has no storage.
	if (!location.protocol.startsWith('http')) return;
	/** @returns {Trail} */
	const read = () => JSON.parse(sessionStorage.getItem(key) ?? '{"documents":[],"taps":[]}');
	/** @param {(trail: Trail) => void} change */
	const update = (change) => {
		const trail = read();
		change(trail);
		sessionStorage.setItem(key, JSON.stringify(trail));
	};
	const index = read().documents.length;
	update((trail) => {
		trail.documents.push({ url: location.href, timeOrigin: performance.timeOrigin, fcpMs: null });
	});
	new PerformanceObserver((list) => {
		for (const entry of list.getEntriesByName('first-contentful-paint')) {
			update((trail) => {
				const page = trail.documents[index];
				if (page) page.fcpMs = entry.startTime;
			});
		}
	}).observe({ type: 'paint', buffered: true });
	// A page that leaves soon after its first paint (a tap at the first paint loads /nu) may go
	// before the observer hears of it: the entry is there all the same.
	addEventListener('pagehide', () => {
		const [entry] = performance.getEntriesByName('first-contentful-paint');
		if (entry)
			update((trail) => {
				const page = trail.documents[index];
				if (page) page.fcpMs ??= entry.startTime;
			});
	});
	// Passive, so that the probe's listeners never make the browser wait for the page.
	const listen = { capture: true, passive: true };
	addEventListener(
		'pointerdown',
		// The event's time is when the finger touched, also when the page takes it later.
		(event) =>
			update((trail) => {
				trail.taps.push({
					epochMs: performance.timeOrigin + event.timeStamp,
					clickEpochMs: null,
					appRunningAtClick: null
				});
			}),
		listen
	);
	// Added before the page's own scripts run, so it hears the click before they do.
	addEventListener(
		'click',
		() =>
			update((trail) => {
				const tap = trail.taps.at(-1);
				if (!tap) return;
				tap.clickEpochMs = performance.timeOrigin + performance.now();
				if (running !== null) tap.appRunningAtClick = document.querySelector(running) !== null;
			}),
		listen
	);

	// Rustpunt's pacer: looked for in every frame until one is on screen, breathing. /nu's disc,
	// or the home page's preview of it, shown by a tap on "Adem nu" while /nu loads.
	if (running !== null) {
		/** @param {number} frameMs */
		const watch = (frameMs) => {
			const discs = document.querySelectorAll('[data-pacer-disc], [data-breath-preview] .disc');
			const breathing = [...discs].some(
				(disc) =>
					disc.checkVisibility() && disc.getAnimations().some((a) => a.playState === 'running')
			);
			if (!breathing) return void requestAnimationFrame(watch);
			update((trail) => {
				trail.pacer ??= { epochMs: performance.timeOrigin + frameMs, document: index };
			});
		};
		requestAnimationFrame(watch);
	}

	/** @type {Probe} */
	const probe = { longTasks: [], handledAtMs: null };
	/** @type {any} */ (window).__sideBySide = probe;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			probe.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
	}).observe({ type: 'longtask' });
	if (handledText !== null) {
		const handled = new RegExp(handledText);
		new MutationObserver(() => {
			if (probe.handledAtMs === null && handled.test(document.body?.textContent ?? ''))
				probe.handledAtMs = performance.now();
		}).observe(document, { subtree: true, childList: true, characterData: true });
	}
}

/**
 * @typedef {object} Served
 * @property {string} origin
 * @property {(pathname: string) => number} gzipOf gzip -9 bytes of a file it serves
 */

/**
 * @typedef {object} Run one way in, one round
 * @property {number} jsBeforeBreathingGzip bytes of distinct JS files requested before the pacer breathes
 * @property {number} jsBeforeBreathingFiles
 * @property {number} jsFirstLoadGzip the same for the first 5 s
 * @property {number} jsFirstLoadFiles
 * @property {number} fcpMs first contentful paint of the first page that painted
 * @property {number} breathingMs navigation start to the pacer breathing (NaN: never)
 * @property {number | null} fromTapMs the tap (the one handled) to the pacer breathing
 * @property {number | null} fromClickMs the page taking that tap's click to the pacer breathing:
 *   the first frame after it, when the page answers the click at once
 * @property {number} loadAndTapMs the way in as a person takes it: for a way that taps at the
 *   first paint, that paint plus the time from the tap to the pacer breathing, leaving out the
 *   bench's own reaction between the two (it sees the paint through the page and the debugger,
 *   40–120 ms at 4x, where a person would tap whenever they see the button); for the others the
 *   same as breathingMs
 * @property {boolean | null} clickedBeforeRunning the tap's click reached the page before the
 *   app's code ran (Rustpunt's taps only)
 * @property {number} taps how many taps it took
 * @property {number | null} appRunningMs the 'rustpunt:session-start' mark: the app's code runs the session
 * @property {number | null} appDrivesPacerMs the 'rustpunt:pacer-first-frame' mark: the app's code drives the pacer
 * @property {number} longestTaskMs the longest task in the 3 s after breathing (0: none of 50 ms or more)
 * @property {number} pageLoads
 * @property {number} redirects page loads that no tap caused
 * @property {string[]} pages the URLs loaded, in order
 */

/**
 * A way in that failed in a round: left out of that round's summaries and ratios.
 * @type {Run}
 */
const FAILED_RUN = {
	jsBeforeBreathingGzip: NaN,
	jsBeforeBreathingFiles: NaN,
	jsFirstLoadGzip: NaN,
	jsFirstLoadFiles: NaN,
	fcpMs: NaN,
	breathingMs: NaN,
	fromTapMs: null,
	fromClickMs: null,
	loadAndTapMs: NaN,
	clickedBeforeRunning: null,
	taps: NaN,
	appRunningMs: null,
	appDrivesPacerMs: null,
	longestTaskMs: NaN,
	pageLoads: NaN,
	redirects: NaN,
	pages: []
};

/** @typedef {{ x: number, y: number }} Point */

/**
 * Where each way in that taps puts its finger: the middle of its target, found by role and
 * name once, beforehand, on the same page and phone (the same layout). Looking it up in the
 * measured page would wait behind the page's start-up work and make every tap late.
 * @param {import('playwright-core').Browser} browser
 * @param {Record<App, Served>} served
 * @returns {Promise<Map<string, Point>>}
 */
async function findTapPoints(browser, served) {
	/** @type {Map<string, Point>} */
	const points = new Map();
	for (const way of WAYS_IN) {
		if (!way.tap) continue;
		const context = await browser.newContext({ ...PHONE, locale: way.locale });
		try {
			const page = await context.newPage();
			await page.goto(served[way.app].origin + way.path, { waitUntil: 'load' });
			const box = await page.getByRole(way.tap.role, { name: way.tap.name }).boundingBox();
			if (!box) throw new Error(`${way.label}: nothing to tap (${way.tap.role} ${way.tap.name})`);
			points.set(way.id, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
		} finally {
			await context.close();
		}
	}
	return points;
}

/**
 * Resolves at the first contentful paint of the tab's next page, as the browser reports it
 * (no polling inside a page whose main thread is busy).
 * @param {import('playwright-core').CDPSession} cdp with lifecycle events enabled
 * @returns {Promise<void>}
 */
function nextFirstPaint(cdp) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no first paint')), TIMEOUT_MS);
		/** @param {{ name: string }} event */
		const onLifecycle = (event) => {
			if (event.name !== 'firstContentfulPaint') return;
			clearTimeout(timer);
			cdp.off('Page.lifecycleEvent', onLifecycle);
			resolve();
		};
		cdp.on('Page.lifecycleEvent', onLifecycle);
	});
}

/**
 * Taps the way in's target as a finger would, as soon as it is allowed: at the first paint,
 * or once the app's code runs. For the floor's counter, again and again until a tap is
 * handled.
 * @param {import('playwright-core').Page} page
 * @param {WayIn} way
 * @param {Tap} tap
 * @param {Point} point
 * @param {Promise<void>} painted
 */
async function tapAsSoonAsAllowed(page, way, tap, point, painted) {
	const running = APPS[way.app].running;
	if (tap.once === 'painted') await painted;
	else if (running === null) throw new Error(`${way.label}: the ${way.app} app marks no running`);
	else
		await page.waitForFunction((selector) => document.querySelector(selector) !== null, running, {
			polling: 'raf',
			timeout: TIMEOUT_MS
		});
	const deadline = Date.now() + TIMEOUT_MS;
	do {
		await page.touchscreen.tap(point.x, point.y);
	} while (
		tap.handledText &&
		Date.now() < deadline &&
		!(await page.evaluate(() => /** @type {any} */ (window).__sideBySide.handledAtMs !== null))
	);
}

/**
 * Waits in the page for the moment the way in is timed to.
 * @param {import('playwright-core').Page} page
 * @param {WayIn} way
 */
async function waitForBreathing(page, way) {
	await page.waitForFunction(
		({ breathes, key }) => {
			if (breathes === 'handled-tap')
				return /** @type {any} */ (window).__sideBySide?.handledAtMs !== null;
			if (breathes === 'first-paint')
				return performance.getEntriesByName('first-contentful-paint').length > 0;
			/** @type {Trail} */
			const trail = JSON.parse(sessionStorage.getItem(key) ?? '{"documents":[]}');
			const pacer = trail.pacer;
			// Never before the first paint of the page it is in (a frame's callbacks run first).
			return Boolean(pacer && trail.documents[pacer.document]?.fcpMs != null);
		},
		{ breathes: way.breathes, key: TRAIL_KEY },
		{ polling: 100, timeout: TIMEOUT_MS }
	);
}

/**
 * Gzip -9 size of each served file, by path, computed once.
 * @param {string} buildDir
 */
function gzipSizesOf(buildDir) {
	/** @type {Map<string, number>} */
	const sizes = new Map();
	return (/** @type {string} */ pathname) => {
		const file = join(buildDir, decodeURIComponent(pathname));
		let size = sizes.get(file);
		if (size === undefined) {
			if (!existsSync(file))
				throw new Error(`The browser requested ${pathname}, not in ${buildDir}`);
			// The service worker serves the build's files unchanged (its cache holds their
			// decoded bodies); a page that navigated away no longer gives its bodies to the
			// debugger, so the file is read here.
			size = gzipSize(readFileSync(file));
			sizes.set(file, size);
		}
		return size;
	};
}

/**
 * Opens one way in, once, in a fresh context, and measures it.
 * @param {import('playwright-core').Browser} browser
 * @param {WayIn} way
 * @param {{ served: Served, cpuRate: number, tapPoint: Point | undefined, problems: string[] }} setup
 * @returns {Promise<Run>}
 */
async function measureWayIn(browser, way, { served, cpuRate, tapPoint, problems }) {
	const context = await browser.newContext({
		...PHONE,
		locale: way.locale,
		serviceWorkers: 'allow'
	});
	try {
		await installServiceWorker(context, served.origin + APPS[way.app].home(way.locale), problems);
		await context.setOffline(true);

		const page = await context.newPage();
		page.on('pageerror', (error) => problems.push(`${way.id}: page error: ${error.message}`));
		page.on('response', (response) => {
			if (response.request().isNavigationRequest() && !response.fromServiceWorker())
				problems.push(`${way.id}: ${response.url()} did not come from the service worker`);
		});
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
		// Every script the tab asks for, with the wall time it asked (also for the requests a
		// redirect or a page load cuts off, which never get a response).
		/** @type {{ pathname: string, startEpochMs: number }[]} */
		const scripts = [];
		cdp.on('Network.requestWillBeSent', ({ request, wallTime }) => {
			const { pathname } = new URL(request.url);
			if (pathname.endsWith('.js')) scripts.push({ pathname, startEpochMs: wallTime * 1000 });
		});
		await cdp.send('Network.enable');
		await page.addInitScript(installProbe, {
			key: TRAIL_KEY,
			running: APPS[way.app].running,
			handledText: way.tap?.handledText ?? null
		});

		await cdp.send('Page.enable');
		await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
		const painted = nextFirstPaint(cdp);
		// Only a tap waits for it: the other ways in let it go unheard.
		painted.catch(() => undefined);

		await page.goto(served.origin + way.path, { waitUntil: 'commit' });
		if (way.tap && tapPoint) await tapAsSoonAsAllowed(page, way, way.tap, tapPoint, painted);
		await waitForBreathing(page, way);
		const seen = await readProbe(page);
		const breathingEpochMs = momentOf(way, seen);
		const startEpochMs = seen.trail.documents[0]?.timeOrigin ?? NaN;
		// Let the first 5 s and the 3 s after the first breath pass before reading the rest.
		const until = Math.max(startEpochMs + FIRST_LOAD_MS, breathingEpochMs + AFTER_BREATHING_MS);
		await sleep(Math.max(0, until - Date.now()) + 100);
		const after = await readProbe(page);
		await cdp.detach();
		return describeRun(way, after, breathingEpochMs, scripts, served.gzipOf);
	} finally {
		await context.close();
	}
}

/**
 * What the probe and the page's own marks say, in the current page.
 * @param {import('playwright-core').Page} page
 */
function readProbe(page) {
	return page.evaluate((key) => {
		/** @type {Probe} */
		const probe = /** @type {any} */ (window).__sideBySide;
		const markMs = (/** @type {string} */ name) =>
			performance.getEntriesByName(name)[0]?.startTime ?? null;
		return {
			/** @type {Trail} */
			trail: JSON.parse(sessionStorage.getItem(key) ?? '{"documents":[],"taps":[]}'),
			timeOrigin: performance.timeOrigin,
			sessionStartMs: markMs('rustpunt:session-start'),
			pacerFirstFrameMs: markMs('rustpunt:pacer-first-frame'),
			fcpMs: markMs('first-contentful-paint'),
			handledAtMs: probe.handledAtMs,
			longTasks: probe.longTasks
		};
	}, TRAIL_KEY);
}

/** @typedef {Awaited<ReturnType<typeof readProbe>>} Seen */

/**
 * The moment the way in breathes, in epoch ms (NaN when it never did).
 * @param {WayIn} way
 * @param {Seen} seen
 */
function momentOf(way, seen) {
	if (way.breathes === 'pacer-on-screen') {
		const { pacer, documents } = seen.trail;
		const page = pacer ? documents[pacer.document] : undefined;
		if (!pacer || !page || page.fcpMs === null) return NaN;
		return Math.max(pacer.epochMs, page.timeOrigin + page.fcpMs);
	}
	const ms = way.breathes === 'first-paint' ? seen.fcpMs : seen.handledAtMs;
	return ms === null ? NaN : seen.timeOrigin + ms;
}

/**
 * One run's numbers from what was seen.
 * @param {WayIn} way
 * @param {Seen} seen
 * @param {number} breathingEpochMs
 * @param {{ pathname: string, startEpochMs: number }[]} scripts every JS request of the tab
 * @param {(pathname: string) => number} gzipOf
 * @returns {Run}
 */
function describeRun(way, seen, breathingEpochMs, scripts, gzipOf) {
	const { documents, taps } = seen.trail;
	const startEpochMs = documents[0]?.timeOrigin ?? NaN;
	/** @param {number} beforeEpochMs */
	const jsRequestedBefore = (beforeEpochMs) => {
		const files = new Set(
			scripts.filter((s) => s.startEpochMs < beforeEpochMs).map((s) => s.pathname)
		);
		return { gzip: [...files].reduce((sum, f) => sum + gzipOf(f), 0), files: files.size };
	};
	const beforeBreathing = jsRequestedBefore(breathingEpochMs);
	const firstLoad = jsRequestedBefore(startEpochMs + FIRST_LOAD_MS);
	const painted = documents.find((d) => d.fcpMs !== null);
	// The tap that counts is the last one before the moment (the floor's counter may take several).
	const tap = taps.filter((t) => t.epochMs <= breathingEpochMs).at(-1) ?? null;
	const fcpMs = painted ? round(painted.timeOrigin + (painted.fcpMs ?? NaN) - startEpochMs) : NaN;
	const fromTapMs = way.tap && tap ? round(breathingEpochMs - tap.epochMs) : null;
	const wayMs = round(breathingEpochMs - startEpochMs);
	const breathingMs = breathingEpochMs - seen.timeOrigin;
	const longest = seen.longTasks
		.filter(
			(t) => t.startMs + t.durationMs > breathingMs && t.startMs < breathingMs + AFTER_BREATHING_MS
		)
		.reduce((max, t) => Math.max(max, t.durationMs), 0);
	return {
		jsBeforeBreathingGzip: beforeBreathing.gzip,
		jsBeforeBreathingFiles: beforeBreathing.files,
		jsFirstLoadGzip: firstLoad.gzip,
		jsFirstLoadFiles: firstLoad.files,
		fcpMs,
		breathingMs: wayMs,
		fromTapMs,
		fromClickMs: way.tap && tap?.clickEpochMs ? round(breathingEpochMs - tap.clickEpochMs) : null,
		loadAndTapMs: loadAndTap(way, fcpMs, fromTapMs, wayMs),
		clickedBeforeRunning: tap && tap.appRunningAtClick !== null ? !tap.appRunningAtClick : null,
		taps: taps.length,
		appRunningMs:
			seen.sessionStartMs === null
				? null
				: round(seen.timeOrigin + seen.sessionStartMs - startEpochMs),
		appDrivesPacerMs:
			seen.pacerFirstFrameMs === null
				? null
				: round(seen.timeOrigin + seen.pacerFirstFrameMs - startEpochMs),
		longestTaskMs: round(longest),
		pageLoads: documents.length,
		redirects: documents.slice(1).filter((d) => !taps.some((t) => t.epochMs < d.timeOrigin)).length,
		pages: documents.map((d) => new URL(d.url).pathname)
	};
}

/**
 * The way in as a person takes it (Run.loadAndTapMs): for a way that taps at the first paint,
 * the paint plus the time from the tap, without the bench's reaction between them.
 * @param {WayIn} way
 * @param {number} fcpMs
 * @param {number | null} fromTapMs
 * @param {number} breathingMs
 */
function loadAndTap(way, fcpMs, fromTapMs, breathingMs) {
	if (way.tap?.once !== 'painted' || way.tap.handledText) return breathingMs;
	return fromTapMs === null ? NaN : fcpMs + fromTapMs;
}

/** The numbers the table shows per way in, with how each is written. */
const METRICS = /** @type {const} */ ([
	['jsBeforeBreathingGzip', 'JS KB gz before breathing, files', 'bytes'],
	['jsFirstLoadGzip', 'JS KB gz first 5 s, files', 'bytes'],
	['fcpMs', 'reload FCP', 'ms'],
	['breathingMs', 'pacer breathing', 'ms'],
	['fromTapMs', 'from the tap', 'ms'],
	['fromClickMs', 'from the click', 'ms'],
	['loadAndTapMs', 'paint + from the tap', 'ms'],
	['appRunningMs', 'app running', 'ms'],
	['longestTaskMs', 'longest task after', 'task'],
	['pageLoads', 'page loads', 'count'],
	['redirects', 'redirects', 'count']
]);

/** The file counts shown beside the bytes. */
const FILES_OF = /** @type {const} */ ({
	jsBeforeBreathingGzip: 'jsBeforeBreathingFiles',
	jsFirstLoadGzip: 'jsFirstLoadFiles'
});

/** The numbers that get a ratio to the floor. */
const RATIO_METRICS = /** @type {const} */ ([
	['jsBeforeBreathingGzip', 'JS gz before breathing'],
	['jsFirstLoadGzip', 'JS gz first 5 s'],
	['fcpMs', 'reload FCP'],
	['breathingMs', 'pacer breathing'],
	['loadAndTapMs', 'paint + from the tap']
]);

/**
 * A summary as "p50 (min–max)", or "p50" alone when every run gave the same.
 * @param {Summary} s
 * @param {(value: number) => string} format
 */
function medianAndRange(s, format) {
	if (s.n === 0) return '-';
	return s.min === s.max ? format(s.p50) : `${format(s.p50)} (${format(s.min)}–${format(s.max)})`;
}

/** @type {Record<'bytes' | 'ms' | 'task' | 'count' | 'ratio', (value: number) => string>} */
const FORMATS = {
	bytes: (v) => (v / 1024).toFixed(1),
	ms: (v) => (Number.isNaN(v) ? '-' : v.toFixed(0)),
	// The long-task observer reports tasks of 50 ms or more only.
	task: (v) => (v === 0 ? '<50' : v.toFixed(0)),
	count: (v) => String(v),
	ratio: (v) => `${v.toFixed(2)}x`
};

/**
 * Per-round ratios of `metric`, way in `a` over way in `b` (same rounds).
 * @param {Run[]} a
 * @param {Run[]} b
 * @param {(typeof RATIO_METRICS)[number][0]} metric
 */
function ratiosPerRound(a, b, metric) {
	return a.flatMap((run, i) => {
		const other = b[i];
		const ratio = other ? run[metric] / other[metric] : NaN;
		return Number.isFinite(ratio) ? [ratio] : [];
	});
}

/** @typedef {import('./lib/common.js').Summary} Summary */
/** @typedef {Record<string, Record<string, Summary>>} Summaries by way in, then by metric */

/**
 * The numbers of a metric over all rounds, leaving out rounds where it does not apply.
 * @param {Run[]} runs
 * @param {(typeof METRICS)[number][0] | (typeof FILES_OF)[keyof typeof FILES_OF]} metric
 */
function valuesOf(runs, metric) {
	return runs.flatMap((run) => {
		const value = run[metric];
		return value === null || Number.isNaN(value) ? [] : [value];
	});
}

/**
 * Every number of every way in, summarized over the rounds.
 * @param {Record<string, Run[]>} runs
 * @returns {Summaries}
 */
function summarizeWaysIn(runs) {
	const metrics = [...METRICS.map(([metric]) => metric), ...Object.values(FILES_OF)];
	return Object.fromEntries(
		WAYS_IN.map((way) => [
			way.id,
			Object.fromEntries(
				metrics.map((metric) => [metric, summarize(valuesOf(runs[way.id] ?? [], metric))])
			)
		])
	);
}

/**
 * One row per way in, one column per metric: median (min–max).
 * @param {Summaries} summaries
 */
function summaryTable(summaries) {
	const none = summarize([]);
	return formatTable(
		['way in', ...METRICS.map(([, title]) => title)],
		WAYS_IN.map((way) => {
			const of = summaries[way.id] ?? {};
			return [
				way.label,
				...METRICS.map(([metric, , unit]) => {
					const cell = medianAndRange(of[metric] ?? none, FORMATS[unit]);
					const files =
						metric in FILES_OF
							? of[FILES_OF[/** @type {keyof typeof FILES_OF} */ (metric)]]
							: undefined;
					return files ? `${cell}, ${FORMATS.count(files.p50)}` : cell;
				})
			];
		})
	);
}

/**
 * For each of Rustpunt's ways in that tap at the first paint: how often the click reached the
 * page before the app's code ran (src/app.html then loads /nu as a new page) rather than after
 * (the home screen's island, which loads /nu as a page too), however early the finger touched.
 * @param {Record<string, Run[]>} runs
 */
function whereTapsLanded(runs) {
	return WAYS_IN.filter((way) => way.tap?.once === 'painted' && APPS[way.app].running).map(
		(way) => {
			const known = (runs[way.id] ?? []).filter((run) => run.clickedBeforeRunning !== null);
			const early = known.filter((run) => run.clickedBeforeRunning).length;
			return (
				`${way.label}: the click reached the page before the app's code ran in ${early} of ` +
				`${known.length} rounds; after it (the home screen's island) in the others`
			);
		}
	);
}

/**
 * @typedef {object} Comparison
 * @property {string} way
 * @property {string} against
 * @property {Record<string, Summary>} ratios by metric, over the rounds
 */

/**
 * Per-round ratios of each Rustpunt way in to its floor, and of the ways the issue compares
 * with opening /nu directly.
 * @param {Record<string, Run[]>} runs
 * @returns {Comparison[]}
 */
function compareWaysIn(runs) {
	return [
		...WAYS_IN.flatMap((way) => (way.floor ? [{ way: way.id, against: way.floor }] : [])),
		...AGAINST_NU.map((id) => ({ way: id, against: 'nu' }))
	].map(({ way, against }) => ({
		way,
		against,
		ratios: Object.fromEntries(
			RATIO_METRICS.map(([metric]) => [
				metric,
				summarize(ratiosPerRound(runs[way] ?? [], runs[against] ?? [], metric))
			])
		)
	}));
}

/**
 * @param {Comparison[]} comparisons
 */
function ratioTable(comparisons) {
	const labelOf = (/** @type {string} */ id) => WAYS_IN.find((w) => w.id === id)?.label ?? id;
	return formatTable(
		['way in', 'against', ...RATIO_METRICS.map(([, title]) => title)],
		comparisons.map((c) => [
			labelOf(c.way),
			labelOf(c.against),
			...RATIO_METRICS.map(([m]) => medianAndRange(c.ratios[m] ?? summarize([]), FORMATS.ratio))
		])
	);
}

async function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			runs: { type: 'string', default: '7' },
			cpu: { type: 'string', default: '4' },
			port: { type: 'string', default: String(FIRST_BENCH_PORT) }
		},
		strict: true
	});
	const rounds = Number(values.runs);
	const cpuRate = Number(values.cpu);
	const firstPort = Number(values.port);
	if (!(rounds >= 1) || !(cpuRate >= 1) || !(firstPort > 0)) {
		throw new Error('--runs and --cpu must be numbers >= 1, --port a port number');
	}
	ensureBuild({ noBuild: values['no-build'] });
	const floorBuild = ensureFloorBuild();

	const rustpunt = await startPreview({ port: await freePort(firstPort) });
	const floor = await startPreview({
		port: await freePort(rustpunt.port + 1),
		root: floorBuild.root
	}).catch(async (error) => {
		await rustpunt.close();
		throw error;
	});
	const browser = await launchChromium();
	/** @type {Record<App, Served>} */
	const served = {
		rustpunt: { origin: rustpunt.origin, gzipOf: gzipSizesOf(BUILD_DIR) },
		floor: { origin: floor.origin, gzipOf: gzipSizesOf(floorBuild.buildDir) }
	};
	/** @type {string[]} */
	const problems = [];
	try {
		/** @type {Record<string, Run[]>} */
		const runs = Object.fromEntries(WAYS_IN.map((way) => [way.id, []]));
		console.log(
			`Side by side, ${rounds} rounds interleaved: Rustpunt (build/) and the floor ` +
				`(${relative(ROOT, FLOOR_SOURCE)}, ${floorBuild.reused ? 'built before' : 'just built'}, ` +
				`node_modules ${floorBuild.install}); offline from the service worker, CPU ${cpuRate}x ` +
				`slower, ${PHONE.viewport.width}x${PHONE.viewport.height}`
		);
		const tapPoints = await findTapPoints(browser, served);
		for (let r = 1; r <= rounds; r++) {
			/** @type {string[]} */
			const line = [];
			for (const way of WAYS_IN) {
				const run = await measureWayIn(browser, way, {
					served: served[way.app],
					cpuRate,
					tapPoint: tapPoints.get(way.id),
					problems
				}).catch((error) => {
					problems.push(`${way.id}, round ${r}: ${error instanceof Error ? error.message : error}`);
					return FAILED_RUN;
				});
				runs[way.id]?.push(run);
				line.push(`${way.id} ${FORMATS.ms(run.breathingMs)}`);
			}
			console.log(`  round ${r}/${rounds}, pacer breathing (ms): ${line.join(' · ')}`);
		}

		const summaries = summarizeWaysIn(runs);
		console.log(`\nMedian (min–max) of ${rounds} rounds; ms from the first navigation start\n`);
		console.log(summaryTable(summaries));
		const comparisons = compareWaysIn(runs);
		console.log('\nRatios per round, median (min–max)\n');
		console.log(ratioTable(comparisons));
		console.log(`\n${whereTapsLanded(runs).join('\n')}`);
		if (problems.length) {
			const distinct = [...new Set(problems)];
			console.log(`\nProblems seen (${distinct.length} distinct, ${problems.length} in all):`);
			for (const p of distinct) console.log(`  - ${p}`);
		}

		const path = writeResult('side-by-side', {
			measuredAt: new Date().toISOString(),
			environment: environment(),
			rounds,
			cpuThrottlingRate: cpuRate,
			device: PHONE,
			offline: true,
			floor: {
				source: relative(ROOT, FLOOR_SOURCE),
				sourceHash: floorBuild.sourceHash,
				install: floorBuild.install
			},
			waysIn: WAYS_IN.map(({ id, label, path, locale, floor }) => ({
				id,
				label,
				path,
				locale,
				floor
			})),
			summaries: Object.fromEntries(
				Object.entries(summaries).map(([id, byMetric]) => [
					id,
					Object.fromEntries(
						Object.entries(byMetric).map(([metric, s]) => [metric, roundSummary(s)])
					)
				])
			),
			ratios: comparisons.map((c) => ({
				...c,
				ratios: Object.fromEntries(
					Object.entries(c.ratios).map(([metric, s]) => [metric, roundSummary(s, 3)])
				)
			})),
			runs,
			problems: [...new Set(problems)]
		});
		console.log(`\nWrote ${relative(process.cwd(), path)}`);
	} finally {
		await browser.close();
		await floor.close();
		await rustpunt.close();
	}
}

/**
 * @param {Summary} s
 * @param {number} [digits]
 */
function roundSummary(s, digits = 1) {
	return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, digits)]));
}

if (isMain(import.meta.url)) {
	main().catch((error) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	});
}
