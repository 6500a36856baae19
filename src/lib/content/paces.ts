import paces from 'virtual:rustpunt-paces';
import type { BreathingPace } from './types';

// The breathing exercises as their pacers need them, apart from the catalogue: "breathe now"
// carries none of the text the exercise pages show before starting.

/** The built-in breathing exercise with this id, or undefined. */
export function findPace(id: string): BreathingPace | undefined {
	return paces.find((p) => p.id === id);
}
