// @ts-check
/**
 * Some dependencies (of Paraglide's inlang SDK) name platform packages, for other operating
 * systems and CPUs, at versions the registry does not have. `npm install` skips them
 * quietly, but `npm ci` then refuses the lockfile. This adds an entry for each missing one,
 * marked optional and limited to its platform, so `npm ci` skips it on every other machine.
 * Run after `npm install` changes the lockfile: `npm run fix-lockfile`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
/** @type {Record<string, Record<string, unknown>>} */
const packages = lock.packages;

/** @param {string} name */
function platformOf(name) {
	const os = ['darwin', 'linux', 'win32'].find((o) => name.includes(`-${o}`));
	const cpu = ['arm64', 'x64'].find((c) => name.includes(`-${c}`));
	const libc = name.endsWith('-musl') ? 'musl' : /-gnu$/.test(name) ? 'glibc' : undefined;
	return { os, cpu, libc };
}

const added = [];
for (const [key, entry] of Object.entries(packages)) {
	const optional = /** @type {Record<string, string> | undefined} */ (entry.optionalDependencies);
	for (const [name, version] of Object.entries(optional ?? {})) {
		const target = `node_modules/${name}`;
		if (packages[target] || packages[`${key}/${target}`]) continue;
		const { os, cpu, libc } = platformOf(name);
		if (!os || !cpu) continue; // Only platform-specific packages can safely be skipped.
		packages[target] = {
			version,
			dev: true,
			optional: true,
			os: [os],
			cpu: [cpu],
			...(libc && { libc: [libc] })
		};
		added.push(`${name}@${version}`);
	}
}

writeFileSync(path, JSON.stringify(lock, null, '\t') + '\n');
console.log(added.length ? `Added: ${added.join(', ')}` : 'Nothing to add.');
