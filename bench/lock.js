// @ts-check
/**
 * How long the app lock's key derivation takes: PBKDF2-SHA-256 with the app's own iteration
 * count (read from src/lib/security/lock-crypto.ts), run by WebCrypto in headless Chromium on
 * the app's origin, as unlocking does. Also with the CPU slowed down 4x (Chromium's
 * throttling may not reach WebCrypto's own thread; both are printed, compare them).
 * Then how long turning the lock on takes with a long history: sessions with notes stored,
 * the data screen's form filled in, from the tap until the screen says the lock is on (every
 * note sealed, in the app's own code).
 * Prints numbers; never passes or fails on time.
 *
 * Usage: node bench/lock.js [--no-build] [--runs 7]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
	ROOT,
	ensureBuild,
	environment,
	formatTable,
	isMain,
	launchChromium,
	round,
	startPreview,
	summarize,
	writeResult
} from './lib/common.js';
import { makeSessions, seedSessions } from './lib/seed-journal.js';

/** History sizes for turning the lock on: a year of daily practice, and a long one. */
const HISTORIES = [365, 3000];

/** The iteration count the app uses, from its source. */
function appIterations() {
	const source = readFileSync(join(ROOT, 'src/lib/security/lock-crypto.ts'), 'utf8');
	const found = /PBKDF2_ITERATIONS = ([\d_]+);/.exec(source);
	if (!found?.[1]) throw new Error('PBKDF2_ITERATIONS not found in lock-crypto.ts');
	return Number(found[1].replaceAll('_', ''));
}

/**
 * @param {{ noBuild?: boolean, runs?: number }} options
 */
export async function benchLock({ noBuild = false, runs = 7 } = {}) {
	ensureBuild({ noBuild });
	const iterations = appIterations();
	const preview = await startPreview();
	const browser = await launchChromium();
	/** @type {Record<string, ReturnType<typeof summarize>>} */
	const results = {};
	try {
		for (const cpu of [1, 4]) {
			const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
			await page.goto(`${preview.origin}/hulp`);
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
			/** @type {number[]} */
			const times = await page.evaluate(
				async ({ iterations, runs }) => {
					const out = [];
					for (let i = 0; i < runs; i++) {
						const start = performance.now();
						const material = await crypto.subtle.importKey(
							'raw',
							new TextEncoder().encode('482913'),
							'PBKDF2',
							false,
							['deriveKey']
						);
						await crypto.subtle.deriveKey(
							{
								name: 'PBKDF2',
								hash: 'SHA-256',
								salt: crypto.getRandomValues(new Uint8Array(16)),
								iterations
							},
							material,
							{ name: 'AES-GCM', length: 256 },
							false,
							['wrapKey', 'unwrapKey']
						);
						out.push(performance.now() - start);
					}
					return out;
				},
				{ iterations, runs }
			);
			results[`cpu${cpu}x`] = summarize(times);
			await page.close();
		}
		for (const count of HISTORIES) {
			/** @type {number[]} */
			const times = [];
			for (let run = 0; run < Math.min(runs, 3); run++) {
				times.push(await turnOnWithHistory(browser, preview.origin, count));
			}
			results[`on with ${count} notes`] = summarize(times);
		}
	} finally {
		await browser.close();
		await preview.close();
	}
	console.log(
		`PBKDF2-SHA-256, ${iterations.toLocaleString('en')} iterations, ${runs} runs; turning the lock on with sessions that all have a note, ${Math.min(runs, 3)} runs (ms)\n`
	);
	console.log(
		formatTable(
			['CPU', 'min', 'p50', 'max'],
			Object.entries(results).map(([name, s]) => [name, round(s.min), round(s.p50), round(s.max)])
		)
	);
	writeResult('lock', {
		measuredAt: new Date().toISOString(),
		environment: environment(),
		iterations,
		results
	});
	return results;
}

/**
 * Milliseconds from the tap on "turn the lock on" until the screen says it is on, with `count`
 * sessions stored, each with a note (a fresh browser context: an empty database).
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {number} count
 */
async function turnOnWithHistory(browser, origin, count) {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'nl-NL'
	});
	const page = await context.newPage();
	try {
		await page.goto(`${origin}/`);
		await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
		const sessions = makeSessions(count, Date.now()).map((session, i) => ({
			...session,
			note: `Notitie ${i}: wat ik merkte, in mijn eigen woorden.`
		}));
		await seedSessions(page, sessions);
		await page.goto(`${origin}/gegevens`);
		const lock = page.getByRole('region', { name: 'Vergrendeling' });
		await lock.getByLabel('Nieuwe code', { exact: true }).fill('482913');
		await lock.getByLabel('Herhaal de nieuwe code').fill('482913');
		const start = Date.now();
		await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
		await lock
			.getByText('De vergrendeling staat aan. Je eigen tekst')
			.waitFor({ timeout: 120_000 });
		return Date.now() - start;
	} finally {
		await context.close();
	}
}

if (isMain(import.meta.url)) {
	const { values } = parseArgs({
		options: { 'no-build': { type: 'boolean' }, runs: { type: 'string' } }
	});
	await benchLock({ noBuild: values['no-build'], runs: Number(values.runs ?? 7) });
}
