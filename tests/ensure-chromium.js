// Stops the end-to-end step with one clear line when Chromium is not installed.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
	console.error(
		`Chromium not found at ${path}: install it with "apt-get install chromium" or set CHROMIUM_PATH=/path/to/chromium.`
	);
	process.exit(1);
}
