import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACER_BEZIER } from '$lib/engine';

describe('The breath curve token', () => {
	it('is the engine’s curve, so the first inhale drawn by CSS hands over without a jump', () => {
		const css = readFileSync('src/app.css', 'utf8');
		const token = /--ease-breath:\s*cubic-bezier\(([^)]*)\)/.exec(css)?.[1];
		expect(token?.split(',').map(Number)).toEqual([...PACER_BEZIER]);
	});
});
