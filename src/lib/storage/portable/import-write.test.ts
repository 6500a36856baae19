import { describe, expect, it } from 'vitest';
import { applyImport } from './import-write';
import { at, db, fill, parsedFile, session, snapshot, validData, useFreshDb } from './test-data';

useFreshDb('import-write');

describe('writing an import', () => {
	const many = () => {
		const data = validData();
		data.sessions = Array.from({ length: 5000 }, (_, i) => session(`m${i}`, at(1, 0) + i * 60_000));
		return parsedFile(JSON.stringify(data));
	};

	it('tells its progress, batch by batch, up to every record', async () => {
		const seen: number[] = [];
		await applyImport(db, many(), undefined, {
			onProgress: ({ done, total }) => {
				expect(total).toBe(5000 + 2 + 1 + 1);
				seen.push(done);
			}
		});
		expect(seen[0]).toBe(0);
		expect(seen.at(-1)).toBe(5004);
		expect(seen.length).toBeGreaterThan(3);
		expect(await db.sessions.count()).toBe(5000);
	});

	it('leaves the database exactly as it was when cancelled part-way through', async () => {
		await fill();
		const before = await snapshot();
		const stop = new AbortController();
		const written: number[] = [];
		const importing = applyImport(db, many(), undefined, {
			signal: stop.signal,
			onProgress: ({ done }) => {
				written.push(done);
				if (done >= 2000) stop.abort();
			}
		});

		await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
		expect(Math.max(...written)).toBeGreaterThanOrEqual(2000);
		expect(await snapshot()).toEqual(before);
	});

	it('writes nothing when cancelled before it starts', async () => {
		await fill();
		const before = await snapshot();
		const stop = new AbortController();
		stop.abort();
		await expect(applyImport(db, many(), undefined, { signal: stop.signal })).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
	});
});
