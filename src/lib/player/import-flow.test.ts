import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../records/export-file';
import type { ImportJob } from '../storage/data';
import { reduceImportFlow, type ImportFlowState } from './import-flow.svelte';

const job = { name: 'job' } as unknown as ImportJob;
const otherJob = { name: 'other' } as unknown as ImportJob;
const summary = { sessions: 3 } as unknown as ImportSummary;
const idle: ImportFlowState = { stage: 'idle' };
const checked = { type: 'checked', job, summary, preferences: {} } as const;

describe('import flow', () => {
	it('checks a chosen file, shows its summary, then writes it once confirmed', () => {
		const checking = reduceImportFlow(idle, { type: 'started', job });
		expect(checking).toEqual({ stage: 'checking', job });
		const confirm = reduceImportFlow(checking, checked);
		expect(confirm).toEqual({ stage: 'confirm', job, summary, preferences: {} });
		expect(reduceImportFlow(confirm, { type: 'confirmed' })).toEqual({
			stage: 'writing',
			job,
			cancelling: false
		});
	});

	it('a cancel while writing is asked once, and the flow ends back at choosing a file', () => {
		const writing: ImportFlowState = { stage: 'writing', job, cancelling: false };
		const cancelling = reduceImportFlow(writing, { type: 'cancelling' });
		expect(cancelling).toEqual({ stage: 'writing', job, cancelling: true });
		expect(reduceImportFlow(cancelling, { type: 'released' })).toEqual(idle);
	});

	it('ignores the check of a job that was cancelled meanwhile', () => {
		const checking = reduceImportFlow(idle, { type: 'started', job: otherJob });
		expect(reduceImportFlow(checking, checked)).toBe(checking);
	});

	it('an invalid step returns the same state', () => {
		expect(reduceImportFlow(idle, checked)).toBe(idle);
		expect(reduceImportFlow(idle, { type: 'confirmed' })).toBe(idle);
		expect(reduceImportFlow(idle, { type: 'cancelling' })).toBe(idle);
		expect(reduceImportFlow(idle, { type: 'released' })).toBe(idle);
		const checking = reduceImportFlow(idle, { type: 'started', job });
		expect(reduceImportFlow(checking, { type: 'started', job: otherJob })).toBe(checking);
		expect(reduceImportFlow(checking, { type: 'confirmed' })).toBe(checking);
		const writing: ImportFlowState = { stage: 'writing', job, cancelling: true };
		expect(reduceImportFlow(writing, { type: 'cancelling' })).toBe(writing);
		expect(reduceImportFlow(writing, { type: 'confirmed' })).toBe(writing);
	});
});

describe('import flow with an encrypted backup', () => {
	const bytes = new Uint8Array([0x52, 0x50, 0x56, 0x42, 1]);

	it('asks the passphrase first, and checks the file once it opened', () => {
		const asking = reduceImportFlow(idle, { type: 'sealed', bytes });
		expect(asking).toEqual({ stage: 'passphrase', bytes, opening: false });
		// Nothing is checked before the passphrase is tried.
		expect(reduceImportFlow(asking, { type: 'started', job })).toBe(asking);
		const opening = reduceImportFlow(asking, { type: 'opening' });
		expect(opening).toEqual({ stage: 'passphrase', bytes, opening: true });
		expect(reduceImportFlow(opening, { type: 'started', job })).toEqual({ stage: 'checking', job });
	});

	it('after a wrong passphrase asks again, and tries one passphrase at a time', () => {
		const opening = reduceImportFlow(reduceImportFlow(idle, { type: 'sealed', bytes }), {
			type: 'opening'
		});
		expect(reduceImportFlow(opening, { type: 'opening' })).toBe(opening);
		expect(reduceImportFlow(opening, { type: 'refused' })).toEqual({
			stage: 'passphrase',
			bytes,
			opening: false
		});
		expect(reduceImportFlow(opening, { type: 'released' })).toEqual(idle);
	});

	it('ignores a sealed file while another import runs', () => {
		const checking = reduceImportFlow(idle, { type: 'started', job });
		expect(reduceImportFlow(checking, { type: 'sealed', bytes })).toBe(checking);
		expect(reduceImportFlow(idle, { type: 'refused' })).toBe(idle);
	});
});
