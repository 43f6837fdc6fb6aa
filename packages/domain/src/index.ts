export * from './actor';
export * from './errors';
export * from './ids';
export * from './tenants';
export * from './text';
