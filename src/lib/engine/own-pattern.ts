/**
 * The rules for a person's own breathing pattern, and its share code. Pure: the editor, the
 * stored record, an import and a shared code all pass through `validatePattern`, and only what
 * it accepts can become a `BreathingPattern` that runs.
 */
import { cleanText, isVisible } from './text';
import type { BreathingPattern, BreathPhaseKind } from './types';

/** The phases of an own pattern, in the order they are breathed. */
export const PHASE_FIELDS = ['inhale', 'inhaleTop', 'holdIn', 'exhale', 'holdOut'] as const;
export type PhaseField = (typeof PHASE_FIELDS)[number];

const KIND_OF: Record<PhaseField, BreathPhaseKind> = {
	inhale: 'inhale',
	inhaleTop: 'inhale-top',
	holdIn: 'hold-in',
	exhale: 'exhale',
	holdOut: 'hold-out'
};

/** Phases that may be 0 (left out); inhale and exhale are always there. */
export const OPTIONAL_PHASES: ReadonlySet<PhaseField> = new Set(['inhaleTop', 'holdIn', 'holdOut']);

/** Every limit of the rules, in seconds unless the name says otherwise. */
export const PATTERN_LIMITS = {
	/** Shortest inhale or exhale. */
	minBreathS: 0.5,
	/** Longest single phase. */
	maxPhaseS: 20,
	/** Seconds come in steps of this size. */
	stepS: 0.5,
	/** Longest whole cycle. */
	maxCycleS: 60,
	/** Longest name, in characters. */
	maxNameChars: 40,
	maxCycles: 200,
	maxMinutes: 60,
	/** A session never runs longer than this many minutes, however it is counted. */
	maxSessionMinutes: 60,
	/** Faster than this many breaths a minute earns a gentle warning (over-breathing). */
	warnBreathsPerMinute: 12,
	/** A hold longer than this earns a gentle warning (panic). */
	warnHoldS: 10
} as const;

/** How long a session of the pattern lasts. */
export type PatternLength =
	{ kind: 'cycles'; cycles: number } | { kind: 'minutes'; minutes: number };

/** A pattern that passed every rule: it may run. */
export interface OwnPattern {
	readonly name: string;
	readonly inhale: number;
	readonly inhaleTop: number;
	readonly holdIn: number;
	readonly exhale: number;
	readonly holdOut: number;
	readonly length: PatternLength;
}

/** The fields the editor shows, each of which can carry a message. */
export type PatternField = 'name' | PhaseField | 'cycles' | 'minutes' | 'cycle';

/** Why a field was refused. */
export type PatternError =
	| 'required'
	| 'not-a-number'
	| 'too-small'
	| 'too-large'
	| 'not-a-step'
	| 'not-whole'
	| 'name-invalid'
	| 'cycle-too-long'
	| 'session-too-long';

/** A gentle note that does not stop the pattern from running. */
export type PatternWarning = 'fast-rate' | 'long-hold';

export type PatternCheck =
	| { ok: true; pattern: OwnPattern; warnings: PatternWarning[] }
	| { ok: false; errors: Partial<Record<PatternField, PatternError>>; warnings: PatternWarning[] };

const MAX_TEXT = 12;

/** A field's value, or why it was refused (a name may well be the word "required"). */
type Read<T> = { value: T } | { error: PatternError };
const fail = (error: PatternError): { error: PatternError } => ({ error });

/**
 * A number from a field: a finite number, or text such as "4", "4.5" or "4,5". Anything else
 * (text, NaN, "1e3", an object) is not a number; empty text is `empty`.
 */
function readNumber(raw: unknown, empty: Read<number>): Read<number> {
	if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : fail('not-a-number');
	if (typeof raw !== 'string')
		return raw === undefined || raw === null ? empty : fail('not-a-number');
	const trimmed = raw.trim();
	if (trimmed === '') return empty;
	if (trimmed.length > MAX_TEXT || !/^-?\d+(?:[.,]\d+)?$/.test(trimmed))
		return fail('not-a-number');
	return { value: Number(trimmed.replace(',', '.')) };
}

