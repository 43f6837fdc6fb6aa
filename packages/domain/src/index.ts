import './zod-messages';

export * from './actor';
export * from './errors';
export * from './households';
export * from './ids';
export * from './points';
export * from './rules';
export * from './runtime-config';
export * from './tenants';
export * from './text';
