import {lifecycleCommand} from './lifecycle.js';

/** `deckhand start`. */
export default lifecycleCommand('start');
