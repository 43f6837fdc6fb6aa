export * from './directory';
export * from './rules';
export * from './schemas';