function phaseSeconds(phase: PhaseField, raw: unknown): Read<number> {
	const optional = OPTIONAL_PHASES.has(phase);
	const read = readNumber(raw, optional ? { value: 0 } : fail('required'));
	if ('error' in read) return read;
	const min = optional ? 0 : PATTERN_LIMITS.minBreathS;
	if (read.value < min) return fail('too-small');
	if (read.value > PATTERN_LIMITS.maxPhaseS) return fail('too-large');
	if (!Number.isInteger(read.value / PATTERN_LIMITS.stepS)) return fail('not-a-step');
	return read;
}

function wholeNumber(raw: unknown, max: number): Read<number> {
	const read = readNumber(raw, fail('required'));
	if ('error' in read) return read;
	if (!Number.isInteger(read.value)) return fail('not-whole');
	if (read.value < 1) return fail('too-small');
	if (read.value > max) return fail('too-large');
	return read;
}

/**
 * A name: cleaned by the text rule (composed, no direction controls, no blank edges), with
 * something visible in it (a name of zero-width spaces looks empty), 1 to 40 characters, no
 * control characters or broken text.
 */
function checkName(raw: unknown): Read<string> {
	if (typeof raw !== 'string') return fail('required');
	const name = cleanText(raw);
	if (!isVisible(name)) return fail('required');
	if ([...name].length > PATTERN_LIMITS.maxNameChars) return fail('too-large');
	if (/[\p{Cc}\p{Cs}]/u.test(name)) return fail('name-invalid');
	return { value: name };
}

function field(value: unknown, key: string): unknown {
	return typeof value === 'object' && value !== null
		? (value as Record<string, unknown>)[key]
		: undefined;
}

/**
 * Checks anything that claims to be a pattern (the editor's text, a stored record, a shared
 * code) against every rule. Only an `ok` result can run; warnings never refuse.
 */
export function validatePattern(input: unknown): PatternCheck {
	const errors: Partial<Record<PatternField, PatternError>> = {};
	const warnings: PatternWarning[] = [];

	const name = checkName(field(input, 'name'));
	if ('error' in name) errors.name = name.error;

	const seconds = {} as Record<PhaseField, number>;
	for (const phase of PHASE_FIELDS) {
		const read = phaseSeconds(phase, field(input, phase));
		if ('error' in read) errors[phase] = read.error;
		else seconds[phase] = read.value;
	}

	const lengthInput = field(input, 'length');
	const kind = field(lengthInput, 'kind');
	let length: PatternLength | undefined;
	if (kind === 'minutes') {
		const minutes = wholeNumber(field(lengthInput, 'minutes'), PATTERN_LIMITS.maxMinutes);
		if ('error' in minutes) errors.minutes = minutes.error;
		else length = { kind, minutes: minutes.value };
	} else {
		const cycles = wholeNumber(field(lengthInput, 'cycles'), PATTERN_LIMITS.maxCycles);
		if ('error' in cycles) errors.cycles = cycles.error;
		else if (kind === 'cycles') length = { kind, cycles: cycles.value };
		else errors.cycles = 'required';
	}

	const phasesOk = PHASE_FIELDS.every((phase) => typeof seconds[phase] === 'number');
	if (phasesOk) {
		const cycleS = PHASE_FIELDS.reduce((sum, phase) => sum + seconds[phase], 0);
		if (cycleS > PATTERN_LIMITS.maxCycleS) errors.cycle = 'cycle-too-long';
		if (60 / cycleS > PATTERN_LIMITS.warnBreathsPerMinute) warnings.push('fast-rate');
		if (Math.max(seconds.holdIn, seconds.holdOut) > PATTERN_LIMITS.warnHoldS) {
			warnings.push('long-hold');
		}
		if (
			length?.kind === 'cycles' &&
			(length.cycles * cycleS) / 60 > PATTERN_LIMITS.maxSessionMinutes
		) {
			errors.cycles = 'session-too-long';
		}
	}

	if (Object.keys(errors).length > 0 || !length || 'error' in name) {
		return { ok: false, errors, warnings };
	}
	return { ok: true, pattern: { name: name.value, ...seconds, length }, warnings };
}

/** Seconds of one whole cycle of a valid pattern. */
export function cycleSeconds(pattern: OwnPattern): number {
	return PHASE_FIELDS.reduce((sum, phase) => sum + pattern[phase], 0);
}

