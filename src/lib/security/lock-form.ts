import { isAcceptableSecret, type SecretKind } from './lock-crypto';

/** What is wrong with a new code, if anything. */
export type NewSecretProblem = 'bad-pin' | 'bad-passphrase' | 'mismatch';

/** Checks a new PIN or passphrase and its repetition before anything is derived. */
export function newSecretProblem(
	kind: SecretKind,
	secret: string,
	repeat: string
): NewSecretProblem | undefined {
	if (!isAcceptableSecret(kind, secret)) return kind === 'pin' ? 'bad-pin' : 'bad-passphrase';
	return secret === repeat ? undefined : 'mismatch';
}
