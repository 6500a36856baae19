import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

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

	test('every page links the manifest', async ({ page }) => {
		for (const path of ['/', '/nu', '/en', '/oefening/box']) {
			await page.goto(path);
			await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
		}
	});
});
