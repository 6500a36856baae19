import type { Handle } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { manifestHref } from '$lib/platform/manifest';
import { bootAfterFirstFrame, isCrisisPath } from '$lib/platform/crisis-page';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * Renders each page in the language of its URL, with a matching <html lang> and manifest; a
 * crisis page asks for the app's code only after its first frame.
 */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		const crisis = isCrisisPath(event.url.pathname);
		return resolve(event, {
			transformPageChunk: ({ html }) => {
				const page = html
					.replace('%paraglide.lang%', locale)
					.replace('%rustpunt.manifest%', manifestHref(locale));
				return crisis ? bootAfterFirstFrame(page, sha256) : page;
			}
		});
	});
