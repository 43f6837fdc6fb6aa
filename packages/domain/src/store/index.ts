export * from './redemption-schemas';
export * from './rules';
export * from './schemas';
