// @ts-check
/**
 * Does importing a long history keep the phone responsive? An export file with 10,000 and
 * with 138,000 sessions is imported on the data screen of the built app, in headless Chromium
 * at 390x844, as a person would: choose the file, wait for the summary, confirm, wait until
 * it says it is done. Measured:
 *
 *   check        choosing the file until the summary is on screen (read, parse, validate)
 *   write        the tap on "import" until the screen says it is done
 *   longest      the longest task on the page's main thread from choosing the file until
 *                done (a PerformanceObserver of long tasks, which sees tasks of 50 ms and
 *                more; 0 means none was that long)
 *   exit check   quick exit pressed while the file is being checked, until the page asks
 *                for the neutral site
 *   exit write   the same, pressed while the import is being written
 *
 * Quick exit is pressed with a real mouse event at the button's place (the page scrolled back to
 * the top first), 300 ms after the stage began, so a busy main thread delays it as it would
 * delay a finger. In-page times come
 * from performance.now(); quick exit is timed from outside (the press until the request).
 * Prints numbers; never passes or fails on time.
 *
 * Usage: node bench/import.js [--no-build] [--runs 1] [--cpu 1] [--sessions 10000,138000]
 */
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
	ensureBuild,
	environment,
	formatTable,
	isMain,
	launchChromium,
	round,
	sleep,
	startPreview,
	summarize,
	writeResult
} from './lib/common.js';
import { makeExportText } from './lib/export-file.js';

const NEUTRAL = 'https://www.buienradar.nl';

/** In the page: long tasks, and when the file was chosen, the summary shown, and so on. */
function watchScript() {
	const w = /** @type {any} */ (window);
	w.__longTasks = [];
	w.__marks = {};
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			w.__longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
		}
	}).observe({ type: 'longtask', buffered: true });
	addEventListener('change', () => (w.__marks.chosen ??= performance.now()), true);
	addEventListener(
		'click',
		(event) => {
			const target = /** @type {Element} */ (event.target);
			if (target.closest?.('button')?.textContent?.includes('Ja, importeren')) {
				w.__marks.confirm ??= performance.now();
			}
		},
		true
	);
	const check = () => {
		const text = document.body?.textContent ?? '';
		if (text.includes('In dit bestand')) w.__marks.summary ??= performance.now();
		if (text.includes('Klaar. Toegevoegd')) w.__marks.done ??= performance.now();
	};
	addEventListener('DOMContentLoaded', () =>
		new MutationObserver(check).observe(document.body, {
			subtree: true,
			childList: true,
			characterData: true
		})
	);
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {number} cpu
 */
async function openDataScreen(browser, origin, cpu) {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'nl-NL'
	});
	/** @type {{ at?: number }} */
	const left = {};
	await context.route(`${NEUTRAL}/**`, (route) => {
		left.at ??= Date.now();
		return route.fulfill({ contentType: 'text/html', body: '<title>Weer</title>' });
	});
	await context.addInitScript(watchScript);
	const page = await context.newPage();
	await page.goto(`${origin}/gegevens`);
	await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
	return { context, page, left };
}

/**
 * One import from choosing the file until it is done: in-page times and long tasks.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {string} file
 * @param {number} cpu
 */
async function importOnce(browser, origin, file, cpu) {
	const { context, page } = await openDataScreen(browser, origin, cpu);
	try {
		await page.getByLabel('Kies een exportbestand').setInputFiles(file);
		await page.getByRole('button', { name: 'Ja, importeren' }).click({ timeout: 600_000 });
		await page.getByText('Klaar. Toegevoegd').waitFor({ timeout: 600_000 });
		const { marks, tasks } = await page.evaluate(() => ({
			marks: /** @type {any} */ (window).__marks,
			tasks: /** @type {{ startMs: number, durationMs: number }[]} */ (
				/** @type {any} */ (window).__longTasks
			)
		}));
		// Only the import's: from choosing the file on (loading the page is measured elsewhere).
		const longTasks = tasks
			.filter((task) => task.startMs + task.durationMs >= marks.chosen)
			.map((task) => task.durationMs);
		return {
			checkMs: marks.summary - marks.chosen,
			writeMs: marks.done - marks.confirm,
			longestTaskMs: Math.max(0, ...longTasks),
			tasksOver100: longTasks.filter((ms) => ms > 100).length
		};
	} finally {
		await context.close();
	}
}

