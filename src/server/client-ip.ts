import { CLIENT_IP_HEADER } from './config.ts';

/**
 * A copy of the request carrying the client's address in our own header (replacing any value a
 * client sent), so better-auth can rate-limit sign-in per address. Behind a load balancer,
 * CLIENT_IP_HEADER names the balancer's header instead and this copy is not needed.
 */
export function withClientIp(request: Request, address: string, header: string): Request {
  if (header !== CLIENT_IP_HEADER) return request;
  const headers = new Headers(request.headers);
  headers.set(CLIENT_IP_HEADER, address);
  return new Request(request, { headers });
}
