import { createHash } from 'node:crypto';
import { minifySync } from 'rolldown/utils';
import { describe, expect, it } from 'vitest';
import { minifyFirstPaintScript } from './first-paint-script';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
const minify = (code: string) => minifySync('first-paint.js', code).code;

const SCRIPT = `
	// Remembers the theme before the first frame.
	(function () {
		var chosen = localStorage.getItem('theme');
		if (chosen) document.documentElement.setAttribute('data-theme', chosen);
	})();
`;
const BOOT = '{ __sveltekit_x = {}; }';

const page = (script = SCRIPT) => `<html><head><script>${script}</script>
<meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-${sha256(script)}' 'sha256-${sha256(BOOT)}'">
</head><body><div><script>${BOOT}</script></div></body></html>`;

const scripts = (html: string) =>
	[...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

describe("a page's first-paint script", () => {
	it('is shipped without its comments and spaces, doing the same', () => {
		const [first] = scripts(minifyFirstPaintScript(page(), sha256, minify));
		expect(first).not.toContain('Remembers');
		expect(first!.length).toBeLessThan(SCRIPT.length * 0.6);
		expect(first).toContain('localStorage.getItem(`theme`)');
	});

	it("is named in the page's Content Security Policy by its new hash, the old one gone", () => {
		const html = minifyFirstPaintScript(page(), sha256, minify);
		const [first] = scripts(html);
		expect(html).toContain(`'sha256-${sha256(first!)}'`);
		expect(html).not.toContain(`'sha256-${sha256(SCRIPT)}'`);
	});

	it("leaves SvelteKit's own boot script and its hash alone", () => {
		const html = minifyFirstPaintScript(page(), sha256, minify);
		expect(scripts(html)[1]).toBe(BOOT);
		expect(html).toContain(`'sha256-${sha256(BOOT)}'`);
	});

	it('is left as written on a page whose policy comes as a header (rendered on request)', () => {
		const onRequest = page().replace(/<meta[^>]*>/, '');
		expect(minifyFirstPaintScript(onRequest, sha256, minify)).toBe(onRequest);
	});

	it('fails the build when the policy does not name the script', () => {
		const unnamed = page().replace(sha256(SCRIPT), 'something-else');
		expect(() => minifyFirstPaintScript(unnamed, sha256, minify)).toThrow(/Security Policy/);
	});
});
