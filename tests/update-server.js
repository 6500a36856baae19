// A static server for the update test only: it serves build/ like any static host, and after
// a POST to /__test/next-version it serves a changed service worker, as after a new deploy.
// Every POST is a new deploy: a test that installed whatever version was current (another test,
// or its own earlier try, may have posted before) always finds a newer one after its POST.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const root = join(import.meta.dirname, '..', 'build');
const port = Number(process.env.PORT || 4176);
/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.wav': 'audio/wav'
};
/** How many deploys the tests have made: 0 serves the build as it is. */
let deploys = 0;

/**
 * The file for a URL path: /nu is nu.html, / is index.html.
 * @param {string} pathname
 */
function resolve(pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
		const file = join(root, candidate);
		if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

createServer((request, response) => {
	const { pathname } = new URL(request.url ?? '/', 'http://localhost');
	if (request.method === 'POST' && pathname === '/__test/next-version') {
		deploys += 1;
		response.writeHead(204).end();
		return;
	}
	const file = resolve(pathname);
	if (!file) {
		// As static hosts do: their 404.html for an address they do not know.
		response.writeHead(404, { 'content-type': types['.html'] });
		createReadStream(join(root, '404.html')).pipe(response);
		return;
	}
	const headers = {
		'content-type': types[extname(file)] ?? 'application/octet-stream',
		'cache-control': 'no-cache'
	};
	if (pathname === '/service-worker.js' && deploys > 0) {
		response.writeHead(200, headers).end(`${readFileSync(file, 'utf8')}\n// deploy ${deploys}\n`);
		return;
	}
	response.writeHead(200, headers);
	createReadStream(file).pipe(response);
}).listen(port, () => console.log(`update test server on http://localhost:${port}`));
