export * from './periods';
export * from './records';
