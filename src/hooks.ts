import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** /en/nu and /nu are the same page in another language. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
