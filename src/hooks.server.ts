import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { manifestHref } from '$lib/platform/manifest';

/** Renders each page in the language of its URL, with a matching <html lang> and manifest. */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%rustpunt.manifest%', manifestHref(locale))
		});
	});
