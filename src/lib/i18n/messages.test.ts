import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import nl from './messages/nl.json';

describe('the translations', () => {
	it('give every Dutch text in English too, and nothing more', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
	});

	it('have no empty texts', () => {
		for (const [key, value] of [...Object.entries(nl), ...Object.entries(en)]) {
			expect(value, key).not.toBe('');
		}
	});

	it('use the same placeholders in both languages', () => {
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
			expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
		}
	});

	it('speak English as people speak it, with contractions rather than "do not" or "it is"', () => {
		const stiff =
			/\b(do not|does not|did not|is not|are not|cannot|will not|it is|you are|that is)\b/i;
		for (const [key, value] of Object.entries(en)) {
			expect(value, key).not.toMatch(stiff);
		}
	});

	it('explain a choice in plain words, without "Zacht gezegd:" or "Uit betekent:"', () => {
		for (const [key, value] of Object.entries(nl)) {
			expect(value, key).not.toMatch(/^(Zacht gezegd|Uit betekent):/);
		}
	});
});