/** Whether a valid pattern has a hold in it (the person may switch holds off). */
export function hasHolds(pattern: OwnPattern): boolean {
	return pattern.holdIn > 0 || pattern.holdOut > 0;
}

/** The phases the engine runs; a phase of 0 is left out. */
export function toBreathingPattern(pattern: OwnPattern): BreathingPattern {
	return {
		phases: PHASE_FIELDS.filter((phase) => pattern[phase] > 0).map((phase) => ({
			kind: KIND_OF[phase],
			durationMs: Math.round(pattern[phase] * 1000)
		}))
	};
}

// URL-safe base64 alphabet: a half-second count (0-40) fits in one character.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODE_VERSION = '1';
const CODE = /^1([A-Za-z0-9_-]{5})([cm])(\d{1,4})\.([A-Za-z0-9_-]{1,220})$/;
/** Longest share code accepted; anything longer is junk. */
export const MAX_SHARE_CODE = 240;

/**
 * A short text that holds a valid pattern: version, one character per phase (half seconds),
 * the length, and the name as URL-safe base64 of its UTF-8. Safe in a link as it is.
 */
export function encodeShareCode(pattern: OwnPattern): string {
	const phases = PHASE_FIELDS.map((phase) => ALPHABET[Math.round(pattern[phase] * 2)]).join('');
	const length =
		pattern.length.kind === 'cycles' ? `c${pattern.length.cycles}` : `m${pattern.length.minutes}`;
	return `${CODE_VERSION}${phases}${length}.${toBase64Url(utf8Bytes(pattern.name))}`;
}

/**
 * Reads a share code (as typed, pasted or taken from a link) and checks the pattern in it by
 * the same rules as the editor. Anything else is refused as a whole.
 */
export function decodeShareCode(code: unknown): PatternCheck | { ok: false; errors: 'not-a-code' } {
	const refused = { ok: false as const, errors: 'not-a-code' as const };
	if (typeof code !== 'string' || code.length > MAX_SHARE_CODE) return refused;
	const match = CODE.exec(code.trim());
	if (!match) return refused;
	const [, phaseChars, kind, amount, name] = match as unknown as [
		string,
		string,
		string,
		string,
		string
	];
	const bytes = fromBase64Url(name);
	const text = bytes && utf8Text(bytes);
	if (text === undefined) return refused;
	const seconds = Object.fromEntries(
		PHASE_FIELDS.map((phase, i) => [phase, ALPHABET.indexOf(phaseChars[i]!) / 2])
	);
	const length =
		kind === 'c'
			? { kind: 'cycles', cycles: Number(amount) }
			: { kind: 'minutes', minutes: Number(amount) };
	return validatePattern({ name: text, ...seconds, length });
}

/** Finds the code in what was pasted: the code itself, or a link with `?code=` or `#`. */
export function shareCodeFrom(text: string): string {
	const trimmed = text.trim().slice(0, 2000);
	const found = /[?&#](?:code=)?(1[A-Za-z0-9_-]{5}[cm]\d{1,4}\.[A-Za-z0-9_-]+)/.exec(trimmed);
	return found ? found[1]! : trimmed;
}

function utf8Bytes(text: string): number[] {
	const bytes: number[] = [];
	for (const char of encodeURIComponent(text).match(/%[0-9A-F]{2}|[^%]/g) ?? []) {
		bytes.push(char.length === 3 ? parseInt(char.slice(1), 16) : char.charCodeAt(0));
	}
	return bytes;
}

function utf8Text(bytes: number[]): string | undefined {
	try {
		return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
	} catch {
		return undefined;
	}
}

function toBase64Url(bytes: number[]): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
		for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
	}
	return out;
}

function fromBase64Url(text: string): number[] | undefined {
	if (text.length % 4 === 1) return undefined;
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i += 4) {
		const part = text.slice(i, i + 4);
		let chunk = 0;
		for (let c = 0; c < 4; c++)
			chunk = (chunk << 6) | (c < part.length ? ALPHABET.indexOf(part[c]!) : 0);
		const count = part.length - 1;
		for (let b = 0; b < count; b++) bytes.push((chunk >> (16 - 8 * b)) & 255);
		// Bits past the last byte must be zero, so each pattern has exactly one code.
		if (chunk & ((1 << (24 - 8 * count)) - 1)) return undefined;
	}
	return bytes;
}
