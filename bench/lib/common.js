// @ts-check
/**
 * Shared helpers for the bench/ scripts: paths, building, a private preview server,
 * launching Chromium, statistics, tables and writing results.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILD_DIR = join(ROOT, 'build');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for every Chromium the benches start: no sandbox (root in a container), no extras. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/**
 * The first port tried for a bench's own preview server (4173 may be someone else's);
 * BENCH_FIRST_PORT moves the range when several checkouts share a machine.
 */
export const FIRST_BENCH_PORT = Number(process.env.BENCH_FIRST_PORT || 4180);

/**
 * True when the module at `metaUrl` is the script node was started with (not imported).
 * @param {string} metaUrl import.meta.url of the calling module
 */
export function isMain(metaUrl) {
	const script = process.argv[1];
	return script !== undefined && metaUrl === pathToFileURL(resolve(script)).href;
}

/**
 * Builds the app with `npm run build` when build/ is missing, unless `noBuild` is set.
 * @param {{ noBuild?: boolean }} [options]
 */
export function ensureBuild({ noBuild = false } = {}) {
	if (existsSync(join(BUILD_DIR, 'index.html'))) return;
	if (noBuild) {
		throw new Error(`${BUILD_DIR} is missing and --no-build was given; run "npm run build" first`);
	}
	console.log('build/ is missing: running "npm run build" ...');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`"npm run build" failed (exit ${result.status})`);
}

/**
 * Resolves to true when nothing listens on 127.0.0.1:`port`.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function portIsFree(port) {
	return new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

/**
 * The first free port from `from` on.
 * @param {number} from
 */
export async function freePort(from = FIRST_BENCH_PORT) {
	for (let port = from; port < from + 100; port++) {
		if (await portIsFree(port)) return port;
	}
	throw new Error(`No free port in ${from}..${from + 99}`);
}

/**
 * @typedef {object} Preview
 * @property {string} origin for example http://localhost:4180
 * @property {number} port
 * @property {() => Promise<void>} close stops the server (only the process started here)
 */

/**
 * Starts `vite preview` on a free port of its own and waits until it answers.
 * @param {{ port?: number, root?: string }} [options] root: the project to serve (default
 *   this one); it needs its own node_modules/.bin/vite
 * @returns {Promise<Preview>}
 */
export async function startPreview({ port, root = ROOT } = {}) {
	const chosen = port ?? (await freePort());
	const child = spawn(
		join(root, 'node_modules', '.bin', 'vite'),
		['preview', '--port', String(chosen), '--strictPort'],
		{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	/** @type {string[]} */
	const output = [];
	child.stdout.on('data', (chunk) => output.push(String(chunk)));
	child.stderr.on('data', (chunk) => output.push(String(chunk)));
	const exited = new Promise((done) => child.once('exit', done));

	// The service worker only works on a secure context: localhost counts as one.
	const origin = `http://localhost:${chosen}`;
	// Do not leave a server behind when the bench is interrupted.
	const onSignal = () => {
		child.kill('SIGTERM');
		// After the other handlers of this signal: a bench may have started two servers.
		setImmediate(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const close = async () => {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
			await exited;
			clearTimeout(timer);
		}
	};

	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`vite preview exited early (${child.exitCode}):\n${output.join('')}`);
		}
		try {
			const response = await fetch(`${origin}/`);
			if (response.ok) return { origin, port: chosen, close };
		} catch {
			// Not listening yet.
		}
		await sleep(200);
	}
	await close();
	throw new Error(`vite preview did not answer on ${origin} within 30 s:\n${output.join('')}`);
}

/**
 * Launches Chromium through playwright-core (never a downloaded browser).
 * @param {{ args?: string[], headless?: boolean }} [options]
 */
export async function launchChromium({ args = [], headless = true } = {}) {
	const { chromium } = await import('playwright-core');
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
	}
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless,
		args: [...CHROMIUM_ARGS, ...args]
	});
}

/**
 * Opens `url` online in a new tab and waits until the service worker has installed
 * (precaching everything) and controls the page, reloading once if needed; then closes the
 * tab. From then on the context may go offline.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {string[]} problems page errors seen meanwhile are added here
 */
