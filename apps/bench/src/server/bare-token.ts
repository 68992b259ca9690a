import { createHmac } from 'node:crypto';

/** The bare baseline's identity token: an HMAC of the id, like Tribu's visitor token. */
export const bareToken = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('base64url');
