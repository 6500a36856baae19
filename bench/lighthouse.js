// @ts-check
/**
 * Lighthouse mobile scores (performance, accessibility, best practices) for / and /nu,
 * served by a preview server of its own. Lighthouse's default settings are the mobile ones:
 * a Moto G Power-sized screen, simulated slow 4G and a 4x slower CPU.
 *
 * If Lighthouse cannot run here (not installed, Chromium missing or refusing to start), the
 * script says why, records that in the result and exits 0: the other benches still count.
 *
 * Usage: node bench/lighthouse.js [--no-build] [--paths /,/nu]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
	CHROMIUM_PATH,
	ensureBuild,
	environment,
	formatTable,
	isMain,
	startPreview,
	writeResult
} from './lib/common.js';

export const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices']);

const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Dutch, so that the start-up script in the page does not redirect to /en/.
	'--lang=nl-NL',
	'--accept-lang=nl-NL,nl'
];

/**
 * @typedef {object} PageScores
 * @property {string} path
 * @property {string} finalUrl where Lighthouse ended up (a redirect would show here)
 * @property {Record<string, number | null>} scores 0..100 per category
 * @property {Record<string, number>} metrics milliseconds (CLS unitless)
 * @property {Record<string, string[]>} failing audits that lost points, per category
 * @property {string[]} consoleErrors errors the page logged while Lighthouse watched
 * @property {string[]} warnings Lighthouse's own run warnings
 */

// Lighthouse is a large dependency used only here, so it is not in package.json: it is
// installed on first use into bench/.tools (ignored by git) from the npm registry.
const TOOLS_DIR = fileURLToPath(new URL('./.tools/', import.meta.url));
const TOOLS = ['lighthouse@12.8.2', 'chrome-launcher@1.2.1'];

/** The file URL of a package's entry in bench/.tools. @param {string} name @param {string} main */
function toolUrl(name, main) {
	return pathToFileURL(join(TOOLS_DIR, 'node_modules', name, main)).href;
}

/**
 * Installs the tools if needed. Returns why Lighthouse cannot run, or null when it can.
 * @returns {Promise<string | null>}
 */
async function whyNotRunnable() {
	if (!existsSync(CHROMIUM_PATH))
		return `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`;
	if (!existsSync(join(TOOLS_DIR, 'node_modules', 'lighthouse'))) {
		console.log(`Installing ${TOOLS.join(' and ')} into bench/.tools (first run only)...`);
		try {
			mkdirSync(TOOLS_DIR, { recursive: true });
			execFileSync('npm', ['install', '--prefix', TOOLS_DIR, '--no-audit', '--no-fund', ...TOOLS], {
				stdio: ['ignore', 'ignore', 'inherit']
			});
		} catch (error) {
			return `could not install Lighthouse: ${error instanceof Error ? error.message : error}`;
		}
	}
	return null;
}

/**
 * Runs Lighthouse's mobile audit of each path on `origin`, each in a Chromium of its own
 * (so that data one page stored, such as IndexedDB, cannot affect the next).
 * @param {string} origin
 * @param {string[]} paths
 * @returns {Promise<PageScores[]>}
 */
