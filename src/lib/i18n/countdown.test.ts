import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime';
import { formatCountdown } from './countdown';

describe('a countdown in words', () => {
	const appLocale = getLocale;
	afterEach(() => overwriteGetLocale(appLocale));

	it('speaks in whole minutes from a minute on, rounded up', () => {
		expect(formatCountdown(117_000)).toBe('over 2 minuten');
		expect(formatCountdown(60_000)).toBe('over 1 minuut');
		expect(formatCountdown(240_000)).toBe('over 4 minuten');
	});

	it('speaks in seconds under a minute, never of a moment already past', () => {
		expect(formatCountdown(29_200)).toBe('over 30 seconden');
		expect(formatCountdown(1)).toBe('over 1 seconde');
	});

	it('reads as English in English', () => {
		overwriteGetLocale(() => 'en');
		expect(formatCountdown(117_000)).toBe('in 2 minutes');
	});
});
