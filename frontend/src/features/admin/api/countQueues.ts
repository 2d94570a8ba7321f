// What the staff home counts: the first page of each area's queue in the state that needs
// someone. The areas own their lists; the home only asks how long they are, under the
// areas' own query-key prefixes (so a decision in an area refreshes these counts).
import { api } from '@/lib/api/client';
import { useListCount } from '@/lib/api/pagination';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';

type Page = (cursor: string | undefined, limit: number) => Promise<{ data: unknown[]; next_cursor?: string | null }>;

const submittedApplications: Page = async (cursor, limit) =>
  unwrap(await api.GET('/api/v1/admin/applications', { params: { query: { status: 'submitted', cursor, limit } } }));
const submittedAppeals: Page = async (cursor, limit) =>
  unwrap(await api.GET('/api/v1/admin/appeals', { params: { query: { status: 'submitted', cursor, limit } } }));
const openTickets: Page = async (cursor, limit) =>
  unwrap(await api.GET('/api/v1/admin/support-tickets', { params: { query: { status: 'open', cursor, limit } } }));
const sentInvitations: Page = async (cursor, limit) =>
  unwrap(await api.GET('/api/v1/admin/invitations', { params: { query: { status: 'sent', cursor, limit } } }));
const submittedAccounts: Page = async (cursor, limit) =>
  unwrap(await api.GET('/api/v1/admin/customer-accounts', { params: { query: { status: 'submitted', cursor, limit } } }));
const requestedPayouts: Page = async (cursor, limit) =>
  unwrap(await api.GET('/api/v1/admin/withdrawals', { params: { query: { status: 'requested', cursor, limit } } }));

/** The queues' lengths (up to 100 each) for the staff home. */
export function useQueueCounts() {
  return {
    applications: useListCount([...staffKeys.applications, 'list', { status: 'submitted' }], submittedApplications),
    appeals: useListCount([...staffKeys.appeals, 'list', { status: 'submitted' }], submittedAppeals),
    tickets: useListCount([...staffKeys.tickets, 'list', { status: 'open' }], openTickets),
    invitations: useListCount([...staffKeys.invitations, 'list', { status: 'sent' }], sentInvitations),
    customerAccounts: useListCount([...staffKeys.customerAccounts, 'list', { status: 'submitted' }], submittedAccounts),
    payouts: useListCount([...staffKeys.withdrawals, 'list', { status: 'requested' }], requestedPayouts),
  };
}
