// "Breathe now" opened as a page (the home screen's shortcut, a reload, a tap before the app
// ran): its prerendered pacer breathes by CSS from the first paint, and this island takes over
// once the first frame is drawn (src/lib/platform/crisis-page.ts asks for it). It hydrates the
// exercise alone: no router, no layout. The page's header and footer stay as prerendered; what
// the layout does for them is done here. Links load their page in full (src/app.html).
//
// This module's code is evaluated in one task, the exercise hydrated in the next, and the rest
// of the shell started in a third, so that none holds the phone for long while the pacer
// breathes. The app's own quick exit, which saves a running session, is set up just before
// the exercise is hydrated: the session starts later (BreathingRun waits a task), so there is
// never one it would not save.
import { hydrate, mount, unmount } from 'svelte';
import BreatheNow from '$lib/screens/BreatheNow.svelte';
import { leave, startApp } from '$lib/player/app-start';
import { updateState } from '$lib/platform/update-state.svelte';
import { exerciseActivity } from '$lib/player/activity.svelte';
import { startAppLockWhenIdle } from '$lib/player/lock-start';
import { offersUpdate } from '$lib/player/update-offer';
import { findLocaleOncePerAddress } from '$lib/platform/locale';

/** The app runs, and its quick exit takes over from src/app.html's (the header's button too). */
function startAppHere() {
	startApp('island');
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

const island = document.querySelector('[data-crisis-island]');
if (island) {
	findLocaleOncePerAddress();
	setTimeout(() => {
		startAppHere();
		hydrate(BreatheNow, { target: island });
	}, 0);
	setTimeout(startShell, 0);
}
