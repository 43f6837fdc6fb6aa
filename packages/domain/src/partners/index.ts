export * from './schemas';
export * from './scores';
export * from './tiers';
