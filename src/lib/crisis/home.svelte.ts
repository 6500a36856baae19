// The home screen opened as a page (the app's icon, a reload) while no app lock is set: its
// boot (src/lib/platform/crisis-page.ts) asks for this island instead of SvelteKit after the
// first frame. It hydrates the home screen alone, without the router and the layout, as
// "breathe now"'s island does, so the phone is free sooner for a tap on "Adem nu". Links load
// their page in full (src/app.html), and that page boots the router.
//
// With a lock set, the home screen needs the router: the key that unlocks the app lives in the
// page's memory, and a page load would ask for it again. The boot reads a quick copy of whether
// a lock is set; when the lock turns out to be set after all (set by a version before the copy,
// or locked from another tab), the page loads again, and the router shows the lock.
import { appLock } from '$lib/player/app-lock.svelte';
import HomeScreen from '$lib/screens/HomeScreen.svelte';
import { startIsland } from './shell.svelte';

// A tap on "Adem nu" loads /nu as a page here: the sound is readied there, not here.
startIsland('[data-home-island]', HomeScreen, {
	patternNames: true,
	props: { readySound: false }
});

$effect.root(() => {
	$effect(() => {
		const set = appLock.status === 'locked' || appLock.status === 'unlocked';
		if (set && !document.documentElement.classList.contains('quick-exit')) {
			location.replace(location.href);
		}
	});
});
