import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	bootHomeAfterFirstFrame,
	bootIslandAfterFirstFrame,
	isCrisisPath,
	isHomePath,
	islandFiles
} from './crisis-page';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

const BOOT = `
				{
					__sveltekit_x = { base: "" };
					const element = document.currentScript.parentElement;
					Promise.all([
						import("/_app/immutable/entry/start.js"),
						import("/_app/immutable/entry/app.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 11] });
					});
				}
			`;

/** The prerendered home screen as SvelteKit writes it, reduced to the parts the rewrite touches. */
const page = (boot = BOOT) => `<html><head>
<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-${sha256(boot)}'">
		<link href="/_app/immutable/entry/start.js" rel="modulepreload">
		<link href="/_app/immutable/chunks/a.js" rel="modulepreload">
</head><body><div><main><div data-home-island=""><!--[--><a>Adem nu</a><!--]--></div></main>
<script>${boot}</script></div></body></html>`;

/** The home screen's island. */
const HOME_ISLAND = {
	entry: '/_app/immutable/chunks/home.js',
	preloads: ['/_app/immutable/chunks/home.js', '/_app/immutable/chunks/svelte.js']
};

const scriptOf = (html: string) => /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';

/**
 * Runs the rewritten boot of the home screen with `count` preloads of SvelteKit's against a
 * stand-in for the browser: `next()` runs the next queued frame or task. SvelteKit's start is a
 * stand-in too. `lockSet`: the quick copy of whether an app lock is set (null: none stored).
 */
