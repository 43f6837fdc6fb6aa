import './zod-messages';

export * from './actor';
export * from './audit';
export * from './auth';
export * from './certificates';
export * from './errors';
export * from './households';
export * from './ids';
export * from './partners';
export * from './photos';
export * from './points';
export * from './reports';
export * from './rules';
export * from './runtime-config';
export * from './sheet';
export * from './store';
export * from './tenants';
export * from './text';
