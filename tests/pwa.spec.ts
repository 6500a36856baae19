import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openAdjust, test } from './fixtures';

test.describe('Installable app', () => {
	test('Chromium reports no installability errors', async ({ baseURL, launchOptions }) => {
		// A normal (not incognito) profile: Chromium installs nothing from incognito windows.
		const profile = await mkdtemp(join(tmpdir(), 'rustpunt-profile-'));
		const context = await chromium.launchPersistentContext(profile, {
			...launchOptions,
			viewport: { width: 390, height: 844 }
		});
		try {
			const page = await context.newPage();
			await page.goto(baseURL!);
			await page.evaluate(async () => {
				await navigator.serviceWorker.ready;
			});
			const cdp = await context.newCDPSession(page);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
		} finally {
			await context.close();
			await rm(profile, { recursive: true, force: true });
		}
	});

	test('the manifest offers a shortcut straight into breathing, and every icon exists', async ({
		page,
		request
	}) => {
		await page.goto('/');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await (await request.get(href!)).json();
		expect(manifest).toMatchObject({
			name: 'Rustpunt',
			display: 'standalone',
			lang: 'nl',
			start_url: '/'
		});
		expect(manifest.shortcuts[0]).toMatchObject({ url: '/nu' });
		const purposes = manifest.icons.map(
			(i: { sizes: string; purpose?: string }) => `${i.sizes} ${i.purpose ?? 'any'}`
		);
		expect(purposes).toEqual(
			expect.arrayContaining(['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable'])
		);
		for (const icon of [...manifest.icons, ...manifest.shortcuts[0].icons]) {
			const response = await request.get(icon.src);
			expect(response.headers()['content-type'], icon.src).toBe('image/png');
		}
	});

	test('an English page links an English manifest, so an English phone starts without a redirect', async ({
		page,
		request
	}) => {
		await page.goto('/en/nu');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await (await request.get(href!)).json();
		expect(manifest).toMatchObject({ id: '/', lang: 'en', start_url: '/en' });
		expect(manifest.shortcuts[0]).toMatchObject({ name: 'Breathe now', url: '/en/nu' });
		const dutch = await (await request.get('/manifest.webmanifest')).json();
		expect(manifest.icons).toEqual(dutch.icons);
		expect(manifest.shortcuts[0].icons).toEqual(dutch.shortcuts[0].icons);
	});

	test('every page links the manifest', async ({ page }) => {
		for (const path of ['/', '/nu', '/en', '/oefening/box']) {
			await page.goto(path);
			await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
		}
	});
});

test.describe('Security of the app itself', () => {
	test('every page carries a strict Content Security Policy', async ({ page }) => {
		for (const path of [
			'/',
			'/nu',
			'/oefening/box',
			'/oefeningen',
			'/hulp',
			'/snel-weg',
			'/dagboek',
			'/grens',
			'/gegevens',
			'/programmas',
			'/programma?id=fundament',
			'/instellingen',
			'/patronen',
			'/patronen/bewerk',
			'/patroon',
			'/en'
		]) {
			await page.goto(path);
			const csp = await page
				.locator('meta[http-equiv="content-security-policy"]')
				.getAttribute('content');
			expect(csp, path).toContain("connect-src 'self'");
			expect(csp, path).toContain("object-src 'none'");
			expect(csp, path).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
			expect(csp, path).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
		}
	});

	test('walking through every screen breaks no rule of the policy', async ({ page }) => {
		const violations: string[] = [];
		await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				(window as unknown as { reportViolation: (v: string) => void }).reportViolation(
					`${e.violatedDirective} ${e.blockedURI}`
				);
			});
		});
		await page.clock.install();
		await page.goto('/');
		await page.getByRole('link', { name: 'Adem nu' }).click();
		await page.clock.runFor(5000);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: '2 van 10' }).click();
		for (const path of ['/oefening/box', '/hulp', '/snel-weg', '/en', '/en/nu'])
			await page.goto(path);
		// A guided practice: its step chunk, the stroke guide's moving dot, the background loop.
		await page.goto('/oefening/soothing-touch');
		await openAdjust(page);
		await page.getByRole('radio', { name: 'Zacht ruisen' }).check({ force: true });
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Volgende stap' }).click();
		await page.clock.runFor(3000);
		await page.getByRole('button', { name: 'Te veel?' }).click();
		// The boundary exercise: the moving scene and its footsteps.
		await page.goto('/grens');
		await page.getByRole('button', { name: 'Alleen, op het scherm' }).click();
		await page.getByRole('button', { name: 'Begin' }).click();
		await page.clock.runFor(3000);
		await page.getByRole('button', { name: 'Stop' }).click();
		await page.getByRole('button', { name: 'Klaar' }).click();
		// Settings (the tones are heard) and an own pattern, made and run.
		await page.goto('/instellingen');
		await page.getByRole('radio', { name: 'Hout' }).check({ force: true });
		await page.getByRole('button', { name: 'Luister naar deze tonen' }).click();
		await page.goto('/patronen/bewerk');
		await page.getByLabel('Naam', { exact: true }).fill('Rust');
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await page.getByRole('link', { name: 'Start Rust' }).click();
		await page.getByRole('button', { name: 'Begin', exact: true }).click();
		await page.clock.runFor(3000);
		await page.getByRole('button', { name: 'Stop' }).click();
		// Programmes: the list, starting one, today's practice on home, a calendar file.
		await page.goto('/programmas');
		await page.getByRole('link', { name: /Fundament/ }).click();
		await page.getByRole('button', { name: 'Begin dit programma' }).click();
		const calendar = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Agendabestand downloaden (.ics)' }).click();
		await calendar;
		await page.goto('/');
		await page
			.getByRole('region', { name: /Vandaag in je programma/ })
			.getByRole('link')
			.click();
		// The journal with its charts, a session, and the data screen with a download.
		await page.goto('/dagboek');
		await page.getByRole('region', { name: 'Alle sessies' }).getByRole('link').first().click();
		await page.getByRole('button', { name: 'Notitie bewaren' }).click();
		await page.goto('/gegevens');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Alles downloaden (JSON)' }).click();
		await download;
		// The app lock: turned on, locked, the lock screen, opened again.
		const lock = page.getByRole('region', { name: 'Vergrendeling' });
		await lock.getByLabel('Nieuwe code', { exact: true }).fill('482913');
		await lock.getByLabel('Herhaal de nieuwe code').fill('482913');
		await lock.getByRole('button', { name: 'Vergrendeling aanzetten' }).click();
		await lock.getByRole('button', { name: 'Nu vergrendelen' }).click();
		await page.getByLabel('Je pincode').fill('482913');
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(lock.getByRole('button', { name: 'Nu vergrendelen' })).toBeVisible();
		expect(violations).toEqual([]);
	});
});
