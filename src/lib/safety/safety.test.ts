import { describe, expect, it } from 'vitest';
import { CRISIS_LINES, defaultCountry, FIND_A_HELPLINE_URL } from './crisis-lines';

describe('the crisis lines', () => {
	it('give the exact Dutch numbers, to dial and as written', () => {
		expect(CRISIS_LINES.nl.map((l) => [l.id, l.display, l.dial])).toEqual([
			['nl-113', '113', '113'],
			['nl-113-free', '0800-0113', '08000113'],
			['nl-veilig-thuis', '0800-2000', '08002000'],
			['nl-luisterlijn', '088-0767000', '0880767000'],
			['emergency', '112', '112']
		]);
	});

	it('give the exact Belgian numbers', () => {
		expect(CRISIS_LINES.be.map((l) => [l.id, l.display, l.dial])).toEqual([
			['be-1813', '1813', '1813'],
			['be-1712', '1712', '1712'],
			['emergency', '112', '112']
		]);
	});

	it('dial what is written, digits only', () => {
		for (const line of Object.values(CRISIS_LINES).flat()) {
			expect(line.dial).toMatch(/^\d+$/);
			expect(line.display.replace(/\D/g, '')).toBe(line.dial);
		}
	});

	it('point elsewhere to a directory of lines', () => {
		expect(FIND_A_HELPLINE_URL).toBe('https://findahelpline.com');
	});

	it('show Belgium first on a Belgian phone, the Netherlands otherwise', () => {
		expect(defaultCountry(['nl-BE', 'nl'])).toBe('be');
		expect(defaultCountry(['fr-BE'])).toBe('be');
		expect(defaultCountry(['nl-NL'])).toBe('nl');
		expect(defaultCountry(['en-GB'])).toBe('nl');
	});
});
