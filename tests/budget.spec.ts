import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBreatheNowBytes, measurePrecacheBytes } from '../bench/bundle-size.js';

// Budgets that do not depend on the machine: bytes in the production build.
test.describe('Bytes shipped', () => {
	test('"breathe now" needs at most 60 KB of JavaScript (gzip) before the pacer runs', () => {
		const { totals } = measureBreatheNowBytes();
		expect(totals.js.gzip).toBeLessThanOrEqual(60 * 1024);
	});

	test('sound, storage and service-worker libraries are not among the bytes needed to start', () => {
		const { files } = measureBreatheNowBytes();
		for (const { file } of files) {
			const code = readFileSync(join('build', file), 'utf8');
			expect(code, file).not.toMatch(/HowlerGlobal|DatabaseClosedError|messageSkipWaiting/);
		}
	});

	test('everything a phone downloads to work offline stays under 1.25 MB', () => {
		// Transfer size: pages, code and styles travel compressed; the sounds hardly compress,
		// and the gzip column counts them at (nearly) their full size.
		const { total } = measurePrecacheBytes();
		expect(total.gzip).toBeLessThanOrEqual(1.25 * 1024 * 1024);
	});
});
