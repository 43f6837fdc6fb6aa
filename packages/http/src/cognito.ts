// The AWS-only adapters, kept out of the main entry so the local runtime never loads them.
export * from './cognito-directory';
export * from './cognito-verifier';
