// @ts-check
/**
 * Runs every bench in turn (bundle size, first frame, side by side with the framework's
 * floor, journal, Lighthouse, then the long phase accuracy run) and prints a summary as a
 * Markdown table for the README.
 *
 * Usage: node bench/run-all.js [--no-build] [--minutes 10] [--skip lighthouse,phase-accuracy]
 * Exits non-zero when a bench failed; the summary still shows the ones that ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
	RESULTS_DIR,
	ROOT,
	ensureBuild,
	environment,
	percentile,
	writeResult
} from './lib/common.js';

const BENCHES = [
	'bundle-size',
	'first-frame',
	'first-layout',
	'side-by-side',
	'long-tasks',
	'journal',
	'lighthouse',
	'phase-accuracy'
];

/**
 * The result a bench wrote during this run, or null.
 * @param {string} name
 * @param {number} since epoch ms
 * @returns {any}
 */
function freshResult(name, since) {
	const path = join(RESULTS_DIR, `${name}.json`);
	if (!existsSync(path)) return null;
	const data = JSON.parse(readFileSync(path, 'utf8'));
	return Date.parse(data.measuredAt) >= since ? data : null;
}

/**
 * @param {number} bytes
 */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/**
 * @param {number | null | undefined} ms
 */
const ms = (ms) => (ms === null || ms === undefined || Number.isNaN(ms) ? '-' : ms.toFixed(1));

/**
 * The summary rows: measure, result, target.
 * @param {Record<string, any>} r results by bench name (null when it did not run)
 * @param {Record<string, string>} status "ok", "skipped" or "failed (exit n)" per bench
 * @returns {string[][]}
 */
