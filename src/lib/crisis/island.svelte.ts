// "Breathe now" opened as a page (the home screen's shortcut, a reload, a tap before the app
// ran): its prerendered pacer breathes by CSS from the first paint, and this island takes over
// once the first frame is drawn (src/lib/platform/crisis-page.ts asks for it). It hydrates the
// exercise alone: no router, no layout. The page's header and footer stay as prerendered; what
// the layout does for them is done by ./shell.svelte.ts. Links load their page in full
// (src/app.html).
import BreatheNow from '$lib/screens/BreatheNow.svelte';
import { startIsland } from './shell.svelte';

startIsland('[data-crisis-island]', BreatheNow);
