import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isVisible, visibleText } from './text';

const BIDI = [
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u200E',
	'\u200F',
	'\u061C'
];
/** Characters that show nothing on their own. */
const BLANK = [
	' ',
	'\t',
	'\n',
	'\u00A0',
	'\u200B',
	'\u200C',
	'\u200D',
	'\u2060',
	'\uFEFF',
	'\u00AD',
	'\u3164',
	'\u115F',
	'\u2800',
	'\u0301',
	'\uFE0F',
	...BIDI
];

const anyText = fc.string({ unit: 'grapheme-composite', maxLength: 30 });
const textWithControls = fc
	.array(fc.oneof(fc.constantFrom(...BIDI, ...BLANK), fc.string({ maxLength: 3 })), {
		maxLength: 12
	})
	.map((parts) => parts.join(''));

describe('cleanText', () => {
	it('composes accents, so the same words typed two ways are one text', () => {
		expect(cleanText('Ze\u0301e')).toBe('Zée');
		expect(cleanText('Ze\u0301e')).toBe(cleanText('Z\u00E9e'));
	});

	it('takes out the characters that turn the direction of text around', () => {
		expect(cleanText('\u202EeeZ')).toBe('eeZ');
		expect(cleanText('Rust\u2067ig\u2069 \u200Fpunt\u200E')).toBe('Rustig punt');
	});

	it('composes a letter and an accent a direction mark kept apart', () => {
		expect(cleanText('e\u200E\u0301')).toBe('é');
	});

	it('trims spaces and zero-width characters from both ends, not from the middle', () => {
		expect(cleanText(' \u200B Zee\u200B lucht \u2060\n')).toBe('Zee\u200B lucht');
	});

	it('keeps the emoji at the end of a text whole', () => {
		expect(cleanText('Hart ❤️')).toBe('Hart ❤️');
		expect(cleanText('Golf 🌊')).toBe('Golf 🌊');
		expect(cleanText('Vlag 🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe('Vlag 🏴󠁧󠁢󠁳󠁣󠁴󠁿');
		expect(cleanText('Gezin 👨‍👩‍👧')).toBe('Gezin 👨‍👩‍👧');
	});

	it('gives the same text when applied twice', () => {
		fc.assert(
			fc.property(fc.oneof(anyText, textWithControls), (raw) => {
				expect(cleanText(cleanText(raw))).toBe(cleanText(raw));
			})
		);
	});

	it('never leaves a bidirectional control, an uncomposed text or a blank edge', () => {
		fc.assert(
			fc.property(fc.oneof(anyText, textWithControls), (raw) => {
				const text = cleanText(raw);
				for (const control of BIDI) expect(text).not.toContain(control);
				expect(text.normalize('NFC')).toBe(text);
				expect(text).toBe(text.trim());
				expect(text.startsWith('\u200B') || text.endsWith('\u200B')).toBe(false);
			})
		);
	});

	it('leaves ordinary text as it was typed', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ ,.!?'-]{0,30}[A-Za-z0-9]$/),
				(raw) => {
					expect(cleanText(raw)).toBe(raw.normalize('NFC'));
				}
			)
		);
	});
});

describe('isVisible', () => {
	it('finds nothing visible in a text of only blank and zero-width characters', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...BLANK), { maxLength: 20 }), (chars) => {
				expect(isVisible(chars.join(''))).toBe(false);
			})
		);
	});

	it('finds a letter, a digit, a sign or an emoji among any blank characters', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...BLANK), { maxLength: 10 }),
				fc.constantFrom('a', 'Z', '7', '.', 'é', '🌊', '中', '—'),
				fc.array(fc.constantFrom(...BLANK), { maxLength: 10 }),
				(before, shown, after) => {
					expect(isVisible([...before, shown, ...after].join(''))).toBe(true);
				}
			)
		);
	});
});

describe('visibleText', () => {
	it('counts a name of only zero-width spaces as empty', () => {
		expect(visibleText('\u200B\u200B\u200B')).toBeUndefined();
		expect(visibleText('\u202E\u200B')).toBeUndefined();
		expect(visibleText('\u3164')).toBeUndefined();
		expect(visibleText('')).toBeUndefined();
	});

	it('gives the cleaned text when something shows', () => {
		expect(visibleText(' \u202EZee ')).toBe('Zee');
	});
});
