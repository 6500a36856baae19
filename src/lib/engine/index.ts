export * from './types';
export * from './timeline';
export * from './position';
export * from './cues';
export * from './session';
export * from './pacer';
export * from './steps';
export * from './boundary';
