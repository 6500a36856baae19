import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
			'bench/.tools/'
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
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$app/navigation',
							importNames: ['goto', 'pushState'],
							message:
								'Navigate with navigate() from $lib/platform/navigation: it replaces history.'
						}
					]
				}
			],
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
	{
		// Runtime content never loads the build-time code (YAML, node:fs) in content/build/.
		files: ['src/lib/content/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$app/navigation',
							importNames: ['goto', 'pushState'],
							message:
								'Navigate with navigate() from $lib/platform/navigation: it replaces history.'
						}
					],
					patterns: [
						{
							group: ['./build', './build/*', '$lib/content/build', '$lib/content/build/*'],
							message: 'content/build/ is build-time code (node): the app must not load it.'
						}
					]
				}
			]
		}
	},
	{
		rules: {
			// Links go through Paraglide's localizeHref (the app has no base path to resolve).
			'svelte/no-navigation-without-resolve': 'off',
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	}
);
