// The home screen opened as a page (the app's icon, a reload) while no app lock is set: its
// boot (src/lib/platform/crisis-page.ts) asks for this island instead of SvelteKit after the
// first frame. It hydrates the home screen alone, without the router and the layout, as
// "breathe now"'s island does, so the phone is free sooner for a tap on "Adem nu". Links load
// their page in full (src/app.html), and that page boots the router.
//
// With a lock set, the home screen runs the router instead: the key that unlocks the app lives
// in the page's memory, and here every link would load a page that asks for it again. The boot
// reads a quick copy of whether a lock is set. When the lock turns out to be locked all the same
// (set by a version before the copy, or locked from another tab while this page was open), the
// lock screen takes the home screen's place here, as LockGate does under the router.
import { mount, unmount, type hydrate } from 'svelte';
import { appLock } from '$lib/player/app-lock.svelte';
import HomeScreen from '$lib/screens/HomeScreen.svelte';
import { startIsland } from './shell.svelte';

// A tap on "Adem nu" loads /nu as a page here: the sound is readied there, not here. (Where a
// browser allows sound only after a touch on the page itself, as iOS does, /nu's cues then begin
// at the first touch there, as when it is opened from the home screen's shortcut.)
const props = { readySound: false };

/** While the app is locked, the lock screen stands where the home screen was. */
function gate(target: Element, home: ReturnType<typeof hydrate>) {
	let shown: ReturnType<typeof mount> | undefined = home;
	let showsLock = false;
	let turn = 0;
	$effect.root(() => {
		$effect(() => {
			const locked = appLock.status === 'locked';
			if (locked === showsLock) return;
			showsLock = locked;
			const mine = ++turn;
			// At once: nothing private stays on screen while the other screen loads.
			if (shown) void unmount(shown);
			shown = undefined;
			// Mounted once the effect has run (a microtask later), so the screen is not the effect's.
			const next: Promise<() => ReturnType<typeof mount>> = locked
				? import('$lib/screens/LockScreen.svelte').then(
						(screen) => () => mount(screen.default, { target })
					)
				: Promise.resolve(() => mount(HomeScreen, { target, props }));
			void next.then((show) => {
				if (mine === turn) shown = show();
			});
		});
	});
}

startIsland('[data-home-island]', HomeScreen, { patternNames: true, props, hydrated: gate });
