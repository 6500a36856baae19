import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	decodeShareCode,
	encodeShareCode,
	PATTERN_LIMITS,
	PHASE_FIELDS,
	shareCodeFrom,
	toBreathingPattern,
	validatePattern,
	type OwnPattern
} from './own-pattern';

const good = {
	name: 'Rustig',
	inhale: '4',
	inhaleTop: '',
	holdIn: '0',
	exhale: '6',
	holdOut: '',
	length: { kind: 'cycles', cycles: '10' }
};

function errorsOf(input: unknown) {
	const check = validatePattern(input);
	return check.ok ? {} : check.errors;
}

/** Every rule, checked independently of the validator. */
function followsEveryRule(p: OwnPattern): boolean {
	const halfSteps = PHASE_FIELDS.every(
		(f) => Number.isInteger(p[f] * 2) && p[f] >= 0 && p[f] <= PATTERN_LIMITS.maxPhaseS
	);
	const cycle = PHASE_FIELDS.reduce((s, f) => s + p[f], 0);
	const length =
		p.length.kind === 'cycles'
			? Number.isInteger(p.length.cycles) &&
				p.length.cycles >= 1 &&
				p.length.cycles <= PATTERN_LIMITS.maxCycles &&
				(p.length.cycles * cycle) / 60 <= PATTERN_LIMITS.maxSessionMinutes
			: Number.isInteger(p.length.minutes) &&
				p.length.minutes >= 1 &&
				p.length.minutes <= PATTERN_LIMITS.maxMinutes;
	return (
		halfSteps &&
		p.inhale >= 0.5 &&
		p.exhale >= 0.5 &&
		cycle <= PATTERN_LIMITS.maxCycleS &&
		length &&
		p.name.length > 0 &&
		p.name === p.name.trim() &&
		[...p.name].length <= PATTERN_LIMITS.maxNameChars
	);
}

