import { defineConfig } from '@inlang/paraglide-js';

// English home is /en, never /en/: the prerendered pages are en.html and en/nu.html, and a
// static host need not know that /en/ means the former.
export default defineConfig({ trailingSlash: 'never' });
