import { describe, expect, it } from 'vitest';
import { CRISIS_LINES, defaultCountry, FIND_A_HELPLINE_URL } from './crisis-lines';
import { createTriplePressDetector, TRIPLE_PRESS_WINDOW_MS } from './quick-exit';

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

describe('the quick-exit keys', () => {
	const press = (key: string, timeStamp: number, repeat = false) => ({ key, timeStamp, repeat });

	it('fire on the third Shift within the time window', () => {
		const detect = createTriplePressDetector(['Shift', 'Escape']);
		expect(detect(press('Shift', 0))).toBe(false);
		expect(detect(press('Shift', 400))).toBe(false);
		expect(detect(press('Shift', 800))).toBe(true);
	});

	it('fire on three Escapes too', () => {
		const detect = createTriplePressDetector(['Shift', 'Escape']);
		detect(press('Escape', 0));
		detect(press('Escape', 100));
		expect(detect(press('Escape', 200))).toBe(true);
	});

	it('do not fire when the presses are spread out, mixed, or a key is held down', () => {
		const detect = createTriplePressDetector(['Shift', 'Escape']);
		detect(press('Shift', 0));
		detect(press('Shift', 1000));
		expect(detect(press('Shift', TRIPLE_PRESS_WINDOW_MS + 500))).toBe(false);
		detect(press('Escape', 10_000));
		detect(press('Shift', 10_100));
		expect(detect(press('Escape', 10_200))).toBe(false);
		detect(press('a', 20_000));
		detect(press('Shift', 30_000));
		detect(press('Shift', 30_050, true));
		expect(detect(press('Shift', 30_100, true))).toBe(false);
	});
});