describe('the pattern rules', () => {
	it('accept a calm pattern typed as text, with empty optional phases read as none', () => {
		const check = validatePattern(good);
		expect(check).toEqual({
			ok: true,
			warnings: [],
			pattern: {
				name: 'Rustig',
				inhale: 4,
				inhaleTop: 0,
				holdIn: 0,
				exhale: 6,
				holdOut: 0,
				length: { kind: 'cycles', cycles: 10 }
			}
		});
	});

	it('read a Dutch decimal comma as a point', () => {
		const check = validatePattern({ ...good, inhale: '4,5' });
		expect(check.ok && check.pattern.inhale).toBe(4.5);
	});

	it.each([
		['0.5', true],
		['20', true],
		['0', false],
		['20.5', false],
		['0.25', false],
		['-1', false],
		['', false],
		['vier', false],
		['1e1', false],
		['NaN', false],
		['99999999999999', false]
	])('take an inhale of "%s": %s', (inhale, ok) => {
		expect(validatePattern({ ...good, inhale }).ok).toBe(ok);
	});

	it.each([
		['0', true],
		['', true],
		['10', true],
		['20', true],
		['20.5', false],
		['-0.5', false],
		['3.3', false]
	])('take a hold after breathing in of "%s": %s', (holdIn, ok) => {
		expect(validatePattern({ ...good, holdIn }).ok).toBe(ok);
	});

	it('name the reason for each refused field', () => {
		expect(
			errorsOf({
				...good,
				name: '   ',
				inhale: '',
				exhale: '-2',
				holdOut: 'abc',
				inhaleTop: '1.3',
				length: { kind: 'cycles', cycles: '2.5' }
			})
		).toEqual({
			name: 'required',
			inhale: 'required',
			exhale: 'too-small',
			holdOut: 'not-a-number',
			inhaleTop: 'not-a-step',
			cycles: 'not-whole'
		});
		expect(errorsOf({ ...good, inhale: Number.NaN, exhale: Infinity })).toEqual({
			inhale: 'not-a-number',
			exhale: 'not-a-number'
		});
		expect(errorsOf({ ...good, inhale: 1e300 })).toEqual({ inhale: 'too-large' });
	});

	it('refuse a cycle longer than 60 seconds on the cycle as a whole', () => {
		expect(errorsOf({ ...good, inhale: 20, holdIn: 20, exhale: 20, holdOut: 0.5 }).cycle).toBe(
			'cycle-too-long'
		);
		expect(validatePattern({ ...good, inhale: 20, holdIn: 20, exhale: 20 }).ok).toBe(true);
	});

	it('check the length: whole cycles from 1 to 200, minutes from 1 to 60, an hour at most', () => {
		const cycles = (n: unknown) => ({ ...good, length: { kind: 'cycles', cycles: n } });
		const minutes = (n: unknown) => ({ ...good, length: { kind: 'minutes', minutes: n } });
		expect(validatePattern(cycles(1)).ok).toBe(true);
		expect(validatePattern(cycles(200)).ok).toBe(true);
		expect(errorsOf(cycles(0)).cycles).toBe('too-small');
		expect(errorsOf(cycles(201)).cycles).toBe('too-large');
		expect(errorsOf({ ...cycles(200), inhale: 20 }).cycles).toBe('session-too-long');
		expect(validatePattern(minutes('60')).ok).toBe(true);
		expect(errorsOf(minutes('61')).minutes).toBe('too-large');
		expect(errorsOf({ ...good, length: { kind: 'hours', cycles: 3 } }).cycles).toBe('required');
		expect(errorsOf({ ...good, length: 'lots' }).cycles).toBe('required');
	});

	it('refuse names that are too long or hold control characters, and trim the rest', () => {
		expect(errorsOf({ ...good, name: 'x'.repeat(41) }).name).toBe('too-large');
		expect(validatePattern({ ...good, name: '🌊'.repeat(40) }).ok).toBe(true);
		expect(errorsOf({ ...good, name: 'a\u0000b' }).name).toBe('name-invalid');
		expect(errorsOf({ ...good, name: 'a\ud800b' }).name).toBe('name-invalid');
		expect(errorsOf({ ...good, name: 42 }).name).toBe('required');
		const check = validatePattern({ ...good, name: '  Avond  ' });
		expect(check.ok && check.pattern.name).toBe('Avond');
	});

	it('refuse a name that shows nothing, such as only zero-width spaces', () => {
		for (const name of ['\u200B\u200B', '\u200B \u2060', '\u202E\u200B', '\u3164', '\u0301']) {
			expect(errorsOf({ ...good, name }).name).toBe('required');
		}
	});

	it('store a name composed and without the characters that turn text around', () => {
		const check = validatePattern({ ...good, name: '\u202E Ze\u0301e\u2069 ' });
		expect(check.ok && check.pattern.name).toBe('Zée');
	});

	it('warn gently, without refusing, about fast breathing and long holds', () => {
		expect(validatePattern({ ...good, inhale: 2, exhale: 2.5 })).toMatchObject({
			ok: true,
			warnings: ['fast-rate']
		});
		expect(validatePattern({ ...good, inhale: 2, exhale: 3 }).warnings).toEqual([]);
		expect(validatePattern({ ...good, holdIn: 10 }).warnings).toEqual([]);
		expect(validatePattern({ ...good, holdOut: 10.5 })).toMatchObject({
			ok: true,
			warnings: ['long-hold']
		});
	});

	it('refuse whatever is not a pattern at all', () => {
		for (const junk of [null, undefined, 42, 'box', [], [4, 4, 4, 4], { inhale: 4 }]) {
			expect(validatePattern(junk).ok).toBe(false);
		}
	});

	it('become engine phases, leaving out phases of 0', () => {
		const check = validatePattern({ ...good, holdIn: '2' });
		if (!check.ok) throw new Error('expected a valid pattern');
		expect(toBreathingPattern(check.pattern).phases).toEqual([
			{ kind: 'inhale', durationMs: 4000 },
			{ kind: 'hold-in', durationMs: 2000 },
			{ kind: 'exhale', durationMs: 6000 }
		]);
	});
});

const seconds = fc.integer({ min: 0, max: 40 }).map((halves) => halves / 2);
const name = fc
	.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
	.map((s) => s.trim())
	.filter((s) => s.length > 0 && [...s].length <= 40 && !/[\p{Cc}\p{Cs}]/u.test(s));
