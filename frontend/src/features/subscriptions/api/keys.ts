/** Query keys owned by the subscriptions feature. */
export const subscriptionKeys = {
  all: ['subscriptions'] as const,
  list: ['subscriptions', 'list'] as const,
  detail: (id: string) => ['subscriptions', 'detail', id] as const,
  seatChange: (id: string, seats: number) => ['subscriptions', 'detail', id, 'seat-change', seats] as const,
  cancellation: (id: string) => ['subscriptions', 'detail', id, 'cancellation'] as const,
};