export async function installServiceWorker(context, url, problems) {
	const page = await context.newPage();
	const path = new URL(url).pathname;
	page.on('pageerror', (error) => problems.push(`page error on ${path}: ${error.message}`));
	await page.goto(url, { waitUntil: 'load' });
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
		await page.reload({ waitUntil: 'load' });
	}
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
		throw new Error(`The service worker does not control ${url}, even after a reload`);
	}
	await page.close();
}

/**
 * The machine a result was measured on: timings on a busy 2-core box are noisy, so results
 * carry the load at the time.
 */
export function environment() {
	const version = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
	return {
		node: process.version,
		chromium: version.stdout?.trim() || null,
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? null,
		loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100
	};
}

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function sleep(ms) {
	return new Promise((done) => setTimeout(done, ms));
}

/**
 * Writes `data` to bench/results/<name>.json and returns the path.
 * @param {string} name
 * @param {unknown} data
 */
export function writeResult(name, data) {
	mkdirSync(RESULTS_DIR, { recursive: true });
	const path = join(RESULTS_DIR, `${name}.json`);
	writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
	return path;
}

/**
 * The p-th percentile (0..100) of ascending `sorted`, by the nearest-rank method.
 * @param {number[]} sorted
 * @param {number} p
 */
export function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return /** @type {number} */ (sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
}

/**
 * @typedef {object} Summary
 * @property {number} n
 * @property {number} min
 * @property {number} p50
 * @property {number} p99
 * @property {number} max
 * @property {number} mean
 */

/**
 * Count, min, median, p99, max and mean of `values` (NaN when empty).
 * @param {number[]} values
 * @returns {Summary}
 */
export function summarize(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mean = sorted.length ? sorted.reduce((sum, v) => sum + v, 0) / sorted.length : NaN;
	return {
		n: sorted.length,
		min: sorted.length ? /** @type {number} */ (sorted[0]) : NaN,
		p50: percentile(sorted, 50),
		p99: percentile(sorted, 99),
		max: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : NaN,
		mean
	};
}

/**
 * Rounds to `digits` decimals, for JSON results that stay readable.
 * @param {number} value
 * @param {number} [digits]
 */
export function round(value, digits = 1) {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/**
 * A plain-text table: the first column left-aligned, the others right-aligned.
 * @param {string[]} header
 * @param {(string | number)[][]} rows
 */
export function formatTable(header, rows) {
	const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
	const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
	const line = (/** @type {string[]} */ row) =>
		row
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
			.join('  ');
	const rule = widths.map((w) => '-'.repeat(w)).join('  ');
	return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}

/**
 * Bytes as "12.3 KB" (1 KB = 1024 bytes).
 * @param {number} bytes
 */
export function kb(bytes) {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The events named `name` on one thread of a trace that overlap [from, to) (µs), leaving out
 * those inside another of that name (some nest in themselves); sorted by start.
 * @param {any[]} events trace events
 * @param {string} name
 * @param {{ pid: number, tid: number }} thread
 * @param {number} from
 * @param {number} to
 * @returns {any[]}
 */
export function outermostEvents(events, name, thread, from, to) {
	const found = events
		.filter(
			(e) =>
				e.name === name &&
				e.ph === 'X' &&
				e.pid === thread.pid &&
				e.tid === thread.tid &&
				e.ts < to &&
				e.ts + e.dur > from
		)
		.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
	/** @type {any[]} */
	const outer = [];
	let end = -Infinity;
	for (const e of found) {
		if (e.ts < end) continue;
		outer.push(e);
		end = e.ts + e.dur;
	}
	return outer;
}

/**
 * A trace's top-level tasks on one thread that overlap [from, to) (µs), sorted by start.
 * Chromium names them `ThreadControllerImpl::RunTask` or, in older builds, `RunTask`, and may
 * nest one in the other, so one name is used.
 * @param {any[]} events trace events
 * @param {{ pid: number, tid: number }} thread
 * @param {number} from
 * @param {number} to
 * @returns {any[]}
 */
export function topLevelTasks(events, thread, from, to) {
	const tasks = outermostEvents(events, 'ThreadControllerImpl::RunTask', thread, from, to);
	return tasks.length ? tasks : outermostEvents(events, 'RunTask', thread, from, to);
}
