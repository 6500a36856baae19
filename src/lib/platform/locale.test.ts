import { afterEach, describe, expect, it, vi } from 'vitest';

const runtime = vi.hoisted(() => {
	const state = { override: undefined as (() => string) | undefined, found: 0 };
	return {
		state,
		getLocale: () => {
			state.found++;
			return location.href.includes('/en') ? 'en' : 'nl';
		},
		overwriteGetLocale: (fn: () => string) => {
			state.override = fn;
		}
	};
});
vi.mock('$lib/paraglide/runtime', () => runtime);

const { findLocaleOncePerAddress } = await import('./locale');

describe('the locale in the browser', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is found once per address, and again when the address changes', () => {
		vi.stubGlobal('location', { href: 'https://rustpunt.test/en/nu' });
		findLocaleOncePerAddress();
		const getLocale = runtime.state.override!;
		expect([getLocale(), getLocale(), getLocale()]).toEqual(['en', 'en', 'en']);
		expect(runtime.state.found).toBe(1);

		vi.stubGlobal('location', { href: 'https://rustpunt.test/hulp' });
		expect([getLocale(), getLocale()]).toEqual(['nl', 'nl']);
		expect(runtime.state.found).toBe(2);
	});
});
