/** Where quick exit goes: an ordinary weather site, in the app's language (also in src/app.html). */
export const NEUTRAL_URLS = {
	nl: 'https://www.buienradar.nl/',
	en: 'https://www.bbc.com/weather'
} as const;

/** How long quick exit waits for a running exercise to be saved before leaving anyway. */
export const SAVE_BEFORE_EXIT_MS = 300;

type ExitHook = () => Promise<void> | void;
const hooks = new Set<ExitHook>();

/** Registers work to do before quick exit (stopping and saving an exercise); returns an undo. */
export function beforeQuickExit(hook: ExitHook): () => void {
	hooks.add(hook);
	return () => hooks.delete(hook);
}

/**
 * Leaves the app at once: the page goes blank in the same tap, a running exercise is stopped
 * and saved (waiting at most SAVE_BEFORE_EXIT_MS), and the page is replaced by a neutral site
 * so that Back does not return into the app. Runs once: a second press, or another tab asking
 * at the same moment, neither saves twice nor leaves twice.
 */
export async function quickExit(neutralUrl: string): Promise<void> {
	const root = document.documentElement.classList;
	if (root.contains('quick-exit')) return;
	root.add('quick-exit');
	document.title = '';
	try {
		// A hook that throws, even synchronously, must never keep the person here.
		const saving = Promise.allSettled([...hooks].map((hook) => Promise.resolve().then(hook)));
		await Promise.race([
			saving,
			new Promise((resolve) => setTimeout(resolve, SAVE_BEFORE_EXIT_MS))
		]);
	} finally {
		window.location.replace(neutralUrl);
	}
}
