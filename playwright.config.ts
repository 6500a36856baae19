import { defineConfig, devices } from '@playwright/test';

// Ports can be moved (E2E_PORT, E2E_UPDATE_PORT) so two checkouts can run their tests at once.
const PORT = Number(process.env.E2E_PORT || 4174);
export const UPDATE_PORT = Number(process.env.E2E_UPDATE_PORT || 4176);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** End-to-end tests against the production build, in Debian's Chromium at phone size. */
export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		...devices['Pixel 7'],
		viewport: { width: 390, height: 844 },
		locale: 'nl-NL',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'phone',
			use: { browserName: 'chromium' },
			testIgnore: /(addresses|layout)\.spec\.ts$/
		},
		// Loading every address in full (and laying each out at three widths) keeps both cores
		// busy for minutes: it runs after the rest, so that the tests that time the pacer never
		// share the machine with it.
		{
			name: 'addresses',
			use: { browserName: 'chromium' },
			testMatch: /(addresses|layout)\.spec\.ts$/,
			dependencies: ['phone']
		}
	],
	webServer: [
		{
			command: `node_modules/.bin/vite preview --port ${PORT} --strictPort`,
			port: PORT,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			// Serves build/ and can pretend a new version was deployed (tests/update.spec.ts).
			command: 'node tests/update-server.js',
			port: UPDATE_PORT,
			env: { PORT: String(UPDATE_PORT) },
			reuseExistingServer: false
		}
	]
});
