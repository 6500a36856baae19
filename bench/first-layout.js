// @ts-check
/**
 * What the first contentful paint of `/nu` waits for, beside the framework's floor (issue
 * 17): the page's main-thread work from the navigation to that paint, read from a trace, in
 * one interleaved run (offline from the service worker, CPU slowed down, a new tab per load).
 *
 * `/nu`'s first paint is its background alone; its first contentful paint comes with the first
 * layout of the page's text. On Chromium for Linux that layout asks the browser process, once
 * per font (a family at a size, weight and style), which file to use and how to draw it, and
 * waits for the answer: time the CPU throttle does not slow, and that grows with the number
 * of fonts a page shows. This bench prints that wait beside the rest of the work, and the fonts
 * each page shows, so that a difference in first paint can be put down to its parts.
 *
 * Tracing with these categories slows the page down: compare the two apps within a run, not
 * with the other benches.
 *
 * Usage: node bench/first-layout.js [--no-build] [--runs 7] [--cpu 4] [--path /nu]
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PHONE } from './first-frame.js';
import { ensureFloorBuild } from './lib/floor-app.js';
import {
	ensureBuild,
	environment,
	formatTable,
	freePort,
	installServiceWorker,
	isMain,
	launchChromium,
	round,
	outermostEvents,
	startPreview,
	summarize,
	topLevelTasks,
	writeResult
} from './lib/common.js';

const CATEGORIES = [
	'devtools.timeline',
	'blink',
	'blink.user_timing',
	'fonts',
	'loading',
	'toplevel',
	'__metadata'
];

/**
 * Main-thread work before the first contentful paint, in ms (counts where named so).
 * @typedef {object} Load
 * @property {number} firstPaintMs
 * @property {number} fcpMs
 * @property {number} busyMs the main thread's tasks
 * @property {number} parseMs parsing the HTML, its inline scripts run within it
 * @property {number} inlineScriptMs running the page's inline scripts
 * @property {number} styleMs working out the styles
 * @property {number} layoutMs laying the page out, font lookups and shaping included
 * @property {number} fontLookups fonts asked of the browser process
 * @property {number} fontLookupMs waiting for those answers
 * @property {number} shapingMs shaping the text into glyphs
 * @property {number} paintMs recording the paint
 */

/** The trace events that are summed, by the Load field they go to. */
const PHASES = /** @type {const} */ ({
	parseMs: 'ParseHTML',
	styleMs: 'UpdateLayoutTree',
	layoutMs: 'Layout',
	fontLookupMs: 'FontCache::GetFontPlatformData',
	shapingMs: 'InlineNode::ShapeTextIncludingFirstLine',
	paintMs: 'Paint'
});

/**
 * @param {any[]} events
 * @param {string} url the page's address
 * @returns {Omit<Load, 'firstPaintMs' | 'fcpMs'>}
 */
function analyse(events, url) {
	const navigation = events.find(
		(e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url
	);
	if (!navigation) throw new Error(`The trace has no navigation to ${url}`);
	const thread = { pid: navigation.pid, tid: navigation.tid };
	const fcp = events.find(
		(e) => e.name === 'firstContentfulPaint' && e.pid === thread.pid && e.ts > navigation.ts
	);
	if (!fcp) throw new Error(`The trace has no first contentful paint of ${url}`);
	const from = navigation.ts;
	const to = fcp.ts;
	// Each event only for its part before the paint.
	const ms = (/** @type {any[]} */ list) =>
		list.reduce((sum, e) => sum + Math.min(e.ts + e.dur, to) - Math.max(e.ts, from), 0) / 1000;
	const phase = (/** @type {string} */ name) => outermostEvents(events, name, thread, from, to);
	const fonts = phase(PHASES.fontLookupMs);
	// An inline script is evaluated with the page's own address.
	const inline = phase('EvaluateScript').filter((e) => e.args?.data?.url === url);
	return {
		busyMs: ms(topLevelTasks(events, thread, from, to)),
		parseMs: ms(phase(PHASES.parseMs)),
		inlineScriptMs: ms(inline),
		styleMs: ms(phase(PHASES.styleMs)),
		layoutMs: ms(phase(PHASES.layoutMs)),
		fontLookups: fonts.length,
		fontLookupMs: ms(fonts),
		shapingMs: ms(phase(PHASES.shapingMs)),
		paintMs: ms(phase(PHASES.paintMs))
	};
}

/**
 * The fonts the page shows in the viewport once loaded (the app's code changes no font): a
 * family at a size, weight and style, for each text there.
 * @returns {string[]}
 */
function fontsShown() {
	const fonts = new Set();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const element = node.parentElement;
		if (!element || !node.textContent?.trim() || !element.checkVisibility()) continue;
		const box = element.getBoundingClientRect();
		if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) {
			continue;
		}
		const { fontFamily, fontSize, fontWeight, fontStyle } = getComputedStyle(element);
		fonts.add(`${fontSize} ${fontWeight} ${fontStyle} ${fontFamily.split(',')[0]}`);
	}
	return [...fonts].sort();
}

