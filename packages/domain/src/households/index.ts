export * from './roster';
export * from './schemas';