function summaryRows(r, status) {
	/** @type {string[][]} */
	const rows = [];
	const missing = (/** @type {string} */ name) => status[name] ?? 'did not run';

	const bundle = r['bundle-size'];
	if (bundle) {
		const { js, css } = bundle.breatheNow.totals;
		rows.push([
			'JS to open /nu, gzip (raw)',
			`${kb(js.gzip)} (${kb(js.raw)}), ${js.files} files`,
			`≤ ${kb(bundle.breatheNow.jsGzipBudget)}`
		]);
		rows.push(['CSS to open /nu, gzip (raw)', `${kb(css.gzip)} (${kb(css.raw)})`, '']);
		rows.push([
			'Precached by the service worker',
			`${kb(bundle.precache.total.raw)} in ${bundle.precache.total.files} files`,
			''
		]);
	} else rows.push(['Bundle size', missing('bundle-size'), '']);

	const first = r['first-frame'];
	if (first) {
		const range = (/** @type {{ p50: number, min: number, max: number }} */ v) =>
			`${ms(v.p50)} ms (${ms(v.min)}–${ms(v.max)})`;
		rows.push([
			`Pacer breathing on a direct load of /nu, offline, ${first.cpuThrottlingRate}x CPU: p50 (min–max)`,
			range(first.sessionStartMs),
			`< ${first.targetMs} ms`
		]);
		rows.push(['First contentful paint, same runs: p50 (min–max)', range(first.fcpMs), '']);
		rows.push(['App code drives the pacer (hydrated), same runs', range(first.firstFrameMs), '']);
		/** @type {{ longestTaskMs: number, longestFrameGapMs: number }[]} */
		const breathing = first.breathing.runs;
		if (breathing.length) {
			const most = (/** @type {number[]} */ values) => ms(Math.max(...values));
			rows.push([
				`Its first ${first.breathing.seconds} s of breathing, ${breathing.length} loads: the longest task, the longest wait between two frames`,
				`${most(breathing.map((b) => b.longestTaskMs))} ms, ${most(breathing.map((b) => b.longestFrameGapMs))} ms`,
				'≤ 50 ms, one frame'
			]);
		}
	} else rows.push(['Pacer first frame', missing('first-frame'), '< 300 ms']);

	const layout = r['first-layout'];
	if (layout) {
		/** @type {{ label: string, loads: { fcpMs: number, busyMs: number }[] }[]} */
		const apps = layout.apps;
		const median = (/** @type {number[]} */ values) =>
			percentile(
				[...values].sort((a, b) => a - b),
				50
			);
		rows.push([
			'Before the first contentful paint, traced: the paint and the main thread busy before it, median',
			apps
				.map(
					(app) =>
						`${app.label}: ${ms(median(app.loads.map((l) => l.fcpMs)))} ms, ${ms(median(app.loads.map((l) => l.busyMs)))} ms`
				)
				.join('; '),
			''
		]);
	} else rows.push(['Before the first contentful paint', missing('first-layout'), '']);

	const side = r['side-by-side'];
	if (side) {
		/** @type {{ id: string, label: string, floor?: string }[]} */
		const ways = side.waysIn;
		const labelOf = (/** @type {string | undefined} */ id) =>
			ways.find((w) => w.id === id)?.label ?? id;
		for (const way of ways.filter((w) => w.floor)) {
			const ratio = side.ratios.find(
				(/** @type {{ way: string, against: string }} */ c) =>
					c.way === way.id && c.against === way.floor
			)?.ratios.breathingMs.p50;
			rows.push([
				`Side by side, ${side.rounds} rounds, ${side.cpuThrottlingRate}x CPU: ${way.label}, ` +
					`pacer breathing p50 (per-round ratio to ${labelOf(way.floor)})`,
				`${ms(side.summaries[way.id]?.breathingMs.p50)} ms (${ratio?.toFixed(2) ?? '-'}x)`,
				''
			]);
		}
		for (const floor of ways.filter((w) => !w.floor)) {
			rows.push([
				`Side by side: ${floor.label}, p50`,
				`${ms(side.summaries[floor.id]?.breathingMs.p50)} ms`,
				''
			]);
		}
	} else rows.push(['Side by side with the framework floor', missing('side-by-side'), '']);

	const long = r['long-tasks'];
	if (long) {
		for (const { path, loads } of long.pages) {
			const sorted = loads
				.map((/** @type {{ longestAfterFcp: number }} */ l) => l.longestAfterFcp)
				.sort((/** @type {number} */ a, /** @type {number} */ b) => a - b);
			rows.push([
				`Longest task after the first paint of ${path}, ${long.cpu}x CPU: median of ${sorted.length} loads (0: none over 50 ms)`,
				`${percentile(sorted, 50)} ms`,
				path.endsWith('/nu') ? '≤ 50 ms' : ''
			]);
		}
	} else rows.push(['Long tasks after the first paint', missing('long-tasks'), '']);

	const journal = r.journal;
	if (journal) {
		const sizes = Object.keys(journal.results)
			.map(Number)
			.sort((a, b) => a - b);
		const big = sizes.at(-1);
		const cell = (/** @type {number | undefined} */ size, /** @type {string} */ key) => {
			const v = size === undefined ? undefined : journal.results[size]?.[key];
			return v ? `${ms(v.p50)} ms` : '-';
		};
		rows.push([
			`Journal, first page on screen, ${journal.cpu}x CPU: 30 → ${big} sessions (p50)`,
			`${cell(30, 'journalFirstPage')} → ${cell(big, 'journalFirstPage')}`,
			'no growth'
		]);
		rows.push([
			`Home, app code running: 0 → ${big} sessions (p50)`,
			`${cell(0, 'home')} → ${cell(big, 'home')}`,
			'no growth'
		]);
	} else rows.push(['Journal with a long history', missing('journal'), '']);

	const lh = r.lighthouse;
	if (lh?.available) {
		for (const page of lh.pages) {
			const s = page.scores;
			rows.push([
				`Lighthouse mobile ${page.path}: performance / accessibility / best practices`,
				`${s.performance ?? '-'} / ${s.accessibility ?? '-'} / ${s['best-practices'] ?? '-'}`,
				''
			]);
		}
	} else
		rows.push([
			'Lighthouse',
			lh?.reason ? `could not run: ${lh.reason}` : missing('lighthouse'),
			''
		]);

	const phase = r['phase-accuracy'];
	if (phase) {
		const label = phase.label.domChange;
		const cue = phase.cues.outputStamp;
		rows.push([
			`Phase label vs. boundary, ${phase.minutes} min: p50 / p99 / max`,
			`${ms(label.p50)} / ${ms(label.p99)} / ${ms(label.max)} ms (n=${label.n})`,
			`p99 ≤ ${phase.targetP99Ms} ms`
		]);
		rows.push([
			'Audio cue vs. boundary: p50 / p99 / max',
			`${ms(cue.p50)} / ${ms(cue.p99)} / ${ms(cue.max)} ms (n=${cue.n})`,
			`p99 ≤ ${phase.targetP99Ms} ms`
		]);
		const steady = phase.cues.outputStampAfterStart;
		if (steady) {
			rows.push([
				'Audio cue vs. boundary, leaving out the cue at 0 ms: p50 / p99 / max',
				`${ms(steady.p50)} / ${ms(steady.p99)} / ${ms(steady.max)} ms (n=${steady.n})`,
				`p99 ≤ ${phase.targetP99Ms} ms`
			]);
		}
		rows.push([
			'Drift: mean label error, first → last minute',
			`${ms(label.firstMinuteMean)} → ${ms(label.lastMinuteMean)} ms`,
			'no growth'
		]);
	} else rows.push(['Phase accuracy', missing('phase-accuracy'), 'p99 ≤ 17 ms']);
	return rows;
}

