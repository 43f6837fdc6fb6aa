export * from './dynamo-local';
export * from './photos';
export * from './ports';
export * from './seed';
export * from './server';
export * from './table';
