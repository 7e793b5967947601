/** Who is making a request, as far as authorisation needs to know. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly profileType: string;
  readonly isAdmin: boolean;
  /** Extra roles contributed by features, e.g. 'coordinator'. */
  readonly roles: ReadonlySet<string>;
  readonly twoFactorEnabled: boolean;
  readonly sessionIdHash: string;
  readonly sessionCreatedAt: string;
  readonly reauthenticatedAt: string | null;
}

/** Administrators and regional coordinators must use two-factor authentication. */
export function mustUseTwoFactor(principal: Principal): boolean {
  return principal.isAdmin || principal.roles.has('coordinator');
}

/**
 * The principal of a request on a route that requires a signed-in user. The permission check
 * has already turned anonymous visitors away, so a missing principal is a programming error.
 */
export function signedInPrincipal(request: { readonly principal: Principal | null }): Principal {
  if (!request.principal) throw new Error('Route zonder ingelogde gebruiker');
  return request.principal;
}

/** The id of the signed-in user of a request on a route that requires one. */
export function signedInUserId(request: { readonly principal: Principal | null }): string {
  return signedInPrincipal(request).userId;
}
