import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/*
 * The arrows between the folders of src/lib (see docs/layers.svg): each folder names the
 * folders it must never import, as regular expressions on the import's path. ESLint lets one
 * set of options apply to a file, so each folder's set also carries the rules for all of src.
 */
const inLib = (folders) => `^(\\$lib|\\.\\.)(/\\.\\.)*/(${folders})(/|$)`;
const NEVER = {
	engine: {
		regex: '^(\\$lib/|\\.\\./)|^(svelte|dexie|howler)(/|$)',
		why: 'The engine is pure and the bottom layer: it imports nothing of the app, no Svelte, no DOM.'
	},
	records: {
		regex: '^(\\$lib/|\\.\\./)(?!engine/)',
		why: 'Records are pure and below storage: only the engine is below them.'
	},
	components: {
		regex: inLib('player|storage|audio|screens'),
		why: 'Components take props and call back; a screen binds them to a player.'
	},
	i18n: {
		regex: inLib('player|storage|audio|platform|screens|components|security'),
		why: 'i18n holds text only: the caller passes in what the words need.'
	},
	content: {
		regex: inLib('player|storage|audio|platform|screens|components').concat(
			'|^\\./build(/|$)|content/build'
		),
		why: 'Runtime content is pure and never loads the build-time code (YAML, node:fs).'
	},
	'journal|programmes|settings|safety|security': {
		regex: inLib('player|storage|audio|screens|components'),
		why: 'Pure and platform code sits below the players and screens.'
	},
	'storage|audio|platform': {
		regex: inLib('player|screens|components'),
		why: 'Side effects are owned below the players: a player tells them what to do.'
	},
	player: {
		regex: inLib('screens|components'),
		why: 'Players are reactive state; the screens bind them to views, not the other way.'
	},
	crisis: {
		regex: '^\\./build(/|$)|crisis/build',
		why: 'The island runs in the browser and never loads its build step (Vite, node).'
	}
};
/** The crisis island starts itself when its module is evaluated: only its boot asks for it. */
const ISLAND = {
	// $lib/crisis/ and ../crisis/, but not its build step (crisis/build/, for the build).
	regex: '^(\\$lib|\\.\\.)(/\\.\\.)*/crisis(/(?!build(/|$))|$)',
	message: 'Nothing imports the crisis island (src/lib/crisis/): it starts when loaded.'
};
/** The rules for all of src: navigation by code replaces history; one owner per library. */
const EVERYWHERE = {
	paths: [
		{
			name: '$app/navigation',
			importNames: ['goto', 'pushState'],
			message: 'Navigate with navigate() from $lib/platform/navigation: it replaces history.'
		}
	]
};
const owner = (name, folder) => ({
	regex: `^${name}(/|$)`,
	message: `Only src/lib/${folder}/ imports ${name}.`
});

/** One `no-restricted-imports` set per folder of src/lib, and one for the rest of src. */
function importRules() {
	const restrict = (folder, extra = []) => [
		'error',
		{
			...EVERYWHERE,
			patterns: [
				...(folder.match(/storage/) ? [] : [owner('dexie', 'storage')]),
				...(folder.match(/audio/) ? [] : [owner('howler', 'audio')]),
				...(folder === 'crisis' ? [] : [ISLAND]),
				...extra
			]
		}
	];
	return [
		{
			files: ['src/**/*.ts', 'src/**/*.svelte'],
			ignores: ['src/lib/platform/navigation.ts'],
			rules: { 'no-restricted-imports': restrict('') }
		},
		...Object.entries(NEVER).map(([folders, { regex, why }]) => ({
			files: folders
				.split('|')
				.flatMap((f) => [`src/lib/${f}/**/*.ts`, `src/lib/${f}/**/*.svelte`]),
			// Tests may reach across layers to set the scene.
			ignores: ['**/*.test.ts', 'src/lib/platform/navigation.ts'],
			rules: { 'no-restricted-imports': restrict(folders, [{ regex, message: why }]) }
		})),
		...['storage', 'audio'].map((folder) => ({
			files: [`src/lib/${folder}/**/*.test.ts`],
			rules: { 'no-restricted-imports': restrict(folder) }
		}))
	];
}

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'bench/results/',
			'bench/.tools/',
			'bench/.floor/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['playwright.config.ts'] },
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		// The service worker is checked against its own tsconfig (webworker lib).
		files: ['src/service-worker.ts'],
		languageOptions: {
			parserOptions: { projectService: false, project: './src/service-worker.tsconfig.json' }
		}
	},
	{
		// Quick exit must leave no way Back into the app: every navigation by code replaces the
		// history entry, through the one helper in src/lib/platform/navigation.ts.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/platform/navigation.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.property.name='pushState']",
					message: 'Adds a history entry that Back leads into after quick exit.'
				},
				{
					selector:
						"CallExpression[callee.property.name='assign']:matches([callee.object.name='location'], [callee.object.property.name='location'])",
					message: 'Adds a history entry: use location.replace or navigate().'
				},
				{
					selector:
						"AssignmentExpression:matches([left.name='location'], [left.property.name='href']:matches([left.object.name='location'], [left.object.property.name='location']))",
					message: 'Adds a history entry: use location.replace or navigate().'
				}
			]
		}
	},
	...importRules(),
	{
		rules: {
			// Links go through Paraglide's localizeHref (the app has no base path to resolve).
			'svelte/no-navigation-without-resolve': 'off',
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	}
);
