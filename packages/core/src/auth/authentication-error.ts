/**
 * A bearer token was refused. `description` goes into the `WWW-Authenticate` header
 * (RFC 6750) so a partner developer can see why without the token's contents being echoed.
 */
export class AuthenticationError extends Error {
  constructor(
    readonly description: string,
    readonly oauthError: 'invalid_token' | 'invalid_request' = 'invalid_token',
  ) {
    super(description);
    this.name = 'AuthenticationError';
  }

  get wwwAuthenticate(): string {
    const quoted = this.description.replace(/["\\]/g, '');
    return `Bearer realm="shared-services", error="${this.oauthError}", error_description="${quoted}"`;
  }
}