/**
 * Loads `url` in a new tab, traced, and reads its work before the first contentful paint.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {number} cpuRate
 * @returns {Promise<Load & { fonts: string[] }>}
 */
async function measureLoad(browser, context, url, cpuRate) {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
	await browser.startTracing(page, { categories: CATEGORIES });
	try {
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForFunction(
			() => performance.getEntriesByName('first-contentful-paint').length > 0,
			undefined,
			{ timeout: 30_000, polling: 100 }
		);
		const paints = await page.evaluate(() =>
			['first-paint', 'first-contentful-paint'].map(
				(name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN
			)
		);
		const trace = JSON.parse((await browser.stopTracing()).toString());
		return {
			firstPaintMs: paints[0] ?? NaN,
			fcpMs: paints[1] ?? NaN,
			...analyse(trace.traceEvents, url),
			fonts: await page.evaluate(fontsShown)
		};
	} finally {
		await cdp.detach().catch(() => undefined);
		await page.close();
	}
}

async function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			runs: { type: 'string', default: '7' },
			cpu: { type: 'string', default: '4' },
			path: { type: 'string', default: '/nu' }
		},
		strict: true
	});
	const rounds = Number(values.runs);
	const cpuRate = Number(values.cpu);
	if (!(rounds >= 1) || !(cpuRate >= 1)) throw new Error('--runs and --cpu must be numbers >= 1');
	ensureBuild({ noBuild: values['no-build'] });
	const floorBuild = ensureFloorBuild();

	const rustpunt = await startPreview({ port: await freePort() });
	const floor = await startPreview({
		port: await freePort(rustpunt.port + 1),
		root: floorBuild.root
	});
	const browser = await launchChromium();
	/** @type {string[]} */
	const problems = [];
	try {
		const apps = [
			{ label: `Rustpunt ${values.path}`, url: `${rustpunt.origin}${values.path}` },
			{ label: 'floor: page load', url: `${floor.origin}/` }
		];
		const contexts = [];
		for (const app of apps) {
			const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
			await installServiceWorker(context, app.url, problems);
			await context.setOffline(true);
			contexts.push(context);
		}
		console.log(
			`Before the first contentful paint, ${rounds} rounds interleaved: offline from the ` +
				`service worker, CPU ${cpuRate}x slower, ${PHONE.viewport.width}x${PHONE.viewport.height}, traced`
		);
		/** @type {(Load & { fonts: string[] })[][]} */
		const loads = apps.map(() => []);
		for (let r = 0; r < rounds; r++) {
			for (const [i, app] of apps.entries()) {
				const load = await measureLoad(browser, contexts[i], app.url, cpuRate);
				loads[i]?.push(load);
			}
		}

		/** @type {[string, keyof Load][]} */
		const rows = [
			['first paint', 'firstPaintMs'],
			['first contentful paint', 'fcpMs'],
			['main thread busy before it', 'busyMs'],
			['  parsing the HTML', 'parseMs'],
			['    running its inline scripts', 'inlineScriptMs'],
			['  working out the styles', 'styleMs'],
			['  layout', 'layoutMs'],
			['    fonts asked of the browser (count)', 'fontLookups'],
			['    waiting for them', 'fontLookupMs'],
			['    shaping the text', 'shapingMs'],
			['  paint', 'paintMs']
		];
		const cell = (/** @type {Load[]} */ list, /** @type {keyof Load} */ key) => {
			const s = summarize(list.map((l) => l[key]));
			return `${s.p50.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
		};
		console.log('\nMedian (min–max) in ms, from the navigation\n');
		console.log(
			formatTable(
				['', ...apps.map((a) => a.label)],
				rows.map(([label, key]) => [label, ...loads.map((list) => cell(list, key))])
			)
		);
		console.log('\nFonts shown in the viewport once loaded (size, weight, style, family):');
		for (const [i, app] of apps.entries()) {
			const fonts = loads[i]?.[0]?.fonts ?? [];
			console.log(`  ${app.label}: ${fonts.length}: ${fonts.join('; ')}`);
		}
		if (problems.length) {
			console.log(`\nProblems seen:`);
			for (const p of new Set(problems)) console.log(`  - ${p}`);
		}
		const path = writeResult('first-layout', {
			measuredAt: new Date().toISOString(),
			environment: environment(),
			cpuThrottlingRate: cpuRate,
			apps: apps.map((app, i) => ({
				label: app.label,
				loads: (loads[i] ?? []).map((load) =>
					Object.fromEntries(
						Object.entries(load).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])
					)
				)
			})),
			problems: [...new Set(problems)]
		});
		console.log(`\nWrote ${relative(process.cwd(), path)}`);
	} finally {
		await browser.close();
		await rustpunt.close();
		await floor.close();
	}
}

if (isMain(import.meta.url)) {
	main().catch((error) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	});
}
