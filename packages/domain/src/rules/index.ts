export * from './evaluate';
export * from './schemas';
export * from './templates';