const validPattern: fc.Arbitrary<OwnPattern> = fc
	.record({
		name,
		inhale: seconds.filter((s) => s >= 0.5),
		inhaleTop: seconds,
		holdIn: seconds,
		exhale: seconds.filter((s) => s >= 0.5),
		holdOut: seconds,
		length: fc.oneof(
			fc.record({ kind: fc.constant('cycles' as const), cycles: fc.integer({ min: 1, max: 200 }) }),
			fc.record({ kind: fc.constant('minutes' as const), minutes: fc.integer({ min: 1, max: 60 }) })
		)
	})
	.filter((p) => validatePattern(p).ok);

const junkValue = fc.oneof(
	fc.double(),
	fc.integer(),
	fc.string(),
	fc.constantFrom('', ' ', '-1', '1e9', 'NaN', 'Infinity', '0x10', '4.25', '20,5', '١٢'),
	fc.constantFrom(null, undefined, true, [], {}),
	seconds,
	seconds.map(String)
);

describe('the pattern rules, for any input', () => {
	it('never let generated input outside the rules become a runnable pattern', () => {
		fc.assert(
			fc.property(
				fc.record({
					name: fc.oneof(fc.string(), name, fc.constant(undefined)),
					inhale: junkValue,
					inhaleTop: junkValue,
					holdIn: junkValue,
					exhale: junkValue,
					holdOut: junkValue,
					length: fc.record({
						kind: fc.constantFrom('cycles', 'minutes', 'hours', undefined),
						cycles: junkValue,
						minutes: junkValue
					})
				}),
				(input) => {
					const check = validatePattern(input);
					return !check.ok || followsEveryRule(check.pattern);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('round-trip every valid pattern through its share code', () => {
		fc.assert(
			fc.property(validPattern, (pattern) => {
				const code = encodeShareCode(pattern);
				expect(code).toMatch(/^[A-Za-z0-9._-]+$/);
				expect(decodeShareCode(code)).toEqual(validatePattern(pattern));
			}),
			{ numRuns: 1000 }
		);
	});

	it('never let a pasted string become a pattern that breaks the rules', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.stringMatching(/^1[A-Za-z0-9_-]{5}[cm]\d{1,4}\.[A-Za-z0-9_-]{0,12}$/)
				),
				(text) => {
					const check = decodeShareCode(text);
					return !check.ok || followsEveryRule(check.pattern);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('the share code', () => {
	const pattern: OwnPattern = {
		name: 'Zee 🌊',
		inhale: 4,
		inhaleTop: 1,
		holdIn: 0,
		exhale: 8,
		holdOut: 0,
		length: { kind: 'minutes', minutes: 5 }
	};

	it('is short', () => {
		expect(encodeShareCode(pattern).length).toBeLessThan(30);
	});

	it('is found in a pasted link', () => {
		const code = encodeShareCode(pattern);
		expect(shareCodeFrom(`https://rustpunt.app/en/patroon?code=${code}`)).toBe(code);
		expect(shareCodeFrom(`  ${code}\n`)).toBe(code);
	});

	it('refuses a code whose phases break the rules, or whose name is not text', () => {
		// 'z' is 51 half seconds: 25.5 s.
		expect(decodeShareCode('1zAAMAc10.UnVzdA').ok).toBe(false);
		expect(decodeShareCode('1IAAMAc10.__8').ok).toBe(false);
		expect(decodeShareCode('2IAAMAc10.UnVzdA').ok).toBe(false);
		expect(decodeShareCode('1IAAMAc10.UnVzdA')).toMatchObject({ ok: true });
	});

	it('refuses a code whose name is only zero-width spaces', () => {
		const code = encodeShareCode({ ...pattern, name: '\u200B\u200B\u200B' });
		expect(decodeShareCode(code)).toMatchObject({ ok: false, errors: { name: 'required' } });
	});

	it('opens a code whose name turns text around with that control taken out', () => {
		const code = encodeShareCode({ ...pattern, name: '\u202Eeez' });
		expect(decodeShareCode(code)).toMatchObject({ ok: true, pattern: { name: 'eez' } });
	});
});
