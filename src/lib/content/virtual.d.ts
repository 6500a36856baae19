declare module 'virtual:rustpunt-exercises' {
	const exercises: readonly import('./load').Exercise[];
	export default exercises;
}
