import type { TicketCategory } from '@/lib/api/types';

export const TICKET_CATEGORIES: readonly TicketCategory[] = ['account', 'application', 'onboarding', 'payments', 'technical', 'other'];
