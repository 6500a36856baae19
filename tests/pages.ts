import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';

const BUILD = join(import.meta.dirname, '..', 'build');
/** Pages in build/ that are not the app's own screens. */
const NOT_SCREENS = new Set(['/404', '/en/404', '/notes', '/notities']);

/** True for an English address (/en, /en/nu, /en?x). */
export const isEnglish = (address: string) => /^\/en(\/|\?|$)/.test(address);

/** Every prerendered page of the app in one language, as its address (/, /nu, /en, /en/nu). */
export function pagesIn(language: 'nl' | 'en'): string[] {
	const pages: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory() && entry.name !== '_app') walk(path);
			if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
			const address = `/${relative(BUILD, path)}`.replace(/\.html$/, '').replace(/^\/index$/, '/');
			if (!NOT_SCREENS.has(address)) pages.push(address);
		}
	};
	walk(BUILD);
	return pages.filter((a) => (language === 'en') === isEnglish(a)).sort();
}

/** The app's own addresses a page links to (path and query, no fragment). */
export async function linksOn(page: Page): Promise<string[]> {
	return page
		.locator('a[href]')
		.evaluateAll((links) =>
			(links as HTMLAnchorElement[])
				.filter((a) => a.origin === location.origin && !a.hasAttribute('download'))
				.map((a) => a.pathname + a.search)
		);
}
