// What the layout does around a page, for a page an island hydrates without the router: the
// prerendered header and footer stay as they are, and this makes them work. Shared by the
// islands of "breathe now" (./island.svelte.ts) and the home screen (./home.svelte.ts).
//
// The island's code is evaluated in one task, its page hydrated in the next, and the rest of
// the shell started in a third, so that none holds the phone for long. The app's own quick
// exit, which saves a running session, is set up just before the page is hydrated: a session
// starts later (BreathingRun waits a task), so there is never one it would not save.
import { hydrate, mount, unmount, type Component } from 'svelte';
import { leave, startApp } from '$lib/player/app-start';
import { updateState } from '$lib/platform/update-state.svelte';
import { exerciseActivity } from '$lib/player/activity.svelte';
import { startAppLockWhenIdle } from '$lib/player/lock-start';
import { offersUpdate } from '$lib/player/update-offer';
import { findLocaleOncePerAddress } from '$lib/platform/locale';

/** The app runs, and its quick exit takes over from src/app.html's (the header's button too). */
function startAppHere(patternNames: boolean) {
	startApp('island', { patternNames });
	// The header's quick exit, prerendered without the layout's handler.
	for (const button of document.querySelectorAll('[data-quick-exit]')) {
		button.addEventListener('click', leave);
	}
}

/** The rest of what the layout does, for the prerendered header and footer. */
function startShell() {
	// As in the layout: the footer's links, and the offer of a new version, wait until no
	// exercise is running.
	const footer = document.querySelector<HTMLElement>('.app-footer');
	const main = document.getElementById('main');
	$effect.root(() => {
		$effect(() => {
			if (footer) footer.style.display = exerciseActivity.busy ? 'none' : '';
		});
		$effect(() => {
			if (!offersUpdate() || !main?.parentElement) return;
			let banner: ReturnType<typeof mount> | undefined;
			let gone = false;
			void import('$lib/components/UpdateBanner.svelte').then(({ default: UpdateBanner }) => {
				if (gone) return;
				banner = mount(UpdateBanner, {
					target: main.parentElement!,
					anchor: main,
					props: { onupdate: () => updateState.apply() }
				});
			});
			return () => {
				gone = true;
				if (banner) void unmount(banner);
			};
		});
	});
	// The app lock listens from here on (as LockGate does on an open page), when it is quiet.
	void startAppLockWhenIdle();
}

/** What an island may ask for besides its page. */
interface IslandOptions<Props> {
	/** The page shows titles of own patterns. */
	patternNames?: boolean;
	props?: Props;
	/** Runs once the page is hydrated, with the element it stands in and the page itself. */
	hydrated?: (target: Element, page: ReturnType<typeof hydrate>) => void;
}

/**
 * Hydrates `page` in `selector`'s element, with the app and its shell around it, when the page
 * has that element.
 */
export function startIsland<Props extends Record<string, unknown>>(
	selector: string,
	page: Component<Props>,
	{ patternNames = false, props, hydrated }: IslandOptions<Props> = {}
): void {
	const target = document.querySelector(selector);
	if (!target) return;
	findLocaleOncePerAddress();
	setTimeout(() => {
		startAppHere(patternNames);
		const shown = hydrate(page, { target, props: props ?? ({} as Props) });
		hydrated?.(target, shown);
	}, 0);
	setTimeout(startShell, 0);
}
