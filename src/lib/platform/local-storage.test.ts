// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readStored, removeStored, storedEntries, writeStored } from './local-storage';
import { STORAGE_KEYS } from './storage-keys';

describe('reading and writing localStorage', () => {
	beforeEach(() => localStorage.clear());
	afterEach(() => vi.unstubAllGlobals());

	it('reads back what it wrote, and nothing once removed', () => {
		writeStored(STORAGE_KEYS.discreet, '1');
		expect(readStored(STORAGE_KEYS.discreet)).toBe('1');
		removeStored(STORAGE_KEYS.discreet);
		expect(readStored(STORAGE_KEYS.discreet)).toBeNull();
	});

	it("lists Rustpunt's own entries only", () => {
		localStorage.setItem(STORAGE_KEYS.locale, 'en');
		localStorage.setItem('someone-else', 'x');
		expect(storedEntries()).toEqual({ [STORAGE_KEYS.locale]: 'en' });
	});

	it('reads blocked storage as empty, and writes to it without throwing', () => {
		const blocked = () => {
			throw new DOMException('blocked', 'SecurityError');
		};
		vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked });
		expect(readStored(STORAGE_KEYS.settings)).toBeNull();
		expect(() => writeStored(STORAGE_KEYS.settings, '{}')).not.toThrow();
		expect(() => removeStored(STORAGE_KEYS.settings)).not.toThrow();
		expect(storedEntries()).toEqual({});
	});
});
