/** App-wide: whether an exercise is under way, so nothing (like an update) interrupts it. */
class ExerciseActivity {
	#active = $state(0);

	/** True while any exercise is running or paused. */
	get busy(): boolean {
		return this.#active > 0;
	}

	/** Marks an exercise as begun; call the returned function when it is over. */
	begin(): () => void {
		this.#active++;
		let ended = false;
		return () => {
			if (ended) return;
			ended = true;
			this.#active--;
		};
	}
}

export const exerciseActivity = new ExerciseActivity();
