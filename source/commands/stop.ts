import {lifecycleCommand} from './lifecycle.js';

/** `deckhand stop`. */
export default lifecycleCommand('stop');
