/**
 * The rule for a person's short texts (a pattern's name, a note, an answer, a list item),
 * wherever they come from: typed, in a share code or in an import. Pure.
 *
 * A text is stored composed (NFC), so the same words always compare alike; without the
 * characters that turn the direction of text around, which can make a name read differently
 * from what it holds; and without blank edges. A text that shows nothing (only spaces or
 * zero-width characters) counts as empty.
 */

/**
 * The bidirectional controls: embeddings and overrides (U+202A-202E), isolates (U+2066-2069),
 * the left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic letter mark
 * (U+061C). Rustpunt's languages never need them, and a right-to-left override shows a name
 * backwards ("Zee" and its reverse look alike in a list).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/**
 * Blank at the edges of a text: white space, and the zero-width characters that show nothing
 * wherever they stand (zero-width space, word joiner, joiners with nothing to join, soft
 * hyphen, Mongolian vowel separator, combining grapheme joiner, the Hangul fillers). Variation
 * selectors and emoji tags are kept: at the end of a text they belong to its last emoji.
 */
const ZERO_WIDTH: ReadonlySet<string> = new Set([
	'\u200B',
	'\u200C',
	'\u200D',
	'\u2060',
	'\uFEFF',
	'\u180E',
	'\u00AD',
	'\u034F',
	'\u115F',
	'\u1160',
	'\u3164',
	'\uFFA0',
	'\u2800'
]);
const isEdge = (char: string) => ZERO_WIDTH.has(char) || /\s/u.test(char);

/**
 * Characters that show nothing by themselves: spaces, controls and format characters,
 * unassigned code points, marks without a letter to sit on, the default-ignorable characters
 * (zero-width space, joiners, variation selectors, fillers) and the blank Braille pattern.
 */
const INVISIBLE =
	/[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** The text as it is stored: composed (NFC), without bidirectional controls, blank edges trimmed. */
export function cleanText(raw: string): string {
	// Controls out first: one between a letter and its accent would keep them from composing.
	const chars = [...raw.replace(BIDI_CONTROLS, '').normalize('NFC')];
	let start = 0;
	let end = chars.length;
	while (start < end && isEdge(chars[start]!)) start++;
	while (end > start && isEdge(chars[end - 1]!)) end--;
	return chars.slice(start, end).join('');
}

/** Whether a text shows anything: at least one character that is not blank or zero-width. */
export function isVisible(text: string): boolean {
	for (const char of text) if (!INVISIBLE.test(char)) return true;
	return false;
}

/** The cleaned text, or undefined when nothing visible is left (the text counts as empty). */
export function visibleText(raw: string): string | undefined {
	const text = cleanText(raw);
	return isVisible(text) ? text : undefined;
}
