import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSize, measureBreatheNowBytes, measurePrecacheBytes } from '../bench/bundle-size.js';

/** "Breathe now" in both languages, as prerendered. */
const CRISIS_PAGES = ['nu.html', 'en/nu.html'];

// Budgets that do not depend on the machine: bytes in the production build.
test.describe('Bytes shipped', () => {
	test('"breathe now" asks for no JavaScript before its first frame: the pacer breathes by CSS', () => {
		for (const page of CRISIS_PAGES) {
			const html = readFileSync(join('build', page), 'utf8');
			expect(html, page).not.toMatch(/<link[^>]*modulepreload/);
			expect(html, page).not.toMatch(/<script[^>]*\bsrc=/);
			// The only imports wait for a frame and a task (src/lib/platform/crisis-page.ts).
			const boot = html.slice(html.indexOf('const boot = function'));
			expect(html.indexOf('import(')).toBeGreaterThan(html.indexOf('const boot = function'));
			expect(boot).toContain('requestAnimationFrame(function () { setTimeout(boot, 0); });');
			// The disc is drawn breathing in the page itself.
			expect(html, page).toMatch(/class="disc[^"]*prestart/);
		}
	});

	test('"breathe now" loads at most 45 KB of JavaScript (gzip) in its first 5 s, and no router', async ({
		page
	}) => {
		await page.goto('/nu');
		await page.waitForTimeout(5500);
		// What the page asked for in the 5 s from its navigation start (resource timing).
		const asked = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.filter((entry) => entry.startTime < 5000)
				.map((entry) => new URL(entry.name).pathname)
				.filter((pathname) => pathname.endsWith('.js'))
		);
		const bytes = asked.reduce(
			(sum, pathname) => sum + gzipSize(readFileSync(join('build', pathname))),
			0
		);
		expect(asked.length).toBeGreaterThan(0);
		expect(bytes, asked.join('\n')).toBeLessThanOrEqual(45 * 1024);
		// Opened as a page, it is its own island: SvelteKit's start is not among them.
		expect(asked.filter((pathname) => pathname.includes('/entry/start.'))).toEqual([]);
	});

	test('sound, storage and service-worker libraries are not among the code that starts the app', () => {
		const { files } = measureBreatheNowBytes();
		for (const { file } of files) {
			const code = readFileSync(join('build', file), 'utf8');
			expect(code, file).not.toMatch(/HowlerGlobal|DatabaseClosedError|messageSkipWaiting/);
		}
	});

	test('everything a phone downloads to work offline stays under 1.1 MB', () => {
		// Transfer size: pages, code and styles travel compressed; the sounds hardly compress,
		// and the gzip column counts them at (nearly) their full size.
		const { total } = measurePrecacheBytes();
		expect(total.gzip).toBeLessThanOrEqual(1.1 * 1024 * 1024);
	});
});
