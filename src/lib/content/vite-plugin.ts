import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { parseExerciseFiles } from './load.ts';

const VIRTUAL_ID = 'virtual:rustpunt-exercises';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** Reads every file in exercises/ and validates it; the first problem fails the build. */
export function loadExerciseDirectory(root: string, dir = 'exercises') {
	const abs = join(root, dir);
	const names = readdirSync(abs)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort();
	return parseExerciseFiles(
		names.map((name) => ({
			name: relative(root, join(abs, name)),
			source: readFileSync(join(abs, name), 'utf8')
		}))
	);
}

/**
 * Serves the validated exercises as `virtual:rustpunt-exercises`. An invalid file stops
 * the build (and the dev server's page) with the file and field named.
 */
export function exercisesPlugin(): Plugin {
	let root = process.cwd();
	return {
		name: 'rustpunt-exercises',
		configResolved(config) {
			root = config.root;
		},
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			if (id !== RESOLVED_ID) return undefined;
			const dir = join(root, 'exercises');
			this.addWatchFile(dir);
			for (const name of readdirSync(dir)) this.addWatchFile(join(dir, name));
			const exercises = loadExerciseDirectory(root);
			return `export default ${JSON.stringify(exercises)};`;
		}
	};
}
