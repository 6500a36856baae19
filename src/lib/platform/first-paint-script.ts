// src/app.html's first-paint script is written to be read: comments on every step. Every
// prerendered page carries its own copy, so at prerender time (src/hooks.server.ts) it is
// minified, which takes about 1.5 KB gzip off each of the 60-odd pages a phone keeps offline.

const FIRST_SCRIPT = /<script>([\s\S]*?)<\/script>/;
const POLICY_IN_PAGE = /<meta http-equiv="content-security-policy"/i;

/**
 * Replaces the page's first inline script (src/app.html's, ahead of everything SvelteKit adds)
 * with `minify`'s version of it, and its hash in the page's Content Security Policy (the meta
 * tag of a prerendered page) with the new one.
 * Throws when the policy does not name that script, so a page never ships a script its own
 * policy would block.
 */
export function minifyFirstPaintScript(
	html: string,
	sha256: (text: string) => string,
	minify: (code: string) => string
): string {
	// A page rendered on request (vite preview's "not found") gets its policy as a header,
	// which names the script as written: that page keeps it so.
	if (!POLICY_IN_PAGE.test(html)) return html;
	const [whole, body] = FIRST_SCRIPT.exec(html) ?? [];
	if (whole === undefined || body === undefined) {
		throw new Error('A page has no first-paint script (src/app.html)');
	}
	const oldHash = `'sha256-${sha256(body)}'`;
	if (!html.includes(oldHash)) {
		throw new Error("A page's Content Security Policy does not name its first-paint script");
	}
	const small = minify(body);
	return html
		.replace(whole, () => `<script>${small}</script>`)
		.replace(oldHash, () => `'sha256-${sha256(small)}'`);
}
