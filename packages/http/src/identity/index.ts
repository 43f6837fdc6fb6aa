export * from './local-keys';
export * from './sms';
export * from './tokens';
export * from './totp';
