/** How a run of an exercise ended, handed from the run screen to the page around it. */
export interface RunResult {
	sessionId: string;
	status: 'completed' | 'stopped';
	activeMs: number;
	/** True when the phone was too full to store the session. */
	unsaved: boolean;
	/** Resolves once the session is stored, so a rating can be added to it. */
	saved: Promise<void>;
}
