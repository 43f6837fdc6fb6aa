export * from './periods';
export * from './records';
export * from './schemas';
