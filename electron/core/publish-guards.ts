import { personalDataGuard } from './curation/guard.ts';
import type { PublishGuard } from './store/threads.ts';

/**
 * The checks that may refuse publishing a conversation, as the core is composed with them (createCore gives them to
 * its handlers; the CLI and the demo pass the same list). The decision path receives them and knows none itself.
 */
export const PUBLISH_GUARDS: readonly PublishGuard[] = [personalDataGuard];
