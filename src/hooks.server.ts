import type { Handle } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { minifySync } from 'rolldown/utils';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { manifestHref } from '$lib/platform/manifest';
import { bootAfterFirstFrame, bootsAfterFirstFrame } from '$lib/platform/crisis-page';
import { minifyFirstPaintScript } from '$lib/platform/first-paint-script';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

// Every page carries the same first-paint script: minified once.
const minified = new Map<string, string>();
function minify(code: string): string {
	let small = minified.get(code);
	if (small === undefined) {
		const { code: out, errors } = minifySync('first-paint.js', code);
		if (errors.length > 0) throw new Error(`src/app.html's script: ${errors[0]!.message}`);
		small = out;
		minified.set(code, small);
	}
	return small;
}

/**
 * Renders each page in the language of its URL, with a matching <html lang> and manifest and
 * its first-paint script minified; a crisis page and the home screen ask for the app's code
 * only after their first frame.
 */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		const firstFrameFirst = bootsAfterFirstFrame(event.url.pathname);
		return resolve(event, {
			transformPageChunk: ({ html }) => {
				const page = minifyFirstPaintScript(
					html
						.replace('%paraglide.lang%', locale)
						.replace('%rustpunt.manifest%', manifestHref(locale)),
					sha256,
					minify
				);
				return firstFrameFirst ? bootAfterFirstFrame(page, sha256) : page;
			}
		});
	});
