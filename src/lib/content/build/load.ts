import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import type { ChoiceName } from '../choices.ts';
import {
	defaultChoices,
	maxSpokenWords,
	PLACEHOLDERS,
	spokenWords,
	stepsFor,
	type GuidedStep
} from '../guided.ts';
import {
	CONTENT_LOCALES,
	type BreathingExercise,
	type Exercise,
	type GuidedPractice,
	type LoadedExercise
} from '../types.ts';
import {
	BreathingFileSchema,
	GuidedFileSchema,
	type BreathingFile,
	type GuidedFile
} from './schema.ts';

/** Words that point attention to the breath, which a breath-free practice never uses. */
const BREATH_WORDS = /adem|breath|inhal|exhal/i;

/** A content file that cannot be used, named with the field that is wrong. */
export class ContentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ContentError';
	}
}

/** Writes a valibot path as `phases[2].seconds`. */
export function formatPath(issue: v.BaseIssue<unknown>): string {
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

/** Checks what the schema cannot: unique ids, known placeholders, breath-free words, speech. */
function guidedProblems(file: GuidedFile): string[] {
	const problems: string[] = [];
	if (file.category === 'grounding' && !file.breathFree) {
		problems.push('breathFree must be true for grounding (grounding never asks for the breath)');
	}
	if (file.breathFree && file.choices.includes('anchor')) {
		problems.push(
			'choices must not offer an anchor in a breath-free practice (it includes the breath)'
		);
	}
	const texts = [file.title, file.summary, file.guidance].flatMap((t) => [t.nl, t.en]);
	if (file.breathFree && texts.some((t) => BREATH_WORDS.test(t))) {
		problems.push(
			'title, summary and guidance must not mention the breath in a breath-free practice'
		);
	}
	const seen = new Map<string, number>();
	file.steps.forEach((step, i) => {
		const at = `steps[${i}]`;
		const first = seen.get(step.id);
		if (first !== undefined)
			problems.push(`${at}.id "${step.id}" is already used by steps[${first}]`);
		else seen.set(step.id, i);
		for (const name of Object.keys(step.when ?? {}) as ChoiceName[]) {
			if (!file.choices.includes(name))
				problems.push(`${at}.when.${name} needs "${name}" in choices`);
		}
		for (const locale of CONTENT_LOCALES) {
			const text = step.text[locale];
			for (const [, name] of text.matchAll(/\{(\w*)\}/g)) {
				const needs = PLACEHOLDERS[name ?? ''];
				if (!needs) problems.push(`${at}.text.${locale} has an unknown placeholder {${name}}`);
				else if (!file.choices.includes(needs)) {
					problems.push(`${at}.text.${locale} uses {${name}}, which needs "${needs}" in choices`);
				}
			}
			if (file.breathFree && BREATH_WORDS.test(text)) {
				problems.push(`${at}.text.${locale} mentions the breath in a breath-free practice`);
			}
			const words = spokenWords(text, locale);
			const most = maxSpokenWords(step.seconds);
			if (words > most) {
				problems.push(
					`${at}.text.${locale} is too long to speak in ${step.seconds} s (${words} words, at most ${most})`
				);
			}
		}
	});
	return problems;
}

/** Turns a validated guided file into the practice the app runs. */
function toGuided(file: GuidedFile): GuidedPractice {
	const steps: GuidedStep[] = file.steps.map((step) => ({
		id: step.id,
		durationMs: Math.round(step.seconds * 1000),
		text: step.text,
		...(step.when && { when: step.when }),
		...(step.input !== undefined && { input: step.input }),
		...(step.show && { show: step.show }),
		...(step.focus && { focus: step.focus }),
		...(step.rhythmSeconds !== undefined && { rhythmMs: Math.round(step.rhythmSeconds * 1000) })
	}));
	const durationMs = stepsFor(steps, defaultChoices(file.choices)).reduce(
		(sum, step) => sum + step.durationMs,
		0
	);
	return {
		id: file.id,
		kind: file.kind,
		category: file.category,
		order: file.order,
		title: file.title,
		summary: file.summary,
		guidance: file.guidance,
		choices: file.choices,
		breathFree: file.breathFree,
		durationMs,
		steps
	};
}

/** A guided practice without its introduction and steps, as the catalogue lists it. */
export function catalogueEntry(exercise: LoadedExercise): Exercise {
	if (exercise.kind !== 'guided') return exercise;
	const { id, kind, category, order, title, summary, choices, breathFree, durationMs } = exercise;
	return { id, kind, category, order, title, summary, choices, breathFree, durationMs };
}

/** The validation issues of a file as lines naming the file and field. */
function issueLines(fileName: string, issues: readonly v.BaseIssue<unknown>[]): string[] {
	return issues.map((issue) => {
		const path = formatPath(issue);
		return `${fileName}: ${path ? `${path} ` : ''}${issue.message}`;
	});
}

/**
 * Parses and validates one exercise file. Throws a ContentError that names the file and
 * every field that is wrong, e.g. "exercises/box.yaml: phases[2].seconds must be > 0".
 */
export function parseExerciseFile(fileName: string, source: string): LoadedExercise {
	let data: unknown;
	try {
		data = parseYaml(source, { prettyErrors: true });
	} catch (error) {
		throw new ContentError(`${fileName}: is not valid YAML: ${(error as Error).message}`);
	}
	const guided =
		typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'guided';
	const result = guided
		? v.safeParse(GuidedFileSchema, data)
		: v.safeParse(BreathingFileSchema, data);
	if (!result.success) throw new ContentError(issueLines(fileName, result.issues).join('\n'));
	const expectedId = fileName.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
	if (result.output.id !== expectedId) {
		throw new ContentError(`${fileName}: id must match the file name ("${expectedId}")`);
	}
	if (result.output.kind === 'breathing') return toExercise(result.output);
	const problems = guidedProblems(result.output);
	if (problems.length > 0) {
		throw new ContentError(problems.map((p) => `${fileName}: ${p}`).join('\n'));
	}
	return toGuided(result.output);
}

/** Validates a whole set of files; ids must be unique. Returns them in their set order. */
export function parseExerciseFiles(
	files: readonly { name: string; source: string }[]
): LoadedExercise[] {
	const errors: string[] = [];
	const exercises: LoadedExercise[] = [];
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