function runBoot(count: number, lockSet: string | null | Error = '1') {
	const start = `
				{
					const element = document.currentScript.parentElement;
					Promise.all([
						element
					]).then(([found]) => {
						found.booted = true;
						found.storageOpenAtStart = found.storageOpen();
					});
				}
			`;
	const links = Array.from(
		{ length: count },
		(_, i) => `<link href="/_app/immutable/chunks/${i}.js" rel="modulepreload">\n`
	).join('');
	const html = bootHomeAfterFirstFrame(
		page(start)
			.replace(/<link[^>]*>\n/g, '')
			.replace('</head>', `${links}</head>`),
		HOME_ISLAND,
		sha256
	);
	const element = {
		booted: false,
		storageOpenAtStart: false,
		storageOpen: () => state.storageOpen
	};
	const state = {
		added: [] as string[],
		/** Modules asked for with import(). */
		imported: [] as string[],
		storageOpen: false,
		tasks: [] as (() => void)[],
		leaving: false,
		onPageshow: [] as (() => void)[],
		/** Whether sessionStorage had been opened when the start ran. */
		storageOpenAtStart: () => element.storageOpenAtStart,
		/** Whether the start ran, once the promises it waits for have settled. */
		async booted() {
			await new Promise((settled) => setTimeout(settled, 0));
			return element.booted;
		},
		next() {
			state.tasks.shift()?.();
		},
		pageshow() {
			const listeners = state.onPageshow.splice(0);
			listeners.forEach((listener) => listener());
		}
	};
	const document = {
		currentScript: { parentElement: element },
		documentElement: { hasAttribute: (name: string) => name === 'data-leaving' && state.leaving },
		createElement: () => ({ rel: '', href: '' }),
		head: { appendChild: (link: { href: string }) => state.added.push(link.href) }
	};
	new Function(
		'document',
		'requestAnimationFrame',
		'setTimeout',
		'addEventListener',
		'sessionStorage',
		'localStorage',
		'importModule',
		// A module is asked for by import(), which a function has no loader for: the stand-in
		// records what was asked for.
		scriptOf(html).replace(/\bimport\(/g, 'importModule(')
	)(
		document,
		(callback: () => void) => state.tasks.push(callback),
		(callback: () => void) => state.tasks.push(callback),
		(type: string, listener: () => void) => type === 'pageshow' && state.onPageshow.push(listener),
		{
			get length() {
				state.storageOpen = true;
				return 0;
			}
		},
		{
			getItem(key: string) {
				if (lockSet instanceof Error) throw lockSet;
				return key === 'rustpunt:lock-set' ? lockSet : null;
			}
		},
		(url: string) => state.imported.push(url)
	);
	return state;
}

describe('the boot of a page', () => {
	it('is the island for /nu in either language, with or without .html', () => {
		expect(['/nu', '/en/nu', '/nu.html', '/en/nu/'].every(isCrisisPath)).toBe(true);
		expect(['/', '/en', '/hulp', '/nu/x'].some(isCrisisPath)).toBe(false);
	});

	it("is the home screen's own for / and /en, and for no other page", () => {
		expect(['/', '/en', '/en.html', '/en/'].every(isHomePath)).toBe(true);
		expect(['/nu', '/hulp', '/en/hulp', '/dagboek'].some(isHomePath)).toBe(false);
	});
});

describe('the home screen', () => {
	it('asks for no script in its head: the preloads move into the boot', () => {
		const html = bootHomeAfterFirstFrame(page(), HOME_ISLAND, sha256);
		expect(html).not.toMatch(/<link[^>]*modulepreload/);
		expect(scriptOf(html)).toContain(
			'["/_app/immutable/entry/start.js","/_app/immutable/chunks/a.js"]'
		);
		expect(scriptOf(html)).toContain(JSON.stringify(HOME_ISLAND.preloads));
	});

	it('boots after a frame and a task, not while the page is parsed', () => {
		const script = scriptOf(bootHomeAfterFirstFrame(page(), HOME_ISLAND, sha256));
		expect(script).toMatch(/requestAnimationFrame\(function \(\) \{ setTimeout\(boot, 0\); \}\);/);
		// The element is still found while the script runs (document.currentScript).
		expect(script.indexOf('document.currentScript')).toBeLessThan(script.indexOf('const boot'));
		expect(() => new Function(script)).not.toThrow();
	});

	it("with an app lock set, adds SvelteKit's preloads a few per task, then starts SvelteKit", async () => {
		const boot = runBoot(14);
		boot.next(); // the first frame
		const perTask: number[] = [];
		while (boot.tasks.length > 0) {
			const before = boot.added.length;
			boot.next();
			perTask.push(boot.added.length - before);
		}
		// Then sessionStorage is opened in a task of its own, and SvelteKit starts in the next.
		expect(perTask).toEqual([2, 2, 2, 2, 2, 2, 2, 0, 0]);
		expect(boot.added).not.toContain(HOME_ISLAND.preloads[0]);
		expect(await boot.booted()).toBe(true);
		expect(boot.storageOpenAtStart()).toBe(true);
	});

	it("with no app lock set, adds its island's preloads instead, and loads the island, not SvelteKit", async () => {
		const boot = runBoot(14, null);
		while (boot.tasks.length > 0) boot.next();
		expect(boot.added).toEqual(HOME_ISLAND.preloads);
		expect(await boot.booted()).toBe(false);
		expect(boot.imported).toEqual([HOME_ISLAND.entry]);
		// The island reads no scroll positions: sessionStorage stays closed.
		expect(boot.storageOpen).toBe(false);
	});

	it('starts SvelteKit when the copy cannot be read: the router can do everything', async () => {
		const boot = runBoot(4, new Error('storage blocked'));
		while (boot.tasks.length > 0) boot.next();
		expect(await boot.booted()).toBe(true);
		expect(boot.imported).toEqual([]);
	});

	it('asks for nothing once a tap is leaving the page, and boots if the page is shown again', async () => {
		const boot = runBoot(8);
		boot.leaving = true;
		while (boot.tasks.length > 0) boot.next();
		expect(boot.added).toEqual([]);
		expect(await boot.booted()).toBe(false);

		// Back from the back-forward cache: src/app.html has cleared the mark.
		boot.leaving = false;
		boot.pageshow();
		while (boot.tasks.length > 0) boot.next();
		expect(boot.added).toHaveLength(8);
		expect(await boot.booted()).toBe(true);
	});

	it('lets the new boot script run under the Content Security Policy, and the old one not', () => {
		const html = bootHomeAfterFirstFrame(page(), HOME_ISLAND, sha256);
		expect(html).toContain(`'sha256-${sha256(scriptOf(html))}'`);
		expect(html).not.toContain(`'sha256-${sha256(BOOT)}'`);
	});

	it('fails the build when SvelteKit writes its boot differently, or the island is missing', () => {
		const other = page().replace('Promise.all', 'Promise.allSettled');
		expect(() => bootHomeAfterFirstFrame(other, HOME_ISLAND, sha256)).toThrow(/boot script/);
		const unhashed = page().replace(/'sha256-[^']+'/, "'sha256-other'");
		expect(() => bootHomeAfterFirstFrame(unhashed, HOME_ISLAND, sha256)).toThrow(
			/Content Security Policy/
		);
		const unmarked = page().replace('<!--[-->', '');
		expect(() => bootHomeAfterFirstFrame(unmarked, HOME_ISLAND, sha256)).toThrow(/no island/);
	});
});

/** A crisis page as SvelteKit prerenders it without its boot (csr = false). */
const crisisPage = () => `<html><head>
<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-first'; style-src 'self'">
</head><body><div><main><div data-crisis-island=""><!--[--><section>pacer</section><!--]--></div></main></div>
</body></html>`;

const ISLAND = {
	entry: '/_app/immutable/chunks/island.js',
	preloads: ['/_app/immutable/chunks/island.js', '/_app/immutable/chunks/svelte.js']
};

describe('the crisis island', () => {
	it("is found in the client build's manifest with every chunk it imports, once", () => {
		const manifest = {
			'src/lib/crisis/island.svelte.ts': {
				file: '_app/immutable/chunks/island.js',
				imports: ['_a.js', '_b.js']
			},
			'_a.js': { file: '_app/immutable/chunks/a.js', imports: ['_b.js'] },
			'_b.js': { file: '_app/immutable/chunks/b.js' },
			'src/routes/+page.svelte': { file: '_app/immutable/nodes/2.js' }
		};
		expect(islandFiles(manifest, 'src/lib/crisis/island.svelte.ts')).toEqual({
			entry: '/_app/immutable/chunks/island.js',
			preloads: [
				'/_app/immutable/chunks/island.js',
				'/_app/immutable/chunks/a.js',
				'/_app/immutable/chunks/b.js'
			]
		});
		expect(() => islandFiles(manifest, 'src/lib/crisis/other.ts')).toThrow(/no entry/);
	});

	it("is asked for after the first frame, with its preloads, under the page's policy", () => {
		const html = bootIslandAfterFirstFrame(crisisPage(), ISLAND, sha256);
		const script = scriptOf(html);
		expect(script).toMatch(/requestAnimationFrame\(function \(\) \{ setTimeout\(boot, 0\); \}\);/);
		expect(script).toContain(JSON.stringify(ISLAND.preloads));
		expect(script).toContain('import("/_app/immutable/chunks/island.js");');
		expect(html).toContain(`script-src 'self' 'sha256-${sha256(script)}' 'sha256-first'`);
		expect(() => new Function(script)).not.toThrow();
	});

	it('fails the build when the page is hydrated by SvelteKit or has no island to hydrate', () => {
		expect(() => bootIslandAfterFirstFrame(page(), ISLAND, sha256)).toThrow(/csr = false/);
		const unmarked = crisisPage().replace('<!--[-->', '');
		expect(() => bootIslandAfterFirstFrame(unmarked, ISLAND, sha256)).toThrow(/no island/);
		const noPolicy = crisisPage().replace("script-src 'self'", 'script-src');
		expect(() => bootIslandAfterFirstFrame(noPolicy, ISLAND, sha256)).toThrow(/script-src/);
	});
});
