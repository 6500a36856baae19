import { afterEach, describe, expect, it } from 'vitest';
import { mark } from './timed-player.svelte';

describe('a performance mark', () => {
	afterEach(() => performance.clearMarks('test:start'));

	it('stands at the time it is given, and says so', () => {
		mark('test:start', 12);
		const [entry] = performance.getEntriesByName('test:start');
		expect(entry?.startTime).toBe(12);
		expect((entry as PerformanceMark).detail).toEqual({ startTime: 12 });
	});

	it('is kept for a start before the page began, at the page start, with the real time', () => {
		mark('test:start', -450);
		const [entry] = performance.getEntriesByName('test:start');
		expect(entry?.startTime).toBe(0);
		expect((entry as PerformanceMark).detail).toEqual({ startTime: -450 });
	});
});
