export * from './actor';
export * from './errors';
export * from './ids';
export * from './rules';
export * from './runtime-config';
export * from './tenants';
export * from './text';
