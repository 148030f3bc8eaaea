export * from './errors.js';
export * from './password-policy.js';
export * from './accounts.js';
export * from './account-views.js';
export * from './jobs.js';
export * from './term.js';
export * from './licenses.js';
