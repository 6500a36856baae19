// @ts-check
/**
 * How many bytes of JavaScript and CSS the browser must load to run /nu ("Adem nu"), raw and
 * gzipped, against the budget of 45 KB of gzipped JS. Its pacer breathes by CSS before any
 * of it: /nu's boot asks for the JavaScript after the first frame (src/lib/platform/
 * crisis-page.ts); tests/budget.spec.ts checks that, and what /nu loads in its first 5 s.
 *
 * The set is read from the prerendered page, as the browser would find it:
 *  - <link rel="modulepreload"> and <link rel="stylesheet"> in build/nu.html,
 *  - <script src> and the import("...") calls of the inline start-up script (SvelteKit's
 *    entry files), and the preloads a crisis page's boot adds after its first frame,
 *  - and, recursively, the static imports inside those files (`import{a}from"./x.js"`,
 *    `import"./x.js"`, `export{a}from"./x.js"`), but not dynamic import(): the player loads
 *    sound (Howler) and storage (Dexie) that way after the first frame.
 *
 * A second figure is everything the service worker precaches: every file in build/.
 *
 * Usage: node bench/bundle-size.js [--no-build] [--page nu.html]
 * Importable: measureBreatheNowBytes(buildDir) and measurePrecacheBytes(buildDir).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { keptOffline } from '../src/lib/platform/offline-files.js';
import { BUILD_DIR, ensureBuild, formatTable, isMain, kb, writeResult } from './lib/common.js';

/** The budget for /nu: 45 KB of gzipped JavaScript. */
export const JS_GZIP_BUDGET_BYTES = 46_080;

/**
 * @typedef {object} FileSize
 * @property {string} file path relative to the build directory, with forward slashes
 * @property {'js' | 'css'} kind
 * @property {number} raw bytes on disk
 * @property {number} gzip bytes after gzip level 9
 * @property {string} via why it is loaded: "modulepreload", "stylesheet", "script" or the
 *   file that imports it
 */

/**
 * @typedef {object} Totals
 * @property {number} raw
 * @property {number} gzip
 * @property {number} files
 */

/**
 * @typedef {object} BreatheNowBytes
 * @property {string} page the HTML file measured
 * @property {FileSize[]} files in the order they were found
 * @property {{ js: Totals, css: Totals, all: Totals }} totals
 * @property {{ raw: number, gzip: number }} html the page itself (not in the totals)
 * @property {number} jsGzipBudget
 * @property {boolean} withinBudget gzipped JS at or under the budget
 */

/**
 * Bytes of `buffer` after gzip at level 9.
 * @param {Buffer} buffer
 */
export function gzipSize(buffer) {
	return gzipSync(buffer, { level: 9 }).length;
}

/**
 * Attribute value `name` of an HTML start tag (quoted or not), or undefined.
 * @param {string} tag
 * @param {string} name
 */
