// Friendly names for the generated OpenAPI schemas. Only this file knows the component
// names used in openapi.yaml; the rest of the app imports from here.
import type { components } from './schema';

type Schemas = components['schemas'];

export type AuthResponse = Schemas['AuthResponse'];
export type User = Schemas['User'];
export type Me = Schemas['Me'];
export type FreelancerSummary = NonNullable<Me['freelancer']>;
export type LoginRequest = Schemas['LoginRequest'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type RegistrationRole = RegisterRequest['role'];
export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

export type Role = 'freelancer' | 'customer' | 'support' | 'admin';
