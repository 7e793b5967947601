import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database.js';
import type { Principal } from './principal.js';

export interface PolicyContext {
  readonly principal: Principal | null;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly db: Queryable;
  readonly request: FastifyRequest;
}

export type PermissionCheck = (ctx: PolicyContext) => boolean | Promise<boolean>;

export interface PermissionDefinition {
  readonly check: PermissionCheck;
  /** Anonymous visitors who fail this permission are sent to the login page instead of a 403. */
  readonly needsLogin: boolean;
  /** Allowed while an administrator or coordinator still has to set up two-factor authentication. */
  readonly allowedBeforeTwoFactorSetup?: boolean;
  /** Where to send a signed-in person this permission denies, when a page can explain what they still need (e.g. two-factor authentication). */
  readonly redirectWhenDenied?: (ctx: PolicyContext) => string | null | Promise<string | null>;
}

export type RoleProvider = (db: Queryable, userId: string) => Promise<readonly string[]>;

/**
 * The policy module: a route names a permission in its config; the permission's check decides.
 * Features add their own (e.g. 'team.member') with definePermission.
 */
export class Policy {
  private readonly permissions = new Map<string, PermissionDefinition>();
  private readonly roleProviders: RoleProvider[] = [];

  constructor() {
    this.define('public', { check: () => true, needsLogin: false, allowedBeforeTwoFactorSetup: true });
    this.define('authenticated', { check: ({ principal }) => principal !== null, needsLogin: true });
    this.define('admin', { check: ({ principal }) => principal?.isAdmin === true, needsLogin: true });
  }

  define(name: string, definition: PermissionDefinition): void {
    if (this.permissions.has(name)) throw new Error(`Permissie ${name} is al gedefinieerd`);
    this.permissions.set(name, definition);
  }

  get(name: string): PermissionDefinition | undefined {
    return this.permissions.get(name);
  }

  has(name: string): boolean {
    return this.permissions.has(name);
  }

  names(): string[] {
    return [...this.permissions.keys()];
  }

  addRoleProvider(provider: RoleProvider): void {
    this.roleProviders.push(provider);
  }

  async rolesOf(db: Queryable, userId: string): Promise<Set<string>> {
    const roles = new Set<string>();
    for (const provider of this.roleProviders) for (const role of await provider(db, userId)) roles.add(role);
    return roles;
  }
}