/**
 * Milliseconds from pressing quick exit until the page asks for the neutral site, pressed
 * 300 ms into checking (`stage` 'check') or into writing ('write').
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {string} file
 * @param {number} cpu
 * @param {'check' | 'write'} stage
 */
async function quickExitDuring(browser, origin, file, cpu, stage) {
	const { context, page, left } = await openDataScreen(browser, origin, cpu);
	try {
		const box = await page.getByRole('button', { name: /^Snel weg/ }).boundingBox();
		if (!box) throw new Error('No quick exit button');
		await page.getByLabel('Kies een exportbestand').setInputFiles(file);
		if (stage === 'write') {
			await page.getByRole('button', { name: 'Ja, importeren' }).click({ timeout: 600_000 });
		}
		await sleep(300);
		const pressed = Date.now();
		// Choosing the file scrolled the page: back to the top, where the button is, as a
		// person would (a busy main thread delays this too).
		await page.evaluate(() => scrollTo(0, 0));
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		const deadline = Date.now() + 120_000;
		while (left.at === undefined && Date.now() < deadline) await sleep(5);
		if (left.at === undefined) throw new Error('Quick exit did not leave within 120 s');
		return left.at - pressed;
	} finally {
		await context.close();
	}
}

/**
 * @param {{ noBuild?: boolean, runs?: number, cpu?: number, sessions?: number[] }} options
 */
export async function benchImport({
	noBuild = false,
	runs = 1,
	cpu = 1,
	sessions = [10_000, 138_000]
} = {}) {
	ensureBuild({ noBuild });
	const dir = mkdtempSync(join(tmpdir(), 'rustpunt-import-'));
	const preview = await startPreview();
	const browser = await launchChromium();
	/** @type {Record<string, Record<string, ReturnType<typeof summarize>> & { bytes: number }>} */
	const results = {};
	try {
		for (const count of sessions) {
			const file = join(dir, `rustpunt-${count}.json`);
			writeFileSync(file, makeExportText(count, Date.now()));
			/** @type {Record<string, number[]>} */
			const times = {
				checkMs: [],
				writeMs: [],
				longestTaskMs: [],
				exitCheckMs: [],
				exitWriteMs: []
			};
			for (let run = 0; run < runs; run++) {
				const one = await importOnce(browser, preview.origin, file, cpu);
				times.checkMs?.push(one.checkMs);
				times.writeMs?.push(one.writeMs);
				times.longestTaskMs?.push(one.longestTaskMs);
				times.exitCheckMs?.push(await quickExitDuring(browser, preview.origin, file, cpu, 'check'));
				times.exitWriteMs?.push(await quickExitDuring(browser, preview.origin, file, cpu, 'write'));
			}
			results[String(count)] = {
				bytes: statSync(file).size,
				...Object.fromEntries(Object.entries(times).map(([key, list]) => [key, summarize(list)]))
			};
		}
	} finally {
		await browser.close();
		await preview.close();
		rmSync(dir, { recursive: true, force: true });
	}
	console.log(
		`Importing an export on the data screen, ${cpu}x CPU, ${runs} run(s), median in ms\n`
	);
	const cell = (/** @type {ReturnType<typeof summarize> | undefined} */ s) =>
		s ? round(s.p50, 0) : '';
	console.log(
		formatTable(
			['sessions', 'file MB', 'check', 'write', 'longest task', 'exit check', 'exit write'],
			Object.entries(results).map(([count, r]) => [
				Number(count).toLocaleString('en'),
				round(r.bytes / 1e6, 1),
				cell(r.checkMs),
				cell(r.writeMs),
				cell(r.longestTaskMs),
				cell(r.exitCheckMs),
				cell(r.exitWriteMs)
			])
		)
	);
	writeResult('import', {
		measuredAt: new Date().toISOString(),
		environment: environment(),
		cpu,
		runs,
		results
	});
	return results;
}

if (isMain(import.meta.url)) {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			runs: { type: 'string', default: '1' },
			cpu: { type: 'string', default: '1' },
			sessions: { type: 'string', default: '10000,138000' }
		}
	});
	await benchImport({
		noBuild: values['no-build'],
		runs: Number(values.runs),
		cpu: Number(values.cpu),
		sessions: values.sessions.split(',').map(Number)
	});
}
