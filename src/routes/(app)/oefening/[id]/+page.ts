import { error } from '@sveltejs/kit';
import { allExercises, findExercise, loadPractice } from '$lib/content/catalogue';
import type { EntryGenerator, PageLoad } from './$types';

/** Every exercise gets its own prerendered page. */
export const entries: EntryGenerator = () => allExercises.map((e) => ({ id: e.id }));

export const load: PageLoad = async ({ params }) => {
	const exercise = findExercise(params.id);
	if (!exercise) error(404, 'Not found');
	// A guided practice brings its steps; they are not part of the catalogue.
	const practice = exercise.kind === 'guided' ? await loadPractice(exercise.id) : undefined;
	if (exercise.kind === 'guided' && !practice) error(500, 'The practice could not be loaded');
	return { exercise, practice };
};
