export { signIn, useTestApp } from './app.js';
