export * from './errors.js';
export * from './password-policy.js';
export * from './accounts.js';
export * from './jobs.js';
