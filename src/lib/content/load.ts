import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import type { BreathingPattern } from '../engine/types.ts';
import { BreathingFileSchema, type BreathingFile, type ContentLocale } from './schema.ts';

/** A text in every language of the app. */
export type LocalizedText = Readonly<Record<ContentLocale, string>>;

/** A validated breathing exercise, ready for the engine. */
export interface BreathingExercise {
	readonly id: string;
	readonly kind: 'breathing';
	readonly order: number;
	readonly title: LocalizedText;
	readonly summary: LocalizedText;
	readonly guidance: LocalizedText;
	readonly defaultMinutes: number;
	readonly maxCycles?: number;
	readonly hasHolds: boolean;
	readonly pattern: BreathingPattern;
}

export type Exercise = BreathingExercise;

/** A content file that cannot be used, named with the field that is wrong. */
export class ContentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ContentError';
	}
}

/** Writes a valibot path as `phases[2].seconds`. */
function formatPath(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key = item.key;
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	// An unknown field is reported on the object; name the field itself.
	if (issue.expected === 'never' && typeof issue.input === 'string' && !out.endsWith(issue.input)) {
		out += out ? `.${issue.input}` : issue.input;
	}
	return out;
}

/** Turns a validated file into the shape the app runs. */
function toExercise(file: BreathingFile): BreathingExercise {
	return {
		id: file.id,
		kind: file.kind,
		order: file.order,
		title: file.title,
		summary: file.summary,
		guidance: file.guidance,
		defaultMinutes: file.defaultMinutes,
		...(file.maxCycles !== undefined && { maxCycles: file.maxCycles }),
		hasHolds: file.phases.some((p) => p.kind === 'hold-in' || p.kind === 'hold-out'),
		pattern: {
			phases: file.phases.map((p) => ({ kind: p.kind, durationMs: Math.round(p.seconds * 1000) }))
		}
	};
}

/**
 * Parses and validates one exercise file. Throws a ContentError that names the file and
 * every field that is wrong, e.g. "exercises/box.yaml: phases[2].seconds must be > 0".
 */
export function parseExerciseFile(fileName: string, source: string): Exercise {
	let data: unknown;
	try {
		data = parseYaml(source, { prettyErrors: true });
	} catch (error) {
		throw new ContentError(`${fileName}: is not valid YAML: ${(error as Error).message}`);
	}
	const result = v.safeParse(BreathingFileSchema, data);
	if (!result.success) {
		const lines = result.issues.map((issue) => {
			const path = formatPath(issue);
			return `${fileName}: ${path ? `${path} ` : ''}${issue.message}`;
		});
		throw new ContentError(lines.join('\n'));
	}
	const expectedId = fileName.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
	if (result.output.id !== expectedId) {
		throw new ContentError(`${fileName}: id must match the file name ("${expectedId}")`);
	}
	return toExercise(result.output);
}

/** Validates a whole set of files; ids must be unique. Returns them in their set order. */
export function parseExerciseFiles(files: readonly { name: string; source: string }[]): Exercise[] {
	const errors: string[] = [];
	const exercises: Exercise[] = [];
	const seen = new Map<string, string>();
	for (const file of files) {
		try {
			const exercise = parseExerciseFile(file.name, file.source);
			const other = seen.get(exercise.id);
			if (other) errors.push(`${file.name}: id "${exercise.id}" is already used by ${other}`);
			seen.set(exercise.id, file.name);
			exercises.push(exercise);
		} catch (error) {
			errors.push((error as Error).message);
		}
	}
	if (errors.length > 0) throw new ContentError(errors.join('\n'));
	return exercises.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
