import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quota';

describe('isQuotaError', () => {
	const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

	it('recognises the browser’s DOMException', () => {
		expect(isQuotaError(quota())).toBe(true);
	});

	it("recognises Dexie's own QuotaExceededError", () => {
		expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
	});

	it('finds it inside a Dexie error that wraps it', () => {
		expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
		expect(isQuotaError(new Dexie.DatabaseClosedError(quota()))).toBe(true);
	});

	it('finds it as the cause of another error', () => {
		const wrapped = new Error('save failed', {
			cause: new Dexie.AbortError('aborted', quota())
		});
		expect(isQuotaError(wrapped)).toBe(true);
	});

	it("finds it among a BulkError's failures", () => {
		const bulk = new Dexie.BulkError('2 of 3 failed', {
			0: new Dexie.ConstraintError('key exists'),
			2: quota()
		});
		expect(isQuotaError(bulk)).toBe(true);
	});

	it('recognises the legacy code 22 and Firefox’s old name', () => {
		expect(isQuotaError(Object.assign(new Error('quota'), { code: 22 }))).toBe(true);
		expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe(true);
	});

	it('is false for other errors and for things that are not errors', () => {
		expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
		expect(isQuotaError(new DOMException('stop', 'AbortError'))).toBe(false);
		expect(isQuotaError(new Dexie.AbortError('aborted', new Error('other')))).toBe(false);
		expect(isQuotaError(undefined)).toBe(false);
		expect(isQuotaError(null)).toBe(false);
		expect(isQuotaError('QuotaExceededError')).toBe(false);
	});

	it('stops on an error that refers to itself', () => {
		const error = new Error('loop') as Error & { inner?: unknown };
		error.inner = error;
		error.cause = error;
		expect(isQuotaError(error)).toBe(false);
	});
});
