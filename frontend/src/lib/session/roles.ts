import type { Me, Role } from '@/lib/api/types';

export const STAFF_ROLES: readonly Role[] = ['support', 'admin'];
export const FREELANCER_ROLES: readonly Role[] = ['freelancer'];
export const CUSTOMER_ROLES: readonly Role[] = ['customer'];

export function hasAnyRole(user: Pick<Me, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.some((role) => (roles as readonly string[]).includes(role));
}
