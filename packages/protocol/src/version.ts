/** Sent by every client in the Socket.IO handshake (`auth.protocolVersion`); the server refuses others. */
export const PROTOCOL_VERSION = 1;