export async function lighthouseScores(origin, paths) {
	/** @type {{ default: (url: string, flags: object, config: object) => Promise<any> }} */
	const { default: lighthouse } = await import(toolUrl('lighthouse', 'core/index.js'));
	/** @type {{ launch: (options: object) => Promise<{ port: number, kill: () => void }> }} */
	const chromeLauncher = await import(toolUrl('chrome-launcher', 'dist/index.js'));
	/** @type {PageScores[]} */
	const pages = [];
	for (const path of paths) {
		const chrome = await chromeLauncher.launch({
			chromePath: CHROMIUM_PATH,
			chromeFlags: CHROME_FLAGS,
			logLevel: 'silent'
		});
		try {
			const result = await lighthouse(
				`${origin}${path}`,
				{ port: chrome.port, logLevel: 'error', output: 'json' },
				{
					extends: 'lighthouse:default',
					settings: { formFactor: 'mobile', onlyCategories: [...CATEGORIES] }
				}
			);
			if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
			const { lhr } = result;
			if (lhr.runtimeError) {
				throw new Error(
					`Lighthouse failed on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`
				);
			}
			/** @type {Record<string, number | null>} */
			const scores = {};
			/** @type {Record<string, string[]>} */
			const failing = {};
			for (const id of CATEGORIES) {
				const category = lhr.categories[id];
				scores[id] =
					category?.score === null || category?.score === undefined
						? null
						: Math.round(category.score * 100);
				failing[id] = (category?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0)
					.map((ref) => lhr.audits[ref.id])
					.filter((audit) => audit && audit.score !== null && audit.score < 0.9)
					.map((audit) => `${audit?.title} (${Math.round((audit?.score ?? 0) * 100)})`);
			}
			/** @type {Record<string, number>} */
			const metrics = {};
			for (const id of [
				'first-contentful-paint',
				'largest-contentful-paint',
				'total-blocking-time',
				'cumulative-layout-shift',
				'speed-index',
				'interactive'
			]) {
				const value = lhr.audits[id]?.numericValue;
				if (value !== undefined) metrics[id] = Math.round(value * 1000) / 1000;
			}
			pages.push({
				path,
				finalUrl: lhr.finalDisplayedUrl,
				scores,
				metrics,
				failing,
				consoleErrors: consoleErrors(lhr.audits['errors-in-console']),
				warnings: lhr.runWarnings
			});
		} finally {
			chrome.kill();
		}
	}
	return pages;
}

/**
 * The messages behind a failing "errors in console" audit.
 * @param {{ details?: unknown } | undefined} audit
 * @returns {string[]}
 */
function consoleErrors(audit) {
	const details =
		/** @type {{ items?: { description?: string, source?: string }[] } | undefined} */ (
			audit?.details
		);
	return (details?.items ?? []).map(
		(item) => `${item.source ?? 'console'}: ${item.description ?? ''}`
	);
}

async function main() {
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			paths: { type: 'string', default: '/,/nu' }
		},
		strict: true
	});
	const paths = values.paths.split(',').map((p) => p.trim());

	const reason = await whyNotRunnable();
	if (reason) {
		console.log(`Lighthouse cannot run here: ${reason}`);
		writeResult('lighthouse', { measuredAt: new Date().toISOString(), available: false, reason });
		return;
	}
	ensureBuild({ noBuild: values['no-build'] });

	const preview = await startPreview();
	try {
		console.log(`Lighthouse (mobile) for ${paths.join(', ')} ...`);
		const pages = await lighthouseScores(preview.origin, paths);
		console.log('');
		console.log(
			formatTable(
				['page', ...CATEGORIES, 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
				pages.map((p) => [
					p.path,
					...CATEGORIES.map((c) => p.scores[c] ?? '-'),
					Math.round(p.metrics['first-contentful-paint'] ?? NaN),
					Math.round(p.metrics['largest-contentful-paint'] ?? NaN),
					Math.round(p.metrics['total-blocking-time'] ?? NaN),
					(p.metrics['cumulative-layout-shift'] ?? NaN).toFixed(3)
				])
			)
		);
		for (const p of pages) {
			const lost = Object.entries(p.failing).filter(([, audits]) => audits.length > 0);
			const expectedUrl = `${preview.origin}${p.path}`;
			if (p.finalUrl !== expectedUrl) console.log(`\n${p.path} ended up at ${p.finalUrl}`);
			if (lost.length) {
				console.log(`\n${p.path}: audits below 90`);
				for (const [category, audits] of lost) console.log(`  ${category}: ${audits.join('; ')}`);
			}
			for (const error of p.consoleErrors) console.log(`  console error on ${p.path}: ${error}`);
			for (const warning of p.warnings)
				console.log(`  Lighthouse warning for ${p.path}: ${warning}`);
		}
		const path = writeResult('lighthouse', {
			measuredAt: new Date().toISOString(),
			environment: environment(),
			available: true,
			formFactor: 'mobile',
			pages: pages.map((p) => ({ ...p, finalUrl: p.finalUrl.replace(preview.origin, '') }))
		});
		console.log(`\nWrote ${relative(process.cwd(), path)}`);
	} finally {
		await preview.close();
	}
}

if (isMain(import.meta.url)) {
	main().catch((error) => {
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		console.error(`Lighthouse could not complete: ${message}`);
		writeResult('lighthouse', {
			measuredAt: new Date().toISOString(),
			available: false,
			reason: message.split('\n')[0]
		});
		process.exit(1);
	});
}
