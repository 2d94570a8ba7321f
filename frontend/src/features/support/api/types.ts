// The staff ticket queue's API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

export type StaffTicket = ResultOf<'staff_close_support_ticket'>;
export type TicketQuery = QueryOf<'list_support_tickets'>;
