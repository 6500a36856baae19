import { dev } from '$app/environment';
import { getLocale } from '$lib/paraglide/runtime';
import { applySoundSettings } from './gateway';
import { preferences } from './preferences.svelte';
import { quickExit } from '$lib/safety/quick-exit';
import { whenIdle } from '$lib/platform/idle';
import { readStored } from '$lib/platform/local-storage';
import { STORAGE_KEYS } from '$lib/platform/storage-keys';

/** Quick exit: to a neutral site, with any running exercise stopped and saved first. */
export function leave(): void {
	void quickExit(getLocale());
}

/**
 * What the app does on every page once its code runs: the root layout calls it, and so do the
 * islands (src/lib/crisis/), which have no layout. `patternNames`: the page shows titles of own
 * patterns (the home screen's recent sessions; an island's other links load pages).
 */
export function startApp(
	where: 'router' | 'island' = 'router',
	{ patternNames = where === 'router' } = {}
): void {
	// The app runs: its own quick exit (which saves a running exercise) takes over from the
	// early one in src/app.html. Without the router (an island), src/app.html still makes
	// links replace the page, so the app keeps one history entry.
	document.documentElement.setAttribute('data-app', where === 'island' ? 'island' : '');
	// Discreet mode neutralises titles: loaded apart, so "breathe now" carries none of it.
	// When its quick copy says it is on, it applies at once; the database is read once the
	// page is quiet (and only then is the module loaded when the copy says it is off).
	let discreetMode: Promise<typeof import('$lib/player/discreet.svelte')> | undefined;
	const loadDiscreet = () => (discreetMode ??= import('$lib/player/discreet.svelte'));
	if (readStored(STORAGE_KEYS.discreet) === '1') {
		void loadDiscreet().then(({ discreet }) => discreet.applyEarly());
	}
	// Shift or Escape three times is counted by the script in src/app.html, which asks:
	window.addEventListener('rustpunt-quick-exit', leave);
	// The settings in the database (the quick copy served the first frame) once it is quiet.
	whenIdle(() => {
		void preferences.load().then(applySoundSettings);
		void loadDiscreet().then(({ discreet }) => discreet.readStored());
		// Own patterns' names, for titles in the journal and on the home screen (loaded here,
		// not before the first breath).
		if (patternNames) {
			void import('$lib/player/pattern-names.svelte').then((names) => names.loadPatternNames());
		}
	}, 300);
	if (dev) return;
	// Offline support is set up when the browser is idle, never before the first frame.
	whenIdle(
		() => void import('$lib/platform/bridge').then((bridge) => bridge.registerServiceWorker()),
		500
	);
}
