import type { ClientInit } from '@sveltejs/kit';
import { findLocaleOncePerAddress } from '$lib/platform/locale';

export const init: ClientInit = () => {
	findLocaleOncePerAddress();
};
