import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootAfterFirstFrame, bootsAfterFirstFrame, isCrisisPath } from './crisis-page';

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

/** A prerendered page as SvelteKit writes it, reduced to the parts the rewrite touches. */
const page = (boot = BOOT) => `<html><head>
<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-${sha256(boot)}'">
		<link href="/_app/immutable/entry/start.js" rel="modulepreload">
		<link href="/_app/immutable/chunks/a.js" rel="modulepreload">
</head><body><div><script>${boot}</script></div></body></html>`;

const scriptOf = (html: string) => /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';

describe('a crisis page', () => {
	it('is /nu in either language, with or without .html', () => {
		expect(['/nu', '/en/nu', '/nu.html', '/en/nu/'].every(isCrisisPath)).toBe(true);
		expect(['/', '/en', '/hulp', '/nu/x'].some(isCrisisPath)).toBe(false);
	});

	it('boots the crisis pages and the home screen after their first frame, and no other', () => {
		expect(['/nu', '/en/nu', '/', '/en', '/en.html', '/en/'].every(bootsAfterFirstFrame)).toBe(
			true
		);
		expect(['/hulp', '/en/hulp', '/dagboek', '/nu/x'].some(bootsAfterFirstFrame)).toBe(false);
	});

	it('asks for no script in its head: the preloads move into the boot', () => {
		const html = bootAfterFirstFrame(page(), sha256);
		expect(html).not.toMatch(/<link[^>]*modulepreload/);
		expect(scriptOf(html)).toContain(
			'["/_app/immutable/entry/start.js","/_app/immutable/chunks/a.js"]'
		);
	});

	it('boots after a frame and a task, not while the page is parsed', () => {
		const script = scriptOf(bootAfterFirstFrame(page(), sha256));
		expect(script).toMatch(/requestAnimationFrame\(function \(\) \{ setTimeout\(boot, 0\); \}\);/);
		// The element is still found while the script runs (document.currentScript).
		expect(script.indexOf('document.currentScript')).toBeLessThan(script.indexOf('var boot'));
		expect(() => new Function(script)).not.toThrow();
	});

	it('lets the new boot script run under the Content Security Policy, and the old one not', () => {
		const html = bootAfterFirstFrame(page(), sha256);
		expect(html).toContain(`'sha256-${sha256(scriptOf(html))}'`);
		expect(html).not.toContain(`'sha256-${sha256(BOOT)}'`);
	});

	it('fails the build when SvelteKit writes its boot differently', () => {
		const other = page().replace('Promise.all', 'Promise.allSettled');
		expect(() => bootAfterFirstFrame(other, sha256)).toThrow(/boot script/);
		const unhashed = page().replace(/'sha256-[^']+'/, "'sha256-other'");
		expect(() => bootAfterFirstFrame(unhashed, sha256)).toThrow(/Content Security Policy/);
	});
});