function attribute(tag, name) {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * What an HTML page asks for before any of its JavaScript runs.
 * @param {string} html
 * @returns {{ href: string, kind: 'js' | 'css', via: string }[]}
 */
export function pageResources(html) {
	/** @type {{ href: string, kind: 'js' | 'css', via: string }[]} */
	const found = [];
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attribute(tag, 'href');
		if (!href) continue;
		if (rel.includes('modulepreload')) found.push({ href, kind: 'js', via: 'modulepreload' });
		else if (rel.includes('stylesheet')) found.push({ href, kind: 'css', via: 'stylesheet' });
	}
	for (const [, attrs = '', body = ''] of html.matchAll(
		/<script\b([^>]*)>([\s\S]*?)<\/script>/gi
	)) {
		const src = attribute(`<script ${attrs}>`, 'src');
		if (src) found.push({ href: src, kind: 'js', via: 'script' });
		// SvelteKit starts the app with import("./_app/immutable/entry/...") in an inline script.
		for (const [, , spec = ''] of body.matchAll(/\bimport\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
			found.push({ href: spec, kind: 'js', via: 'script' });
		}
		// A crisis page adds its preloads from the boot, after its first frame
		// (src/lib/platform/crisis-page.ts).
		const deferred = /(\[[^\]]*\])\.forEach\(function \(href\)/.exec(body);
		for (const href of deferred ? /** @type {string[]} */ (JSON.parse(deferred[1] ?? '[]')) : []) {
			found.push({ href, kind: 'js', via: 'boot, after the first frame' });
		}
	}
	return found;
}

/**
 * Relative specifiers of the static imports and re-exports in an ES module. Written for
 * the minified chunks in build/_app/immutable, which look like
 * `import{a as b}from"./x.js"`, `import"./x.js"` and `export{a as b}from"../y.js"`.
 * `import(...)` never matches: after `import` the pattern needs a quote or a clause that
 * ends in `from`, and neither may contain a parenthesis.
 * @param {string} code
 */
export function staticImports(code) {
	const pattern =
		/(?<![\w$.])(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?(["'`])(\.{1,2}\/[^'"`]+)\1/g;
	return [...code.matchAll(pattern)].map((match) => /** @type {string} */ (match[2]));
}

/**
 * The file in `buildDir` that a URL found in `fromFile` points at.
 * @param {string} buildDir
 * @param {string} fromFile absolute path of the HTML or JS file holding the URL
 * @param {string} url
 */
function resolveUrl(buildDir, fromFile, url) {
	const path = url.split(/[?#]/)[0] ?? url;
	if (/^[a-z]+:/i.test(path) || path.startsWith('//')) {
		throw new Error(`${relative(buildDir, fromFile)} loads ${url} from elsewhere`);
	}
	return path.startsWith('/') ? join(buildDir, path) : resolve(dirname(fromFile), path);
}

/**
 * @param {string} buildDir
 * @param {string} file absolute path
 */
function display(buildDir, file) {
	return relative(buildDir, file).split(sep).join('/');
}

/**
 * The JavaScript and CSS that `page` (default nu.html, the "Adem nu" page) needs before its
 * first frame, with raw and gzipped sizes.
 * @param {string} [buildDir]
 * @param {string} [page] HTML file inside buildDir
 * @returns {BreatheNowBytes}
 */
export function measureBreatheNowBytes(buildDir = BUILD_DIR, page = 'nu.html') {
	const htmlFile = join(buildDir, page);
	const htmlBytes = readFileSync(htmlFile);

	/** @type {Map<string, FileSize>} */
	const seen = new Map();
	/** @type {{ file: string, kind: 'js' | 'css', via: string }[]} */
	const queue = pageResources(htmlBytes.toString('utf8')).map(({ href, kind, via }) => ({
		file: resolveUrl(buildDir, htmlFile, href),
		kind,
		via
	}));

	while (queue.length > 0) {
		const { file, kind, via } = /** @type {(typeof queue)[number]} */ (queue.shift());
		if (seen.has(file)) continue;
		const bytes = readFileSync(file);
		seen.set(file, {
			file: display(buildDir, file),
			kind,
			raw: bytes.length,
			gzip: gzipSize(bytes),
			via
		});
		const text = bytes.toString('utf8');
		if (kind === 'js') {
			for (const spec of staticImports(text)) {
				queue.push({
					file: resolveUrl(buildDir, file, spec),
					kind: 'js',
					via: display(buildDir, file)
				});
			}
		} else {
			// A stylesheet's own @import is loaded before it applies, too.
			for (const [, , spec = ''] of text.matchAll(/@import\s+(?:url\()?\s*(["'])([^"']+)\1/g)) {
				queue.push({
					file: resolveUrl(buildDir, file, spec),
					kind: 'css',
					via: display(buildDir, file)
				});
			}
		}
	}

	const files = [...seen.values()];
	/** @param {FileSize[]} list @returns {Totals} */
	const total = (list) => ({
		raw: list.reduce((sum, f) => sum + f.raw, 0),
		gzip: list.reduce((sum, f) => sum + f.gzip, 0),
		files: list.length
	});
	const js = total(files.filter((f) => f.kind === 'js'));
	return {
		page,
		files,
		totals: { js, css: total(files.filter((f) => f.kind === 'css')), all: total(files) },
		html: { raw: htmlBytes.length, gzip: gzipSize(htmlBytes) },
		jsGzipBudget: JS_GZIP_BUDGET_BYTES,
		withinBudget: js.gzip <= JS_GZIP_BUDGET_BYTES
	};
}

/**
 * Every file under `dir`, as absolute paths.
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? walk(path) : [path];
	});
}

/**
 * @typedef {object} PrecacheBytes
 * @property {Totals} total everything the service worker precaches
 * @property {Record<string, Totals>} byType js, css, html, audio, image, other
 * @property {{ raw: number, gzip: number }} serviceWorker the worker script itself (not in total)
 */

/**
 * Bytes the service worker precaches: every file in build/ except the worker itself and the
 * static files it leaves to the network (src/lib/platform/offline-files.js: the icons only an
 * install asks for).
 * @param {string} [buildDir]
 * @returns {PrecacheBytes}
 */
export function measurePrecacheBytes(buildDir = BUILD_DIR) {
	/** @type {Record<string, string>} */
	const typeOf = {
		'.js': 'js',
		'.css': 'css',
		'.html': 'html',
		'.wav': 'audio',
		'.mp3': 'audio',
		'.ogg': 'audio',
		'.webm': 'audio',
		'.png': 'image',
		'.svg': 'image',
		'.webp': 'image',
		'.ico': 'image'
	};
	/** @type {Record<string, Totals>} */
	const byType = {};
	const total = { raw: 0, gzip: 0, files: 0 };
	let serviceWorker = { raw: 0, gzip: 0 };
	for (const file of walk(buildDir)) {
		const bytes = readFileSync(file);
		const size = { raw: statSync(file).size, gzip: gzipSize(bytes) };
		if (display(buildDir, file) === 'service-worker.js') {
			serviceWorker = size;
			continue;
		}
		if (!keptOffline(`/${display(buildDir, file)}`)) continue;
		const type = typeOf[extname(file).toLowerCase()] ?? 'other';
		const bucket = (byType[type] ??= { raw: 0, gzip: 0, files: 0 });
		for (const t of [bucket, total]) {
			t.raw += size.raw;
			t.gzip += size.gzip;
			t.files += 1;
		}
	}
	return { total, byType, serviceWorker };
}

function main() {
	const { values } = parseArgs({
		options: { 'no-build': { type: 'boolean', default: false }, page: { type: 'string' } },
		strict: true
	});
	ensureBuild({ noBuild: values['no-build'] });

	const now = measureBreatheNowBytes(BUILD_DIR, values.page ?? 'nu.html');
	console.log(
		`Bytes needed to open /${now.page.replace(/\.html$/, '')} before the pacer's first frame`
	);
	console.log('(static imports followed; dynamic import() left out; gzip level 9)\n');
	console.log(
		formatTable(
			['file', 'kind', 'raw', 'gzip', 'loaded via'],
			now.files.map((f) => [f.file, f.kind, f.raw, f.gzip, f.via])
		)
	);
	const { js, css, all } = now.totals;
	console.log('');
	console.log(
		formatTable(
			['total', 'files', 'raw', 'gzip'],
			[
				['JavaScript', js.files, `${js.raw} (${kb(js.raw)})`, `${js.gzip} (${kb(js.gzip)})`],
				['CSS', css.files, `${css.raw} (${kb(css.raw)})`, `${css.gzip} (${kb(css.gzip)})`],
				['JS + CSS', all.files, `${all.raw} (${kb(all.raw)})`, `${all.gzip} (${kb(all.gzip)})`],
				[`${now.page} itself`, 1, now.html.raw, now.html.gzip]
			]
		)
	);
	const share = ((js.gzip / now.jsGzipBudget) * 100).toFixed(0);
	console.log(
		`\nJS gzip ${kb(js.gzip)} of the ${kb(now.jsGzipBudget)} budget (${share}%): ` +
			(now.withinBudget ? 'within budget' : `OVER by ${kb(js.gzip - now.jsGzipBudget)}`)
	);

	const precache = measurePrecacheBytes(BUILD_DIR);
	console.log(
		'\nEverything the service worker precaches (build/ but the worker and the install-only icons)\n'
	);
	console.log(
		formatTable(
			['type', 'files', 'raw', 'gzip'],
			[
				...Object.entries(precache.byType)
					.sort(([, a], [, b]) => b.raw - a.raw)
					.map(([type, t]) => [type, t.files, kb(t.raw), kb(t.gzip)]),
				['total', precache.total.files, kb(precache.total.raw), kb(precache.total.gzip)]
			]
		)
	);
	console.log(`(service-worker.js itself: ${kb(precache.serviceWorker.raw)} raw)`);

	const path = writeResult('bundle-size', {
		measuredAt: new Date().toISOString(),
		breatheNow: now,
		precache
	});
	console.log(`\nWrote ${relative(process.cwd(), path)}`);
}

if (isMain(import.meta.url)) {
	try {
		main();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}
