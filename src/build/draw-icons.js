// @ts-check
/**
 * Renders the PNG app icons of Rustpunt from the SVG sources in `static/icons/`,
 * using the Chromium of the system through playwright-core.
 *
 * Run with `node src/build/draw-icons.js` (or `npm run gen:icons`).
 * Set CHROMIUM_PATH to use another Chromium than /usr/bin/chromium.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const STATIC_DIR = fileURLToPath(new URL('../../static/', import.meta.url));
const ICON_DIR = join(STATIC_DIR, 'icons');

const TEAL = '#1f4f4b';
const CREAM = '#f6f1ea';

const iconSvg = readFileSync(join(ICON_DIR, 'icon.svg'), 'utf8');
const maskableSvg = readFileSync(join(ICON_DIR, 'icon-maskable.svg'), 'utf8');
/** Discreet mode's icon: a plain notepad that says nothing about what the app is for. */
const neutralSvg = readFileSync(join(ICON_DIR, 'neutral.svg'), 'utf8');

/** The "Adem nu" shortcut: just the breathing ring and its centre on a soft teal disc. */
const shortcutSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">
	<circle cx="48" cy="48" r="48" fill="${TEAL}" />
	<circle cx="48" cy="48" r="25" fill="none" stroke="${CREAM}" stroke-width="6" />
	<circle cx="48" cy="48" r="8" fill="${CREAM}" />
</svg>`;

/**
 * @typedef {object} Target
 * @property {string} file path relative to `static/`
 * @property {string} svg SVG source
 * @property {number} size width and height in pixels
 * @property {string | null} background page colour behind the SVG; null keeps transparency
 */

/** @type {Target[]} */
const TARGETS = [
	{ file: 'icons/icon-192.png', svg: iconSvg, size: 192, background: null },
	{ file: 'icons/icon-512.png', svg: iconSvg, size: 512, background: null },
	{ file: 'icons/maskable-192.png', svg: maskableSvg, size: 192, background: TEAL },
	{ file: 'icons/maskable-512.png', svg: maskableSvg, size: 512, background: TEAL },
	// iOS rounds the corners itself, so fill the transparent corners with the background colour.
	{ file: 'icons/apple-touch-icon.png', svg: iconSvg, size: 180, background: TEAL },
	{ file: 'favicon.png', svg: iconSvg, size: 48, background: null },
	{ file: 'icons/shortcut-breathe-96.png', svg: shortcutSvg, size: 96, background: null },
	{ file: 'icons/neutral-192.png', svg: neutralSvg, size: 192, background: null },
	{ file: 'icons/neutral-512.png', svg: neutralSvg, size: 512, background: null }
];

/**
 * @param {Target} target
 * @returns {string}
 */
function pageHtml({ svg, size, background }) {
	const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	const bg = background ?? 'transparent';
	return `<!doctype html><html><head><style>
html, body { margin: 0; padding: 0; background: ${bg}; }
img { display: block; width: ${size}px; height: ${size}px; }
</style></head><body><img src="${src}" alt=""></body></html>`;
}

/**
 * The same image in fewer bytes: Chromium writes its PNGs quickly, not small, and every phone
 * downloads the icons to work offline. The pixels and the row filters stay as they are; only
 * the compressed data is written again at zlib's highest level, as one IDAT chunk.
 * @param {Buffer} png
 * @returns {Buffer}
 */
function recompressPng(png) {
	/** @type {{ type: string, data: Buffer }[]} */
	const chunks = [];
	for (let at = 8; at < png.length;) {
		const length = png.readUInt32BE(at);
		chunks.push({
			type: png.toString('latin1', at + 4, at + 8),
			data: png.subarray(at + 8, at + 8 + length)
		});
		at += 12 + length;
	}
	const pixels = inflateSync(
		Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))
	);
	const idat = deflateSync(pixels, { level: 9, memLevel: 9 });
	/** @param {string} type @param {Buffer} data */
	const chunk = (type, data) => {
		const head = Buffer.alloc(8);
		head.writeUInt32BE(data.length, 0);
		head.write(type, 4, 'latin1');
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
		return Buffer.concat([head, data, crc]);
	};
	/** @type {Buffer[]} */
	const written = [];
	for (const { type, data } of chunks) {
		if (type !== 'IDAT') written.push(chunk(type, data));
		else if (!written.some((c) => c.toString('latin1', 4, 8) === 'IDAT')) {
			written.push(chunk('IDAT', idat));
		}
	}
	const smaller = Buffer.concat([png.subarray(0, 8), ...written]);
	return smaller.length < png.length ? smaller : png;
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--headless']
});
try {
	const page = await browser.newPage({ deviceScaleFactor: 1 });
	for (const target of TARGETS) {
		const { size } = target;
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(pageHtml(target));
		await page.locator('img').evaluate((/** @type {HTMLImageElement} */ img) => img.decode());
		const shot = await page.screenshot({
			clip: { x: 0, y: 0, width: size, height: size },
			omitBackground: target.background === null
		});
		const png = recompressPng(shot);
		writeFileSync(join(STATIC_DIR, target.file), png);
		console.log(`${target.file.padEnd(30)} ${size}×${size}  ${(png.length / 1024).toFixed(1)} KB`);
	}
} finally {
	await browser.close();
}
