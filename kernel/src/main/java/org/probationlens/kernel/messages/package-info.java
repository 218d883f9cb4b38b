/**
 * The kernel's messages: HMAC signing that refuses a replayed message, and the session's history of
 * cells for history requests.
 */
package org.probationlens.kernel.messages;
