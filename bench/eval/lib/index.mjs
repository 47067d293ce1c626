export * from './match.mjs';
export * from './links.mjs';
