// Every page is prerendered, in both languages, and precached for offline use.
export const prerender = true;
export const trailingSlash = 'never';
