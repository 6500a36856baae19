import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import type { LoadedExercise } from '../types.ts';
import { catalogueEntry, parseExerciseFiles } from './load.ts';
import { parseProgrammeFiles, type KnownExercises } from './programme-load.ts';

const VIRTUAL_ID = 'virtual:rustpunt-exercises';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** The breathing exercises with what a pacer needs, no more: what "breathe now" loads. */
const PACES_ID = 'virtual:rustpunt-paces';
/** The introduction and steps of one guided practice: `virtual:rustpunt-steps/<id>`, its own small chunk. */
const STEPS_PREFIX = 'virtual:rustpunt-steps/';
/** `loadSteps(id)`: a map from id to a dynamic import of that practice's steps. */
const STEPS_INDEX_ID = 'virtual:rustpunt-steps';
/** Every programme, validated against the exercises: loaded only by the screens that show them. */
const PROGRAMMES_ID = 'virtual:rustpunt-programmes';

/** The YAML files in a content folder, with their names relative to the root. */
function yamlFiles(root: string, dir: string) {
	const abs = join(root, dir);
	return readdirSync(abs)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => ({
			name: relative(root, join(abs, name)),
			source: readFileSync(join(abs, name), 'utf8')
		}));
}

/** Reads every file in exercises/ and validates it; the first problem fails the build. */
export function loadExerciseDirectory(root: string, dir = 'exercises') {
	return parseExerciseFiles(yamlFiles(root, dir));
}

/** The ids a programme may name, with their kinds. */
export function knownExercises(exercises: readonly LoadedExercise[]): KnownExercises {
	return new Map(exercises.map((e) => [e.id, e.kind]));
}

/** Reads every file in programmes/ and validates it against the exercises; a problem fails the build. */
export function loadProgrammeDirectory(
	root: string,
	exercises: readonly LoadedExercise[],
	dir = 'programmes'
) {
	return parseProgrammeFiles(yamlFiles(root, dir), knownExercises(exercises));
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
			if (
				id === VIRTUAL_ID ||
				id === PACES_ID ||
				id === STEPS_INDEX_ID ||
				id === PROGRAMMES_ID ||
				id.startsWith(STEPS_PREFIX)
			) {
				return '\0' + id;
			}
			return undefined;
		},
		load(id) {
			if (!id.startsWith('\0virtual:rustpunt-')) return undefined;
			const dir = join(root, 'exercises');
			this.addWatchFile(dir);
			for (const name of readdirSync(dir)) this.addWatchFile(join(dir, name));
			const exercises = loadExerciseDirectory(root);
			if (id === '\0' + PROGRAMMES_ID) {
				const programmesDir = join(root, 'programmes');
				this.addWatchFile(programmesDir);
				for (const name of readdirSync(programmesDir)) {
					this.addWatchFile(join(programmesDir, name));
				}
				return `export default ${JSON.stringify(loadProgrammeDirectory(root, exercises))};`;
			}
			if (id === RESOLVED_ID) {
				// The catalogue stays small: guided steps load only with their own practice.
				return `export default ${JSON.stringify(exercises.map(catalogueEntry))};`;
			}
			if (id === '\0' + PACES_ID) {
				// Text to read before starting stays on the exercise's own page.
				const paces = exercises.flatMap((e) =>
					e.kind === 'breathing' ? [{ ...e, summary: undefined, guidance: undefined }] : []
				);
				return `export default ${JSON.stringify(paces)};`;
			}
			if (id === '\0' + STEPS_INDEX_ID) {
				const entries = exercises
					.filter((e) => e.kind === 'guided')
					.map(
						(e) => `${JSON.stringify(e.id)}: () => import(${JSON.stringify(STEPS_PREFIX + e.id)})`
					);
				return [
					`const steps = {${entries.join(',')}};`,
					'export function loadSteps(id) {',
					'\tconst load = Object.hasOwn(steps, id) ? steps[id] : undefined;',
					'\treturn load ? load().then((m) => m.default) : Promise.resolve(undefined);',
					'}'
				].join('\n');
			}
			const practice = exercises.find((e) => id === '\0' + STEPS_PREFIX + e.id);
			if (!practice || practice.kind !== 'guided') return undefined;
			const detail = { guidance: practice.guidance, steps: practice.steps };
			return `export default ${JSON.stringify(detail)};`;
		}
	};
}
