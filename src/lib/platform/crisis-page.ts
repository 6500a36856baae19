// The first breath needs no JavaScript. A crisis page (/nu) is prerendered with its pacer
// breathing by a CSS animation from the first paint, and without SvelteKit's boot (csr = false):
// its own island (src/lib/crisis/island.svelte.ts) is asked for only after that first frame, so
// nothing the app grows into can delay it or hold the phone while it breathes. The home screen,
// the way in to it, boots after its first frame too, and without the router when no app lock is
// set: an island of its own (src/lib/crisis/home.svelte.ts). Run at prerender time on each
// page's HTML (src/hooks.server.ts).

import { STORAGE_KEYS } from './storage-keys';

/** The addresses whose first frame must not wait for the app's code. */
const CRISIS_PATHS = new Set(['/nu', '/en/nu']);

/** The home screen in each language: the way in to "breathe now". */
const HOME_PATHS = new Set(['/', '/en']);

/** An address as the sets above spell it: no `.html`, no trailing slash. */
function plainPath(pathname: string): string {
	return pathname.replace(/\.html$/, '').replace(/\/$/, '') || '/';
}

/** True for a crisis page: its first breaths are the pacer's alone. */
export function isCrisisPath(pathname: string): boolean {
	return CRISIS_PATHS.has(plainPath(pathname));
}

/** True for the home screen, which boots after its first frame (bootHomeAfterFirstFrame). */
export function isHomePath(pathname: string): boolean {
	return HOME_PATHS.has(plainPath(pathname));
}

// An island stands in an element of its own, between the markers Svelte's hydrate() starts and
// ends at: a crisis page's, which has no boot of Kit's (csr = false), and the home screen's.
const ISLAND = /<div data-crisis-island[^>]*><!--\[-->[\s\S]*?<!--\]--><\/div>/;
const HOME_ISLAND = /<div data-home-island[^>]*><!--\[-->[\s\S]*?<!--\]--><\/div>/;

const MODULEPRELOAD = /[ \t]*<link href="([^"]+)" rel="modulepreload">\n?/g;
// Kit's boot: imports its start and app modules, then hydrates the element it stands in.
const BOOT = /(<script>\s*\{[\s\S]*?)(Promise\.all\(\[[\s\S]*?\}\);)(\s*\}\s*<\/script>)/;

/**
 * How many preloads the boot adds in one task. Adding one is not cheap: in CPU profiles of the
 * home screen with the CPU slowed 4x (as bench/side-by-side.js slows it), a batch of six spent
 * 48–54 ms in appendChild alone. Two at a time keeps a batch far under a 50 ms task, so a tap
 * on "Adem nu" at the first paint is answered between two batches, not after all of them. The
 * same holds on a crisis page, whose pacer breathes by CSS meanwhile: its island starts after
 * a dozen batches (each timer after the fifth nested one waits at least 4 ms).
 */
const PRELOADS_PER_TASK = 2;

/**
 * The script of a boot that waits for the first frame: it waits for a frame and a task, adds
 * the modulepreload links of `preloads` (a JavaScript expression for an array of addresses) a
 * few per task, runs each of `ahead` (JavaScript statements) in a task of its own, and then
 * runs `start`. It stops when src/app.html has marked the page as leaving (<html data-leaving>:
 * a link or quick exit tapped before the app ran), so the next page does not share the phone
 * with this one's code; a page shown again from the back-forward cache boots then.
 */
function deferredBoot(preloads: string, start: string, ahead: string[] = []): string {
	const steps = ahead.map((statement) => `function () { ${statement} }`).join(', ');
	return (
		`const preloads = ${preloads};\n` +
		(ahead.length > 0 ? `const ahead = [${steps}];\n` : '') +
		`const boot = function () {\n` +
		`if (document.documentElement.hasAttribute('data-leaving')) {\n` +
		`addEventListener('pageshow', boot, { once: true });\n` +
		`return;\n` +
		`}\n` +
		`preloads.splice(0, ${PRELOADS_PER_TASK}).forEach(function (href) {\n` +
		`const link = document.createElement('link');\n` +
		`link.rel = 'modulepreload';\n` +
		`link.href = href;\n` +
		`document.head.appendChild(link);\n` +
		`});\n` +
		`if (preloads.length > 0) return void setTimeout(boot, 0);\n` +
		(ahead.length > 0
			? `if (ahead.length > 0) {\nsetTimeout(ahead.shift(), 0);\nreturn void setTimeout(boot, 0);\n}\n`
			: '') +
		`${start}\n};\n` +
		// A frame and then a task: the frame is drawn before any of the app's code is asked for.
		// A hidden page draws no frames; it boots when shown.
		`requestAnimationFrame(function () { setTimeout(boot, 0); });`
	);
}

/** The statement that loads an island: its entry hydrates the page when evaluated. */
const importIsland = (island: IslandFiles) => `import(${JSON.stringify(island.entry)});`;

/**
 * SvelteKit's start reads its scroll positions from sessionStorage, and a page's first use of
 * sessionStorage opens it for the whole site: 10–30 ms at 4x CPU in a profile of the home
 * screen, inside the start's long task. The boot opens it a task earlier.
 */
