/** The lengths, in minutes, a person can choose for a session. */
export const SESSION_MINUTES = [1, 3, 5, 10] as const;
