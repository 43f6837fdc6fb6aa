export * from './schemas';
export * from './tiers';