const OPEN_SESSION_STORAGE = 'try { sessionStorage.length; } catch (e) {}';

/**
 * Whether the home screen needs the router: while an app lock is set, the key it is unlocked
 * with lives in the page's memory, and a page load (every link of an island loads one) would
 * ask for the PIN again. The quick copy is kept by src/lib/player/app-lock.svelte.ts; when it
 * cannot be read, the router runs, as it can do everything.
 */
const NEEDS_ROUTER = `(function () {
try {
return localStorage.getItem(${JSON.stringify(STORAGE_KEYS.lockSet)}) === '1';
} catch (e) {
return true;
}
})()`;

/**
 * Rewrites the prerendered home screen so that its scripts are requested after the first frame,
 * and so that it boots without SvelteKit when no app lock is set: then its island
 * (src/lib/crisis/home.svelte.ts) hydrates the home screen alone, as "breathe now"'s does, and
 * the router, the layout and their tasks never load. With a lock set, SvelteKit's own boot runs
 * as it would have, after the first frame. The modulepreload links leave the head and are added
 * by the boot instead (deferredBoot), for the one that runs. The boot script's hash in the
 * Content Security Policy is replaced with the new one. Throws when the page does not have the
 * shape this expects, so a change in SvelteKit fails the build rather than quietly loading
 * everything before the first frame again.
 */
export function bootHomeAfterFirstFrame(
	html: string,
	island: IslandFiles,
	sha256: (text: string) => string
): string {
	const preloads = [...html.matchAll(MODULEPRELOAD)].map(([, href]) => href!);
	const boot = BOOT.exec(html);
	if (preloads.length === 0 || !boot) {
		throw new Error('A page has no modulepreload links or no SvelteKit boot script');
	}
	if (!HOME_ISLAND.test(html)) {
		throw new Error('The home page has no island for src/lib/crisis/home.svelte.ts');
	}
	const [whole, opening, start, closing] = boot;
	const body = (script: string) => script.replace(/^<script>/, '').replace(/<\/script>$/, '');
	const deferred =
		`${opening}const router = ${NEEDS_ROUTER};\n` +
		deferredBoot(
			`router ? ${JSON.stringify(preloads)} : ${JSON.stringify(island.preloads)}`,
			`if (router) {\n${start!}\n} else {\n${importIsland(island)}\n}`,
			[`if (router) { ${OPEN_SESSION_STORAGE} }`]
		) +
		closing;
	const oldHash = `'sha256-${sha256(body(whole))}'`;
	if (!html.includes(oldHash)) {
		throw new Error("A page's Content Security Policy does not name its boot script");
	}
	return html
		.replace(MODULEPRELOAD, '')
		.replace(whole, () => deferred)
		.replace(oldHash, `'sha256-${sha256(body(deferred))}'`);
}

/** The crisis island's code: its entry and every module it imports, entry first. */
export interface IslandFiles {
	entry: string;
	preloads: readonly string[];
}

/** A client build's manifest (Vite's .vite/manifest.json), the parts read here. */
type ClientManifest = Record<string, { file: string; imports?: string[] }>;

/**
 * The island's files from the client build's manifest: `source` as the manifest names it
 * (src/lib/crisis/build/vite-plugin.ts), and the chunks it imports, at the root of the site.
 */
export function islandFiles(manifest: ClientManifest, source: string): IslandFiles {
	if (!manifest[source]) throw new Error(`The client build has no entry ${source}`);
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		manifest[key]?.imports?.forEach(visit);
	};
	visit(source);
	const files = [...seen].map((key) => `/${manifest[key]!.file}`);
	return { entry: files[0]!, preloads: files };
}

const SCRIPT_SRC = /(<meta http-equiv="content-security-policy" content="[^"]*script-src 'self')/;

/**
 * Gives a prerendered crisis page its island (src/lib/crisis/island.svelte.ts), asked for
 * after the first frame by a boot like the home screen's (deferredBoot), and names the boot in
 * the page's Content Security Policy. Throws when the page is hydrated by SvelteKit or its
 * island lacks the markers hydrate() looks for, so a change in either fails the build.
 */
export function bootIslandAfterFirstFrame(
	html: string,
	island: IslandFiles,
	sha256: (text: string) => string
): string {
	if (html.match(MODULEPRELOAD) || BOOT.test(html)) {
		throw new Error('A crisis page is hydrated by SvelteKit: it should set csr = false');
	}
	if (!ISLAND.test(html)) {
		throw new Error('A crisis page has no island for src/lib/crisis/island.svelte.ts');
	}
	if (!SCRIPT_SRC.test(html)) {
		throw new Error("A crisis page's Content Security Policy has no script-src 'self'");
	}
	const body = `{\n${deferredBoot(JSON.stringify(island.preloads), importIsland(island))}\n}`;
	return html
		.replace(SCRIPT_SRC, (policy) => `${policy} 'sha256-${sha256(body)}'`)
		.replace('</body>', () => `<script>${body}</script>\n</body>`);
}
