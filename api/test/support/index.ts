export { signIn, useTestApp } from './app.js';
export { useListeningApp } from './listen.js';
