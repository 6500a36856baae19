// Which of the site's static files (static/) the service worker keeps for offline use. Plain
// JavaScript, so that bench/bundle-size.js (and the byte budget in tests/budget.spec.ts, which
// uses it) counts exactly what the worker stores.

/**
 * The icons that only an install asks for: the manifests' icons and the drawings they are made
 * from (src/build/draw-icons.js). The browser fetches them when the app is installed, online;
 * no page shows them, so a phone that opens the app in the browser never needs them, offline or
 * not. The pages' own icons stay: the touch icon, and discreet mode's neutral one.
 */
const INSTALL_ONLY = /^\/icons\/(?!apple-touch-icon\.png$|neutral-192\.png$)/;

/**
 * Whether the service worker keeps a file of static/ (its address, as `/icons/x.png`) for
 * offline use.
 * @param {string} address
 * @returns {boolean}
 */
export function keptOffline(address) {
	return !INSTALL_ONLY.test(address) && !address.endsWith('/.DS_Store');
}
