export * from './first-steps';
export * from './rules';
export * from './schemas';
