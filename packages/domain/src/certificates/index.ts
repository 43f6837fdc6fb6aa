export * from './canonical';
export * from './rules';
export * from './schemas';
