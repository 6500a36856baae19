// @ts-check
/**
 * The framework's floor for bench/side-by-side.js: a SvelteKit 2 hello world with a service
 * worker. Its source lives beside the repository, in ../shared/bench/kit-hello/ (read-only);
 * it is copied into bench/.floor/ (ignored by git) and built there. The build is reused while
 * the source's hash is unchanged, so only the first run pays for it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './common.js';

export const FLOOR_SOURCE = resolve(ROOT, '..', 'shared', 'bench', 'kit-hello');
export const FLOOR_DIR = join(ROOT, 'bench', '.floor');
const STAMP = join(FLOOR_DIR, '.bench-build.json');

/** What an install or a build may have left in the source folder: never part of its hash. */
const NOT_SOURCE = new Set(['node_modules', 'build', '.svelte-kit']);

/**
 * @typedef {object} FloorBuild
 * @property {string} root the copy, where `vite preview` runs
 * @property {string} buildDir its static build
 * @property {string} sourceHash sha256 of the source's paths and contents
 * @property {'linked' | 'npm ci'} install node_modules linked to this project's (same
 *   versions) or installed from the floor's own lockfile
 * @property {boolean} reused true when an earlier run built this same source
 */

/**
 * Paths of the source's files under `dir`, relative to `base`, sorted.
 * @param {string} dir
 * @param {string} [base]
 * @returns {string[]}
 */
function sourceFiles(dir, base = dir) {
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => !NOT_SOURCE.has(entry.name))
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			return entry.isDirectory() ? sourceFiles(path, base) : [relative(base, path)];
		})
		.sort();
}

/**
 * @param {string[]} files relative to FLOOR_SOURCE
 */
function hashSources(files) {
	const hash = createHash('sha256');
	for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(FLOOR_SOURCE, file)));
	return hash.digest('hex');
}

/**
 * The floor's direct dependencies whose pinned version differs from the one installed in this
 * project (the floor pins the versions Rustpunt uses, so normally none).
 * @returns {string[]}
 */
function versionsNotShared() {
	const manifest = JSON.parse(readFileSync(join(FLOOR_SOURCE, 'package.json'), 'utf8'));
	/** @type {Record<string, string>} */
	const pinned = { ...manifest.dependencies, ...manifest.devDependencies };
	return Object.entries(pinned).flatMap(([name, version]) => {
		const installed = join(ROOT, 'node_modules', name, 'package.json');
		const ours = existsSync(installed) ? JSON.parse(readFileSync(installed, 'utf8')).version : null;
		return ours === version ? [] : [`${name} ${version} (here ${ours ?? 'missing'})`];
	});
}

/**
 * Runs a command in the floor's copy; throws with its name when it fails.
 * @param {string} command
 * @param {string[]} args
 */
function runInFloor(command, args) {
	const result = spawnSync(command, args, { cwd: FLOOR_DIR, stdio: 'inherit' });
	if (result.status !== 0) {
		throw new Error(
			`"${[command, ...args].join(' ')}" failed in ${FLOOR_DIR} (exit ${result.status})`
		);
	}
}

/**
 * Gives the copy its node_modules: a link to this project's when every pinned version is the
 * one installed here, otherwise `npm ci` from the floor's lockfile. The link is instant and
 * needs no registry; `npm ci` took 5 s here with a warm npm cache (the build itself about 5 s
 * either way, and the same output sizes).
 * @returns {FloorBuild['install']}
 */
function installDependencies() {
	const differing = versionsNotShared();
	if (differing.length === 0) {
		symlinkSync(
			relative(FLOOR_DIR, join(ROOT, 'node_modules')),
			join(FLOOR_DIR, 'node_modules'),
			'dir'
		);
		return 'linked';
	}
	console.log(`The floor pins other versions than this project's: ${differing.join(', ')}`);
	runInFloor('npm', ['ci', '--no-audit', '--no-fund']);
	return 'npm ci';
}

/**
 * Builds the floor app into bench/.floor/build unless the same source was built before.
 * @returns {FloorBuild}
 */
export function ensureFloorBuild() {
	if (!existsSync(join(FLOOR_SOURCE, 'package.json'))) {
		throw new Error(
			`The floor app's source is missing: expected a SvelteKit hello world in ${FLOOR_SOURCE} ` +
				'(../shared/bench/kit-hello/ beside the repository)'
		);
	}
	const files = sourceFiles(FLOOR_SOURCE);
	const sourceHash = hashSources(files);
	const buildDir = join(FLOOR_DIR, 'build');
	const stamp = existsSync(STAMP) ? JSON.parse(readFileSync(STAMP, 'utf8')) : null;
	if (stamp?.sourceHash === sourceHash && existsSync(join(buildDir, 'index.html'))) {
		return { root: FLOOR_DIR, buildDir, sourceHash, install: stamp.install, reused: true };
	}

	console.log(`Building the floor app from ${relative(ROOT, FLOOR_SOURCE)} in bench/.floor ...`);
	// A fresh copy; rm removes a node_modules link, never what it points at.
	rmSync(FLOOR_DIR, { recursive: true, force: true });
	for (const file of files) {
		const target = join(FLOOR_DIR, file);
		mkdirSync(dirname(target), { recursive: true });
		// Written anew rather than copied: the source is read-only, the copy must not be.
		writeFileSync(target, readFileSync(join(FLOOR_SOURCE, file)));
	}
	const install = installDependencies();
	// Its manifest names icons that a script of its own draws; prerendering fails without them.
	runInFloor('node', ['make-icons.mjs']);
	runInFloor('npm', ['run', 'build']);
	writeFileSync(STAMP, JSON.stringify({ sourceHash, install }) + '\n');
	return { root: FLOOR_DIR, buildDir, sourceHash, install, reused: false };
}
