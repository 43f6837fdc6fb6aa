export * from './evaluate';
export * from './rows';
export * from './schemas';
export * from './templates';
