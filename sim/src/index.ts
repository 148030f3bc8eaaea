export * from './verify.js';
export * from './grant.js';
export * from './enforce.js';
export * from './state-file.js';
export * from './simulator.js';
export * from './page.js';
export * from './view.js';
