import { error } from '@sveltejs/kit';
import { allExercises, findExercise } from '$lib/content/catalogue';
import type { EntryGenerator, PageLoad } from './$types';

/** Every exercise gets its own prerendered page. */
export const entries: EntryGenerator = () => allExercises.map((e) => ({ id: e.id }));

export const load: PageLoad = ({ params }) => {
	const exercise = findExercise(params.id);
	if (!exercise) error(404, 'Not found');
	return { exercise };
};
