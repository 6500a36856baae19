import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_ANSWER_MS, NEUTRAL_URLS, OFFLINE_NEUTRAL_PATHS } from './quick-exit';
import { CRISIS_LINES, defaultCountry, FIND_A_HELPLINE_URL } from './crisis-lines';

describe('the crisis lines', () => {
	const numbers = (country: keyof typeof CRISIS_LINES) =>
		CRISIS_LINES[country].map((l) => [l.id, ...l.numbers.map((n) => `${n.display}=${n.dial}`)]);

	it('give the exact Dutch numbers, to dial and as written', () => {
		expect(numbers('nl')).toEqual([
			['nl-113', '0800-0113=08000113', '113=113'],
			['nl-veilig-thuis', '0800-2000=08002000'],
			['nl-luisterlijn', '088-0767000=0880767000'],
			['emergency', '112=112']
		]);
	});

	it('give the exact Belgian numbers, and 1712 only on working days', () => {
		expect(numbers('be')).toEqual([
			['be-1813', '1813=1813'],
			['be-1712', '1712=1712'],
			['emergency', '112=112']
		]);
		expect(CRISIS_LINES.be.find((l) => l.id === 'be-1712')?.hours).toBe('weekdays-9-17');
	});

	it('are open day and night, except 1712 on working days, as the facts say', () => {
		const hours = Object.values(CRISIS_LINES)
			.flat()
			.map((l) => `${l.id}: ${l.hours}`);
		expect([...new Set(hours)]).toEqual([
			'nl-113: always',
			'nl-veilig-thuis: always',
			'nl-luisterlijn: always',
			'emergency: always',
			'be-1813: always',
			'be-1712: weekdays-9-17'
		]);
	});

	it('dial what is written, digits only', () => {
		for (const number of Object.values(CRISIS_LINES).flatMap((l) => l.flatMap((x) => x.numbers))) {
			expect(number.dial).toMatch(/^\d+$/);
			expect(number.display.replace(/\D/g, '')).toBe(number.dial);
		}
	});

	it('send quick exit to the same neutral sites before and after the app starts', () => {
		const html = readFileSync('src/app.html', 'utf8');
		for (const url of Object.values(NEUTRAL_URLS)) expect(html).toContain(`'${url}'`);
		for (const path of Object.values(OFFLINE_NEUTRAL_PATHS)) expect(html).toContain(`'${path}'`);
		expect(html).toContain(`}, ${NEUTRAL_ANSWER_MS});`);
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
