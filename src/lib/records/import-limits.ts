/**
 * The limits of an import, in one place so they agree with each other and with what the
 * screen says. Constants only: the words of a refusal can name them without loading the
 * import's schema.
 */

/** Most sessions a file may hold: decades of practice, many times a day. */
export const MAX_SESSIONS = 200_000;
/**
 * Files bigger than this are refused before they are read. It fits the most sessions a file
 * may hold: a session takes about 150 to 200 bytes in an export (a note adds its words), so
 * MAX_SESSIONS of them come to 30 to 40 MB, with room left for urges, lists and the rest.
 */
export const MAX_IMPORT_BYTES = 50_000_000;
/**
 * No record can be older than this: Rustpunt did not exist before 2024 (its first code is of
 * 2026; the floor leaves room for test versions). A phone whose clock was reset says 1970 or
 * 2000, and a date before this comes from such a clock or from a forged file.
 */
export const EARLIEST_MS = Date.UTC(2024, 0, 1);