/**
 * @param {string[][]} rows
 */
function markdownTable(rows) {
	const escape = (/** @type {string} */ cell) => cell.replaceAll('|', '\\|');
	return [
		'| Measure | Result | Target |',
		'| --- | --- | --- |',
		...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)
	].join('\n');
}

function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			minutes: { type: 'string', default: '10' },
			skip: { type: 'string', default: '' }
		},
		strict: true
	});
	const skip = new Set(values.skip.split(',').filter(Boolean));
	const unknown = [...skip].filter((name) => !BENCHES.includes(name));
	if (unknown.length) throw new Error(`--skip: unknown bench ${unknown.join(', ')}`);

	// Build once here; the benches themselves then never build.
	ensureBuild({ noBuild: values['no-build'] });
	const since = Date.now();

	/** @type {Record<string, string>} */
	const status = {};
	for (const name of BENCHES) {
		if (skip.has(name)) {
			status[name] = 'skipped';
			continue;
		}
		const args = [join('bench', `${name}.js`), '--no-build'];
		if (name === 'phase-accuracy') args.push('--minutes', values.minutes);
		console.log(`\n=== ${name} ===\n`);
		const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
		status[name] = run.status === 0 ? 'ok' : `failed (exit ${run.status ?? run.signal})`;
	}

	/** @type {Record<string, any>} */
	const results = Object.fromEntries(BENCHES.map((name) => [name, freshResult(name, since)]));
	const env = environment();
	const date = new Date().toISOString().slice(0, 10);
	const markdown = [
		`Measured ${date} on ${env.cpus} CPU(s) (${env.cpuModel ?? 'unknown CPU'}), ` +
			`${env.chromium ?? 'Chromium'}, headless.`,
		'',
		markdownTable(summaryRows(results, status))
	].join('\n');

	console.log('\n=== Summary (Markdown) ===\n');
	console.log(markdown);
	const failed = Object.entries(status).filter(([, s]) => s.startsWith('failed'));
	if (failed.length)
		console.log(`\nFailed: ${failed.map(([name, s]) => `${name} ${s}`).join(', ')}`);

	const path = writeResult('run-all', {
		measuredAt: new Date().toISOString(),
		environment: env,
		status,
		markdown
	});
	writeFileSync(join(RESULTS_DIR, 'summary.md'), markdown + '\n');
	console.log(`\nWrote ${relative(process.cwd(), path)} and bench/results/summary.md`);
	if (failed.length) process.exitCode = 1;
}

try {
	main();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
