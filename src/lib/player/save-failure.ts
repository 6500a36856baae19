import { isQuotaError } from '../storage/quota';

/**
 * Says why a session could not be written, and whether it is because the phone is full: that
 * is expected and told on screen (the practice goes on), anything else is a fault.
 */
export function reportSaveFailure(error: unknown): boolean {
	if (isQuotaError(error)) {
		console.warn('Storage is full: this session is not saved', error);
		return true;
	}
	console.error('Could not save the session', error);
	return false;
}
