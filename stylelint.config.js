/*
 * The design tokens at the top of src/app.css are the only place for a colour, a size of type,
 * a space, a radius, a shadow or a duration. This keeps every component on them: a raw value
 * where a token belongs fails the lint.
 *
 * The plugin checks each space-separated item of a value on its own (`var(--space-2) 0` is two
 * items). For each guarded property, ALLOWED lists what an item may be, as regular expressions.
 * Variables and functions are not let through wholesale (the plugin's default), or
 * `rgb(0 0 0 / 0.3)` would pass: calc() and friends may combine tokens with plain numbers and
 * the safe-area insets, nothing else.
 */

/** A token: var(--space-2). (Negate it in calc(): a bare -var(--x) is not CSS.) */
const TOKEN = String.raw`var\(--[a-z0-9-]+\)`;
/** Arithmetic on tokens: calc(var(--tap) + var(--space-2)), calc(-1 * var(--gutter)). */
const MATH = String.raw`(?:calc|min|max|clamp)\((?:[\s\d.*/+,()-]|${TOKEN}|env\([a-z-]+\)|calc|min|max)+\)`;
/** The phone's safe-area insets: structural, not a design choice. */
const INSET = String.raw`env\(safe-area-inset-(?:top|right|bottom|left)\)`;
/** A colour: a token, a keyword, or a mix of tokens. */
const COLOUR = String.raw`${TOKEN}|transparent|currentColor|inherit|none|color-mix\((?:[\s\d.%,]|in|srgb|oklab|${TOKEN}|transparent)+\)`;
/** A gradient drawn with colour tokens and positions only. */
const GRADIENT = String.raw`(?:radial|linear|conic)-gradient\((?:[^()#]|${TOKEN})+\)`;

/** What an item of each guarded property may be. */
const ALLOWED = {
	'/^(color|background-color|border(-(top|right|bottom|left))?-color|outline-color|accent-color|caret-color|fill|stroke)$/':
		[COLOUR],
	// A border or outline: a width (hairline to accent bar, structural), a style, a colour token.
	'/^(border(-(top|right|bottom|left))?|outline)$/': [
		'[1-4]px',
		'0',
		'solid|dashed|dotted',
		COLOUR
	],
	'/^background$/': [COLOUR, GRADIENT],
	'/^font-size$/': [TOKEN, 'inherit'],
	'/^font-weight$/': [TOKEN, 'inherit'],
	'/^font$/': ['inherit'],
	// A space: a token, 0, auto, a safe-area inset, or the 1px of a visually hidden element.
	'/^((margin|padding)(-.+)?|(row-|column-)?gap)$/': [TOKEN, MATH, INSET, '0', 'auto', '-?1px'],
	'/^border(-[a-z]+)*-radius$/': [TOKEN, MATH, '0', '50%', 'inherit'],
	// A shadow token, or a 1px hairline drawn in a colour token.
	'/^box-shadow$/': [TOKEN, 'none', 'inset', '0', '-?1px'],
	'/^line-height$/': [TOKEN, 'normal', 'inherit'],
	'/^(animation|transition)-timing-function$/': [TOKEN, 'linear', 'steps\\([^)]*\\)'],
	// Anything but a number of seconds: durations are tokens.
	'/^(transition|animation)(-duration)?$/': [String.raw`(?!-?[\d.]+m?s,?$).+`]
};

/** One regular expression for an item: any of the alternatives, perhaps ending a comma list. */
const item = (alternatives) => `/^(?:${alternatives.join('|')}),?$/`;

/** @type {import('stylelint').Config} */
export default {
	plugins: ['stylelint-declaration-strict-value'],
	ignoreFiles: [
		'build/**',
		'.svelte-kit/**',
		'node_modules/**',
		'src/lib/paraglide/**',
		'bench/**',
		'docs/**',
		'test-results/**',
		'playwright-report/**'
	],
	overrides: [{ files: ['**/*.svelte'], customSyntax: 'postcss-html' }],
	reportNeedlessDisables: true,
	reportInvalidScopeDisables: true,
	reportDescriptionlessDisables: true,
	rules: {
		'scale-unlimited/declaration-strict-value': [
			Object.keys(ALLOWED),
			{
				ignoreVariables: false,
				ignoreFunctions: false,
				ignoreValues: Object.fromEntries(
					Object.entries(ALLOWED).map(([property, alternatives]) => [property, item(alternatives)])
				),
				message: 'Expected a design token from src/app.css for "${value}" of "${property}"'
			}
		],
		// Outside the tokens themselves, a colour is never spelled out, not even in a custom property.
		'color-no-hex': true,
		'color-named': 'never',
		'function-disallowed-list': [
			'rgb',
			'rgba',
			'hsl',
			'hsla',
			'hwb',
			'lab',
			'lch',
			'oklab',
			'oklch'
		]
	}
};
