import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { SESSION_MINUTES } from '../lengths.ts';
import type { Programme } from '../types.ts';
import { ContentError, formatPath } from './load.ts';
import { ProgrammeFileSchema, ROUTE_PRACTICES, type ProgrammeFile } from './programme-schema.ts';

/** What a programme's practices may name: each exercise id with its kind. */
export type KnownExercises = ReadonlyMap<string, 'breathing' | 'guided'>;

/** Checks what the schema cannot: known exercises, fitting minutes, declared variants. */
function programmeProblems(file: ProgrammeFile, known: KnownExercises): string[] {
	const problems: string[] = [];
	const variantIds = new Set((file.variants ?? []).map((variant) => variant.id));
	if (variantIds.size !== (file.variants ?? []).length) {
		problems.push('variants must not repeat an id');
	}
	if (file.variants && !file.variantQuestion) {
		problems.push('variantQuestion is missing (it asks which description fits best)');
	}
	const checkPractice = (list: ProgrammeFile['weeks'][0]['days'][0]['practice'], at: string) => {
		list.forEach((practice, i) => {
			const where = `${at}[${i}]`;
			const kind = known.get(practice.exercise);
			const isRoute = (ROUTE_PRACTICES as readonly string[]).includes(practice.exercise);
			if (!kind && !isRoute) {
				problems.push(
					`${where}.exercise "${practice.exercise}" is not an exercise in exercises/ (nor ${ROUTE_PRACTICES.join(', ')})`
				);
			} else if (practice.minutes !== undefined && kind !== 'breathing') {
				problems.push(`${where}.minutes is only for breathing exercises`);
			} else if (
				practice.minutes !== undefined &&
				!(SESSION_MINUTES as readonly number[]).includes(practice.minutes)
			) {
				problems.push(`${where}.minutes must be one of ${SESSION_MINUTES.join(', ')}`);
			}
		});
	};
	file.weeks.forEach((week, w) => {
		week.days.forEach((day, d) => {
			const at = `weeks[${w}].days[${d}]`;
			checkPractice(day.practice, `${at}.practice`);
			for (const [variant, change] of Object.entries(day.variants ?? {})) {
				if (!variantIds.has(variant)) {
					problems.push(`${at}.variants.${variant} is not one of the programme's variants`);
				}
				if (change.practice) checkPractice(change.practice, `${at}.variants.${variant}.practice`);
			}
		});
	});
	return problems;
}

/**
 * Parses and validates one programme file against the exercises that exist. Throws a
 * ContentError naming the file and field, e.g.
 * `programmes/fundament.yaml: weeks[0].days[2].intention.en is missing`.
 */
export function parseProgrammeFile(
	fileName: string,
	source: string,
	known: KnownExercises
): Programme {
	let data: unknown;
	try {
		data = parseYaml(source, { prettyErrors: true });
	} catch (error) {
		throw new ContentError(`${fileName}: is not valid YAML: ${(error as Error).message}`);
	}
	const result = v.safeParse(ProgrammeFileSchema, data);
	if (!result.success) {
		throw new ContentError(
			result.issues
				.map((issue) => {
					const path = formatPath(issue);
					return `${fileName}: ${path ? `${path} ` : ''}${issue.message}`;
				})
				.join('\n')
		);
	}
	const file = result.output;
	const expectedId = fileName.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
	if (file.id !== expectedId) {
		throw new ContentError(`${fileName}: id must match the file name ("${expectedId}")`);
	}
	const problems = programmeProblems(file, known);
	if (problems.length > 0) {
		throw new ContentError(problems.map((p) => `${fileName}: ${p}`).join('\n'));
	}
	return {
		id: file.id,
		order: file.order,
		title: file.title,
		summary: file.summary,
		description: file.description,
		...(file.variantQuestion && { variantQuestion: file.variantQuestion }),
		variants: file.variants ?? [],
		weeks: file.weeks
	};
}

/** Validates every programme file; ids must be unique. Returns them in display order. */
export function parseProgrammeFiles(
	files: readonly { name: string; source: string }[],
	known: KnownExercises
): Programme[] {
	const errors: string[] = [];
	const programmes: Programme[] = [];
	const seen = new Map<string, string>();
	for (const file of files) {
		try {
			const programme = parseProgrammeFile(file.name, file.source, known);
			const other = seen.get(programme.id);
			if (other) errors.push(`${file.name}: id "${programme.id}" is already used by ${other}`);
			seen.set(programme.id, file.name);
			programmes.push(programme);
		} catch (error) {
			errors.push((error as Error).message);
		}
	}
	if (errors.length > 0) throw new ContentError(errors.join('\n'));
	return programmes.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
