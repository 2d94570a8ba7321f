// The staff terms page's API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

export type TermsVersion = ResultOf<'publish_terms'>;
export type PublishTermsForm = BodyOf<'publish_terms'>;
