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
